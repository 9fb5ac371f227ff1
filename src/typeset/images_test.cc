// Copyright 2026 The Jianbao Authors.

#include "typeset/images.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/bytes.h"
#include "typeset/test_images.h"

namespace jianbao::typeset {
namespace {

using testing::DataUri;
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
  EXPECT_EQ(cairo_image_surface_get_height((*jpeg)->pixels.get()), 48);
  const unsigned char* data = nullptr;
  unsigned long length = 0;
  cairo_surface_get_mime_data((*jpeg)->pixels.get(), CAIRO_MIME_TYPE_JPEG, &data, &length);
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

}  // namespace
}  // namespace jianbao::typeset
