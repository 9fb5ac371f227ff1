// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "submissions/import.h"

namespace jianbao::submissions {
namespace {

TEST(TextImportTest, FirstShortLineIsTitle) {
  auto r = ReadText(
      "\xEF\xBB\xBF陕西行协开展网络安全宣传\r\n\r\n\xE3\x80\x80\xE3\x80\x80第一段。\r\n# 第二段\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "陕西行协开展网络安全宣传");
  EXPECT_EQ(r->body, "第一段。\n\n\\# 第二段");
}

TEST(TextImportTest, Gb18030IsDecoded) {
  // "青海" in GB18030, then a newline and "正文".
  auto r = ReadText("\xC7\xE0\xBA\xA3\n\xD5\xFD\xCE\xC4");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "青海");
  EXPECT_EQ(r->body, "正文");
}

TEST(TextImportTest, BinaryIsRefused) {
  EXPECT_EQ(ReadText(std::string("ab\0cd", 5)).status().key(), "not_text");
  ImportLimits small;
  small.max_body_bytes = 10;
  EXPECT_EQ(ReadText(std::string(20, 'a'), small).status().code(), Code::kPayloadTooLarge);
}

TEST(TextImportTest, LongFirstLineIsCut) {
  std::string line;
  for (int i = 0; i < 70; ++i) line += "字";
  auto r = ReadText(line);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title.size(), 60u * 3 + 3);
  EXPECT_EQ(r->body, line);
}

TEST(EscapeTest, Markers) {
  EXPECT_EQ(EscapeMarkdown("a*b_c[d]<e>"), "a\\*b\\_c\\[d\\]\\<e\\>");
  EXPECT_EQ(EscapeMarkdown("- item"), "\\- item");
  EXPECT_EQ(EscapeMarkdown("12) x"), "12\\) x");
  EXPECT_EQ(EscapeMarkdown("    code"), "code");
  EXPECT_EQ(EscapeMarkdown("中文，2020年"), "中文，2020年");
}

}  // namespace
}  // namespace jianbao::submissions
