// Copyright 2026 The Jianbao Authors.

#include "core/text.h"

#include <gtest/gtest.h>

namespace jianbao::text {
namespace {

TEST(TextTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("简报 abc"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE7\xAE"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
}

TEST(TextTest, DecodeEncodeRoundTrip) {
  std::string s = "第31期，𠀀";
  std::string out;
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(c, &out);
  EXPECT_EQ(out, s);
  EXPECT_EQ(CodePointCount(s), 6u);
}

TEST(TextTest, TrimFullWidthSpaces) { EXPECT_EQ(Trim("\u3000 湖北行协 \n"), "湖北行协"); }

TEST(TextTest, Masking) {
  EXPECT_EQ(MaskPhone("13812341234"), "138****1234");
  EXPECT_EQ(MaskPhone("123"), "****");
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName("李"), "李*");
}

TEST(TextTest, PercentEncode) {
  EXPECT_EQ(PercentEncode("第1期.pdf"), "%E7%AC%AC1%E6%9C%9F.pdf");
  EXPECT_EQ(PercentEncode("a b\"';"), "a%20b%22%27%3B");
}

TEST(TextTest, CjkIdeographs) {
  EXPECT_TRUE(IsCjkIdeograph(U'简'));
  EXPECT_FALSE(IsCjkIdeograph(U'，'));
  EXPECT_FALSE(IsCjkIdeograph(U'a'));
}

}  // namespace
}  // namespace jianbao::text
