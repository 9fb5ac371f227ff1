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

TEST(TextTest, FirstAndLastCodePoint) {
  EXPECT_EQ(FirstCodePoint(""), 0u);
  EXPECT_EQ(LastCodePoint(""), 0u);
  EXPECT_EQ(FirstCodePoint("简报a"), U'简');
  EXPECT_EQ(LastCodePoint("a简报"), U'报');
  EXPECT_EQ(LastCodePoint("x𠀀"), U'𠀀');
  EXPECT_EQ(LastCodePoint("ab"), U'b');
  EXPECT_EQ(LastCodePoint("a\xE7\xAE"), 0xFFFDu);  // truncated
  EXPECT_EQ(FirstCodePoint("\xFF"), 0xFFFDu);
  EXPECT_EQ(CodePointCount(std::string("\xFF") + "a简"), 3u);
  // Linear: a long string costs no more than reading it.
  EXPECT_EQ(LastCodePoint(std::string(1 << 20, '-') + "。"), U'。');
}

TEST(TextTest, MaskUrlPassword) {
  EXPECT_EQ(MaskUrlPassword("postgresql://jianbao:s3cr:et@db:5432/jb"),
            "postgresql://jianbao:***@db:5432/jb");
  EXPECT_EQ(MaskUrlPassword("postgresql://jianbao@db/jb"), "postgresql://jianbao@db/jb");
  EXPECT_EQ(MaskUrlPassword("sqlite:var/jianbao.db"), "sqlite:var/jianbao.db");
  EXPECT_EQ(MaskUrlPassword("a://u:p@h b://v:q@i"), "a://u:***@h b://v:***@i");
  EXPECT_EQ(MaskUrlPassword("a://u:p"), "a://u:p");
  EXPECT_EQ(MaskUrlPassword("a://:p@h"), "a://:p@h");
  const std::string hostile = "x://" + std::string(100000, 'u') + ":" + std::string(100000, ':');
  EXPECT_EQ(MaskUrlPassword(hostile), hostile);
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "x://u:";
  EXPECT_EQ(MaskUrlPassword(many), many);
}

TEST(TextTest, ValidCode) {
  EXPECT_TRUE(IsValidCode("hubei"));
  EXPECT_TRUE(IsValidCode("ccea-epidemic"));
  EXPECT_TRUE(IsValidCode("9a"));
  EXPECT_TRUE(IsValidCode(std::string(32, 'a')));
  EXPECT_FALSE(IsValidCode(std::string(33, 'a')));
  EXPECT_FALSE(IsValidCode("a"));
  EXPECT_FALSE(IsValidCode("-hubei"));
  EXPECT_FALSE(IsValidCode("Hubei"));
  EXPECT_FALSE(IsValidCode("hu bei"));
  EXPECT_FALSE(IsValidCode("hu_bei"));
  EXPECT_FALSE(IsValidCode("湖北"));
  EXPECT_FALSE(IsValidCode(std::string("ab\0c", 4)));
}

TEST(TextTest, ValidLogin) {
  EXPECT_TRUE(IsValidLogin("qinghai-reporter"));
  EXPECT_TRUE(IsValidLogin("Li.Ming_2"));
  EXPECT_TRUE(IsValidLogin(std::string(64, 'a')));
  EXPECT_FALSE(IsValidLogin(std::string(65, 'a')));
  EXPECT_FALSE(IsValidLogin("a"));
  EXPECT_FALSE(IsValidLogin(".ming"));
  EXPECT_FALSE(IsValidLogin("li ming"));
  EXPECT_FALSE(IsValidLogin("li@ming"));
  EXPECT_FALSE(IsValidLogin("李明"));
}

TEST(TextTest, ValidEmail) {
  EXPECT_TRUE(IsValidEmail("a@b.cn"));
  EXPECT_TRUE(IsValidEmail("li.ming+x@mail.hubei-xh.org.cn"));
  EXPECT_TRUE(IsValidEmail("o'brien@example.com"));
  EXPECT_FALSE(IsValidEmail(""));
  EXPECT_FALSE(IsValidEmail("a@localhost"));
  EXPECT_FALSE(IsValidEmail("@b.cn"));
  EXPECT_FALSE(IsValidEmail("a@b..cn"));
  EXPECT_FALSE(IsValidEmail("a@-b.cn"));
  EXPECT_FALSE(IsValidEmail("a@b-.cn"));
  EXPECT_FALSE(IsValidEmail("a@b.cn."));
  EXPECT_FALSE(IsValidEmail("a b@b.cn"));
  EXPECT_FALSE(IsValidEmail("a@b.cn\r\nBcc: x@y.cn"));
  EXPECT_FALSE(IsValidEmail("a@b@c.cn"));
  EXPECT_FALSE(IsValidEmail(std::string(65, 'a') + "@b.cn"));
  EXPECT_TRUE(IsValidEmail(std::string(64, 'a') + "@b.cn"));
  EXPECT_FALSE(IsValidEmail("a@" + std::string(64, 'b') + ".cn"));
  EXPECT_TRUE(IsValidEmail("a@" + std::string(63, 'b') + ".cn"));
  // Long hostile input is answered without backtracking.
  std::string hostile = "a@";
  for (int i = 0; i < 100000; ++i) hostile += "a.";
  EXPECT_FALSE(IsValidEmail(hostile));
}

TEST(TextTest, SplitCommasKeepsEmptyParts) {
  EXPECT_TRUE(SplitCommas("").empty());
  EXPECT_EQ(SplitCommas("draft"), (std::vector<std::string>{"draft"}));
  EXPECT_EQ(SplitCommas("a,,b"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(SplitCommas("a,"), (std::vector<std::string>{"a", ""}));
}

}  // namespace
}  // namespace jianbao::text

namespace jianbao::text {
namespace {

TEST(EscapeXmlTest, EscapesMarkupAndDropsWhatXmlForbids) {
  EXPECT_EQ(EscapeXml("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(EscapeXml(std::string("一\x07二\t三\xEF\xBF\xBE")), "一二\t三");
}

TEST(CleanControlCharsTest, DropsWhatXmlForbidsAndKeepsWordLineBreaks) {
  EXPECT_EQ(CleanControlChars(std::string("一\x01二\v三\f四\t<&>\xEF\xBF\xBF")),
            "一二\n三\n四\t<&>");
  EXPECT_EQ(CleanControlChars("普通文本\r\n"), "普通文本\r\n");
}

}  // namespace
}  // namespace jianbao::text
