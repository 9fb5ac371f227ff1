// Copyright 2026 The Jianbao Authors.

#include "core/image_size.h"

#include <gtest/gtest.h>

namespace jianbao::image_size {
namespace {

std::string Be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string Png(uint32_t w, uint32_t h) {
  return std::string("\x89PNG\r\n\x1a\n", 8) + Be32(13) + "IHDR" + Be32(w) + Be32(h) +
         std::string("\x01\x00\x00\x00\x00", 5) + Be32(0);
}

std::string Jpeg(uint16_t w, uint16_t h) {
  std::string app0("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  std::string sof("\xFF\xC2\x00\x11\x08", 5);  // progressive
  sof += {static_cast<char>(h >> 8), static_cast<char>(h), static_cast<char>(w >> 8),
          static_cast<char>(w)};
  sof += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  return std::string("\xFF\xD8", 2) + app0 + "\xFF\xFF" + sof;  // with a fill byte
}

TEST(ImageSizeTest, ReadsDeclaredSizes) {
  auto png = Read(Png(8000, 8000));
  ASSERT_TRUE(png);
  EXPECT_STREQ(png->format, "png");
  EXPECT_EQ(png->width, 8000);
  auto jpeg = Read(Jpeg(6000, 4000));
  ASSERT_TRUE(jpeg);
  EXPECT_STREQ(jpeg->format, "jpeg");
  EXPECT_EQ(jpeg->width, 6000);
  EXPECT_EQ(jpeg->height, 4000);
  auto gif = Read(std::string("GIF89a\x40\x1f\x10\x27", 10));
  ASSERT_TRUE(gif);
  EXPECT_EQ(gif->width, 8000);
  EXPECT_EQ(gif->height, 10000);
  std::string vp8x = "RIFF" + std::string(4, '\0') + "WEBPVP8X" + std::string(8, '\0') +
                     std::string("\x3f\x9c\x00\x3f\x9c\x00", 6);  // 40000 - 1
  auto webp = Read(vp8x);
  ASSERT_TRUE(webp);
  EXPECT_EQ(webp->width, 40000);
  EXPECT_FALSE(Read("plain text"));
  EXPECT_FALSE(Read(Png(1, 1).substr(0, 20)));
  EXPECT_FALSE(Read(Jpeg(10, 10).substr(0, 22)));
}

TEST(ImageSizeTest, ChecksTheLimits) {
  EXPECT_TRUE(Check(Png(8000, 6000), "file", "a.png").ok());
  EXPECT_TRUE(Check("not an image", "file", "x").ok());
  Status bomb = Check(Png(8000, 8000), "file", "bomb.png");
  EXPECT_EQ(bomb.key(), "image_too_large");
  EXPECT_EQ(bomb.field(), "file");
  EXPECT_NE(bomb.message().find("bomb.png declares 8000 × 8000"), std::string::npos);
  EXPECT_EQ(Check(Png(8001, 10), "f", "x").key(), "image_too_large");
  EXPECT_EQ(Check(Jpeg(65535, 65535), "f", "x").key(), "image_too_large");
  EXPECT_EQ(Check(Png(0xFFFFFFFF, 0xFFFFFFFF), "f", "x").key(), "image_too_large");
}

}  // namespace
}  // namespace jianbao::image_size
