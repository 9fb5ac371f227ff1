// Copyright 2026 The Jianbao Authors.

#include "bulletins/legacy_lines.h"

#include <gtest/gtest.h>

namespace jianbao::bulletins::legacy {
namespace {

TEST(LegacyLinesTest, StrayPageNumbers) {
  for (const char* yes :
       {"3", "12", "— 3 —", "-12-", "– 7 –", "--  999  --", "第 3 页", "第12页"}) {
    EXPECT_TRUE(IsStrayPageNumber(yes)) << yes;
  }
  for (const char* no :
       {"", "1000", "- -", "3 4", "第 3 期", "页", "12a", "a12", "第 1000 页", "第3页 ", "3。"}) {
    EXPECT_FALSE(IsStrayPageNumber(no)) << no;
  }
}

TEST(LegacyLinesTest, LongLinesAreLinear) {
  // A std::regex with an alternation under a star recursed once per
  // character here and overflowed the stack (issue 11).
  const std::string dashes(1 << 20, '-');
  EXPECT_FALSE(IsStrayPageNumber(dashes));
  EXPECT_TRUE(IsStrayPageNumber(dashes + "7" + dashes));
  std::string em;
  for (int i = 0; i < 100000; ++i) em += "—";
  EXPECT_FALSE(IsStrayPageNumber(em));
  ContentsLine c;
  EXPECT_FALSE(ParseContentsLine("1. " + dashes, &c));
  EXPECT_FALSE(ParseContentsLine("1. " + std::string(1 << 20, '.') + "3", &c));
  EXPECT_FALSE(ParseContentsLine("1. " + std::string(1 << 20, 'a') + " 3", &c));  // title too long
  EXPECT_EQ(FindDate(std::string(1 << 20, ' ') + "年"), "");
  std::string years;
  for (int i = 0; i < 100000; ++i) years += "2020 年 ";
  EXPECT_EQ(FindDate(years), "");
  EXPECT_EQ(ParseSubtitle("(" + dashes + ")"), dashes);
  EXPECT_EQ(EscapeListMarker(dashes), dashes);
}

TEST(LegacyLinesTest, ContentsLines) {
  ContentsLine c;
  ASSERT_TRUE(ParseContentsLine("1. 湖北行协·抗击疫情 我们在行动\t1", &c));
  EXPECT_EQ(c.title, "湖北行协·抗击疫情 我们在行动");
  EXPECT_EQ(c.page, 1);
  ASSERT_TRUE(ParseContentsLine(" 12 、 标题……………… 34 ", &c));
  EXPECT_EQ(c.title, "标题");
  EXPECT_EQ(c.page, 34);
  ASSERT_TRUE(ParseContentsLine("3．标题·····5", &c));
  EXPECT_EQ(c.title, "标题");
  EXPECT_EQ(c.page, 5);
  ASSERT_TRUE(ParseContentsLine("7. 疫情动态（截至 3 月 18 日）\t11", &c));
  EXPECT_EQ(c.title, "疫情动态（截至 3 月 18 日）");
  EXPECT_EQ(c.page, 11);
  // A page number longer than three digits: the rest belongs to the title.
  ASSERT_TRUE(ParseContentsLine("1. 第 2020", &c));
  EXPECT_EQ(c.title, "第 2");
  EXPECT_EQ(c.page, 20);
  // A title that ends in a character whose last UTF-8 byte is also a byte
  // of '…' is kept whole (the old byte-wise regex cut it).
  ASSERT_TRUE(ParseContentsLine("1. 标题耀 2", &c));
  EXPECT_EQ(c.title, "标题耀");
  for (const char* no : {"", "1.", "1. 3", "123. 标题 4", "a. 标题 4", "1 标题 4", "1. 标题",
                         "一、标题 4", "1. … 4"}) {
    EXPECT_FALSE(ParseContentsLine(no, &c)) << no;
  }
}

TEST(LegacyLinesTest, IssueNumbers) {
  EXPECT_EQ(ParseIssueNumber("第31期"), 31);
  EXPECT_EQ(ParseIssueNumber("第 31 期"), 31);
  EXPECT_EQ(ParseIssueNumber("第9999期"), 9999);
  EXPECT_EQ(ParseIssueNumber("第10000期"), 0);
  EXPECT_EQ(ParseIssueNumber("第期"), 0);
  EXPECT_EQ(ParseIssueNumber("第31期 "), 0);
  EXPECT_EQ(ParseIssueNumber("总第31期"), 0);
}

TEST(LegacyLinesTest, Dates) {
  EXPECT_EQ(FindDate("2020年3月19日"), "2020-03-19");
  EXPECT_EQ(FindDate("中国通信企业协会秘书处 2020 年 3 月 19 日印发"), "2020-03-19");
  EXPECT_EQ(FindDate("12020年12月1日"), "2020-12-01");
  EXPECT_EQ(FindDate("2020年123月1日 2021年1月2日"), "2021-01-02");
  EXPECT_EQ(FindDate("2020年3月19"), "");
  EXPECT_EQ(FindDate("20年3月19日"), "");
  EXPECT_EQ(FindDate("年月日"), "");
  EXPECT_EQ(FindDate("2020年13月40日"), "2020-13-40");  // the caller checks the calendar
}

TEST(LegacyLinesTest, Subtitles) {
  EXPECT_EQ(ParseSubtitle("(协会专刊)"), "协会专刊");
  EXPECT_EQ(ParseSubtitle("（ 协会专刊 ）"), "协会专刊");
  EXPECT_EQ(ParseSubtitle("(协会专刊）"), "协会专刊");
  EXPECT_EQ(ParseSubtitle("()"), "");
  EXPECT_EQ(ParseSubtitle("协会专刊"), "");
  EXPECT_EQ(ParseSubtitle("(协会专刊"), "");
}

TEST(LegacyLinesTest, OrgNames) {
  EXPECT_TRUE(IsOrgName("中国通信企业协会"));
  EXPECT_TRUE(IsOrgName("工业和信息化部"));
  EXPECT_TRUE(IsOrgName("某某管理局"));
  EXPECT_FALSE(IsOrgName("信息简报"));
  EXPECT_FALSE(IsOrgName(""));
}

TEST(LegacyLinesTest, ListMarkers) {
  EXPECT_EQ(EscapeListMarker("1. 第一"), "1\\. 第一");
  EXPECT_EQ(EscapeListMarker("123456789) x"), "123456789\\) x");
  EXPECT_EQ(EscapeListMarker("1234567890. x"), "1234567890. x");
  EXPECT_EQ(EscapeListMarker("1.5 亿"), "1.5 亿");
  EXPECT_EQ(EscapeListMarker("1."), "1.");
  EXPECT_EQ(EscapeListMarker("一、x"), "一、x");
}

}  // namespace
}  // namespace jianbao::bulletins::legacy
