// Copyright 2026 The Jianbao Authors.

#include "typeset/images.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/bytes.h"
#include "typeset/testing/test_images.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

using testing::DataUri;
using testing::MakeAlphaPng;
using testing::MakeBombPng;
using testing::MakeJpeg;
using testing::MakePng;

TEST(ImagesTest, PngAndJpegDataUris) {
  auto png = LoadImage("", DataUri("image/png", MakePng(40, 30)));
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_EQ((*png)->type, Image::Type::kPng);
  EXPECT_EQ((*png)->width, 40);
  EXPECT_EQ((*png)->height, 30);
  auto jpeg = LoadImage("", DataUri("image/jpeg", MakeJpeg(64, 48)));
  ASSERT_TRUE(jpeg.ok()) << jpeg.status().ToString();
  EXPECT_EQ((*jpeg)->type, Image::Type::kJpeg);
  EXPECT_EQ((*jpeg)->width, 64);
  auto pixels = DecodeImage(**jpeg, 64, 48);
  ASSERT_TRUE(pixels.ok()) << pixels.status().ToString();
  EXPECT_EQ(cairo_image_surface_get_height(pixels->get()), 48);
  const unsigned char* data = nullptr;
  unsigned long length = 0;
  cairo_surface_get_mime_data(pixels->get(), CAIRO_MIME_TYPE_JPEG, &data, &length);
  EXPECT_EQ(length, (*jpeg)->bytes.size()) << "the PDF embeds the JPEG as it is";
  EXPECT_TRUE(LoadImage("", "DATA:Image/JPG;base64," + bytes::Base64Encode(MakeJpeg(8, 8))).ok());
  auto progressive = LoadImage("", DataUri("image/jpeg", MakeJpeg(33, 17, true)));
  ASSERT_TRUE(progressive.ok()) << progressive.status().ToString();
  EXPECT_EQ((*progressive)->width, 33);
}

TEST(ImagesTest, FilesInsideTheIssueFolder) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "jb_images_test";
  std::filesystem::create_directories(dir / "img");
  std::ofstream(dir / "img" / "a.jpg", std::ios::binary) << MakeJpeg(20, 10);
  auto jpeg = LoadImage(dir.string(), "img/a.jpg");
  ASSERT_TRUE(jpeg.ok()) << jpeg.status().ToString();
  EXPECT_EQ((*jpeg)->width, 20);
  EXPECT_FALSE(LoadImage(dir.string(), "img/missing.png").ok());
  EXPECT_FALSE(LoadImage(dir.string(), "../a.png").ok());
  // Without a folder (server-side rendering) no file is read, only data: URIs.
  auto no_files = LoadImage("", "img/a.png");
  ASSERT_FALSE(no_files.ok());
  EXPECT_NE(no_files.status().message().find("only data:image"), std::string::npos);
  EXPECT_FALSE(LoadImage(dir.string(), "/etc/passwd").ok());
  EXPECT_FALSE(LoadImage(dir.string(), "http://example.com/a.png").ok());
  std::filesystem::remove_all(dir);
}

// Every refusal is an error with a message, never a crash, and never quotes
// the payload of a data URI.
TEST(ImagesTest, BadImagesAreErrors) {
  std::string png = MakePng(40, 30), jpeg = MakeJpeg(64, 48);
  std::string huge = png;
  huge[16] = 0;
  huge[17] = 0;
  huge[18] = 0x23;
  huge[19] = 0x28;  // width 9000 in IHDR
  struct Case {
    std::string src, says;
  } cases[] = {
      {"data:image/png;base64,!!!!", "not valid base64"},
      {"data:image/png,rawbytes", "must be base64"},
      {"data:image/gif;base64,R0lGODlh", "data:image/png or data:image/jpeg"},
      {"data:text/html;base64,PHNjcmlwdD4=", "data:image/png or data:image/jpeg"},
      {DataUri("image/png", "GIF89a-not-an-image"), "neither PNG nor JPEG"},
      {DataUri("image/png", png.substr(0, png.size() / 2)), "cannot be decoded as PNG"},
      {DataUri("image/png", huge), "at most 8000"},
      {DataUri("image/jpeg", jpeg.substr(0, 40)), "cannot be decoded as JPEG"},
      {DataUri("image/png", std::string("\x89PNG\r\n\x1a\n", 8)), "not a valid PNG"},
      {DataUri("image/png", MakeBombPng(8000, 8000)), "64.0 megapixels (8000 × 8000)"},
      {DataUri("image/png", MakeBombPng(4000, 4000, /*interlaced=*/true)),
       "interlaced PNG of 16.0 megapixels"},
      {DataUri("image/jpeg", MakeJpeg(4000, 3200, /*progressive=*/true)),
       "progressive JPEG of 12.8 megapixels"},
  };
  for (const Case& c : cases) {
    auto image = LoadImage("", c.src);
    ASSERT_FALSE(image.ok()) << c.src;
    EXPECT_NE(image.status().message().find(c.says), std::string::npos) << image.status().message();
    EXPECT_LT(image.status().message().size(), 200u) << image.status().message();
  }
  std::string big(kMaxImageBytes / 3 * 4 + 400, 'A');
  auto too_big = LoadImage("", "data:image/png;base64," + big);
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.status().message().find("10 MiB"), std::string::npos);
}

// A bomb under the per-image cap decodes in a few rows' worth of memory: the
// surface is reduced to what is asked for.
TEST(ImagesTest, LargeImagesDecodeReduced) {
  auto bomb = LoadImage("", DataUri("image/png", MakeBombPng(8000, 6000)));
  ASSERT_TRUE(bomb.ok()) << bomb.status().ToString();
  EXPECT_EQ((*bomb)->width, 8000);
  EXPECT_LT((*bomb)->bytes.size(), 10000u);
  auto small = DecodeImage(**bomb, 1843, 1382);
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  EXPECT_EQ(cairo_image_surface_get_width(small->get()), 2000);  // 8000 / 4
  EXPECT_EQ(cairo_image_surface_get_height(small->get()), 1500);
  EXPECT_EQ(cairo_image_surface_get_format(small->get()), CAIRO_FORMAT_RGB24);
  const uint32_t* px =
      reinterpret_cast<const uint32_t*>(cairo_image_surface_get_data(small->get()));
  EXPECT_EQ(px[0] & 0xFFFFFF, 0u) << "black";

  auto jpeg = LoadImage("", DataUri("image/jpeg", MakeJpeg(3000, 2000)));
  ASSERT_TRUE(jpeg.ok()) << jpeg.status().ToString();
  auto thumb = DecodeImage(**jpeg, 300, 200);
  ASSERT_TRUE(thumb.ok()) << thumb.status().ToString();
  // DCT scaling to 1/8 (375 × 250): the smallest eighth that holds 300 × 200.
  EXPECT_EQ(cairo_image_surface_get_width(thumb->get()), 375);
  auto third = DecodeImage(**jpeg, 1000, 600);  // 3/8
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(cairo_image_surface_get_width(third->get()), 1125);
  auto quarter = DecodeImage(**jpeg, 150, 100);  // 1/8, then 2
  ASSERT_TRUE(quarter.ok());
  EXPECT_EQ(cairo_image_surface_get_width(quarter->get()), 188);
  auto full = DecodeImage(**jpeg, 3000, 2000);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(cairo_image_surface_get_width(full->get()), 3000);
  auto bigger = DecodeImage(**jpeg, 9000, 9000);
  ASSERT_TRUE(bigger.ok());
  EXPECT_EQ(cairo_image_surface_get_width(bigger->get()), 3000) << "never enlarged";
}

TEST(ImagesTest, TransparencyAndInterlacingDecode) {
  auto alpha = LoadImage("", DataUri("image/png", MakeAlphaPng(40, 10)));
  ASSERT_TRUE(alpha.ok()) << alpha.status().ToString();
  auto px = DecodeImage(**alpha, 20, 5);  // factor 2
  ASSERT_TRUE(px.ok());
  EXPECT_EQ(cairo_image_surface_get_format(px->get()), CAIRO_FORMAT_ARGB32);
  const uint32_t* p = reinterpret_cast<const uint32_t*>(cairo_image_surface_get_data(px->get()));
  EXPECT_EQ(p[0], 0xFFFF0000u) << "opaque red";
  EXPECT_EQ(p[19], 0u) << "transparent";
  auto interlaced = LoadImage("", DataUri("image/png", MakeBombPng(300, 200, true)));
  ASSERT_TRUE(interlaced.ok()) << interlaced.status().ToString();
  auto ipx = DecodeImage(**interlaced, 100, 100);
  ASSERT_TRUE(ipx.ok()) << ipx.status().ToString();
  EXPECT_EQ(cairo_image_surface_get_width(ipx->get()), 150);
}

TEST(ImagesTest, DocumentBudget) {
  ImageBudget budget(100'000'000);
  const std::string bomb = DataUri("image/png", MakeBombPng(8000, 6000));
  ASSERT_TRUE(LoadImage("", bomb, &budget).ok());
  ASSERT_TRUE(LoadImage("", bomb, &budget).ok());
  auto third = LoadImage("", bomb, &budget);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.status().key(), "too_many_pixels");
  EXPECT_NE(third.status().message().find("200.0 megapixels"), std::string::npos)
      << third.status().message();
  EXPECT_TRUE(LoadImage("", DataUri("image/png", MakePng(100, 100)), &budget).ok())
      << "what is left is still usable";
}

TEST(ImagesTest, ReduceImageForPrint) {
  // 6000 × 4000 prints 156 mm wide (1843 pixels at 300 dpi): DCT-scaled by 3/8.
  const std::string photo = MakeJpeg(6000, 4000);
  auto reduced = ReduceImageForPrint(photo);
  ASSERT_TRUE(reduced.ok()) << reduced.status().ToString();
  EXPECT_LT(reduced->size(), photo.size());
  auto image = LoadImageBytes(*reduced, "x");
  ASSERT_TRUE(image.ok()) << image.status().ToString();
  EXPECT_EQ((*image)->type, Image::Type::kJpeg);
  EXPECT_EQ((*image)->width, 2250);
  EXPECT_EQ((*image)->height, 1500);
  const std::string big_png = MakeBombPng(8000, 6000);
  auto png = ReduceImageForPrint(big_png);
  ASSERT_TRUE(png.ok());
  auto png_image = LoadImageBytes(*png, "x");
  ASSERT_TRUE(png_image.ok());
  EXPECT_EQ((*png_image)->type, Image::Type::kPng);
  EXPECT_EQ((*png_image)->width, 2000) << "8000 / 4";
  const std::string small = MakePng(800, 600);
  EXPECT_EQ(*ReduceImageForPrint(small), small) << "already printable as it is";
  EXPECT_EQ(ReduceImageForPrint(MakeBombPng(8000, 8000)).status().key(), "bad_image");
  EXPECT_FALSE(ReduceImageForPrint("not an image").ok());
}

}  // namespace
}  // namespace jianbao::typeset
