// Copyright 2026 The Jianbao Authors.

#include "typeset/writers.h"

#include <gtest/gtest.h>

#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

Issue Sample() {
  Issue issue;
  issue.masthead = "中国通信企业协会";
  issue.title_lines = {"信息简报"};
  issue.subtitle = "协会专刊";
  issue.number = 31;
  issue.issuer = "秘书处";
  issue.date = "2020-03-19";
  issue.sections = {{"甲<b>文章</b>",
                     "正文<script>alert(1)</script>，[链接](javascript:alert(1))。\n\n"
                     "| 地区 | 数 |\n|---|---|\n| 湖北 | 1 |\n",
                     ""},
                    {"乙文章", "## 小标题\n\n第二段。", ""}};
  issue.closing_note = "（完）";
  issue.distribution = {{"报", {"工业和信息化部", "某局"}}};
  issue.copies = 100;
  return issue;
}

TEST(TextWriterTest, LaidOutLikeALegacyBulletin) {
  PageMap pages;
  pages.section_pages = {1, 3};
  auto text = WriteText(Sample(), &pages);
  ASSERT_TRUE(text.ok());
  const std::string& t = *text;
  EXPECT_NE(t.find("（协会专刊）\n\n第 31 期\n\n秘书处\n\n2020年3月19日"), std::string::npos) << t;
  EXPECT_NE(t.find("目 录\n\n1. 甲<b>文章</b>\t1\n2. 乙文章\t3\n"), std::string::npos) << t;
  EXPECT_NE(t.find("地区\t数\n湖北\t1"), std::string::npos);
  EXPECT_NE(t.find("报：工业和信息化部，某局。"), std::string::npos);
  EXPECT_NE(t.find("（共印100份）"), std::string::npos);
}

TEST(HtmlWriterTest, EscapedSelfContainedResponsive) {
  auto html = WriteHtml(Sample(), Fonts());
  ASSERT_TRUE(html.ok());
  const std::string& h = *html;
  EXPECT_EQ(h.find("<script>"), std::string::npos);
  EXPECT_EQ(h.find("<b>"), std::string::npos);
  EXPECT_EQ(h.find("javascript:"), std::string::npos);
  EXPECT_NE(h.find("甲&lt;b&gt;文章&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(h.find("name=\"viewport\""), std::string::npos);
  EXPECT_NE(h.find("@media print"), std::string::npos);
  EXPECT_NE(h.find("@page{size:A4"), std::string::npos);
  EXPECT_EQ(h.find("<link"), std::string::npos) << "no external stylesheet";
  EXPECT_NE(h.find("<table>"), std::string::npos);
  EXPECT_NE(h.find("href=\"#s2\""), std::string::npos);
}

TEST(RenderTest, InvalidIssueIsRejectedByEveryWriter) {
  Issue bad = Sample();
  bad.date = "2020-13-01";
  EXPECT_EQ(RenderHtml(bad, Fonts()).status().field(), "date");
  EXPECT_EQ(RenderDocx(bad, Fonts()).status().field(), "date");
  EXPECT_EQ(RenderPdf(bad, Fonts()).status().field(), "date");
  Issue empty = Sample();
  empty.sections.clear();
  EXPECT_EQ(RenderText(empty, Fonts()).status().field(), "sections");
}

}  // namespace
}  // namespace jianbao::typeset
