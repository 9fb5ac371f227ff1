// Copyright 2026 The Jianbao Authors.

#include "typeset/writers.h"

#include <gtest/gtest.h>

#include "typeset/testing/test_images.h"
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

// Lists, headings and tables are real elements, so that screen readers announce them.
TEST(HtmlWriterTest, ListsHeadingsAndTablesAreRealElements) {
  Issue issue = Sample();
  issue.sections[1].body_markdown =
      "## 小标题\n\n- 甲\n- 乙\n  - 乙一\n\n3. 三\n4. 四\n\n| 地区 | 数 |\n|---|---|\n| 湖北 | 1 "
      "|\n";
  auto html = WriteHtml(issue, Fonts());
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  const std::string& h = *html;
  EXPECT_NE(h.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(h.find("<h4>小标题</h4>"), std::string::npos) << h;
  EXPECT_NE(h.find("<ul><li>甲</li>\n<li>乙<ul><li>乙一</li></ul>\n</li></ul>\n"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<ol><li value=\"3\">三</li>\n<li value=\"4\">四</li></ol>\n"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<thead><tr><th>地区</th><th>数</th></tr></thead>"), std::string::npos) << h;
  EXPECT_EQ(h.find("class=\"li\""), std::string::npos);
}

// The epidemic module puts its trend chart into a body in exactly this form.
TEST(HtmlWriterTest, ImagesAreEmbeddedAsDataUris) {
  Issue issue = Sample();
  std::string png = testing::DataUri("image/png", testing::MakePng(60, 40));
  std::string jpeg = testing::DataUri("image/jpeg", testing::MakeJpeg(60, 40));
  issue.sections[1].body_markdown = "![疫情趋势](" + png + ")\n\n![](" + jpeg + ")\n";
  auto html = WriteHtml(issue, Fonts());
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("<img src=\"" + png + "\" alt=\"疫情趋势\">"), std::string::npos);
  EXPECT_NE(html->find("<figcaption>疫情趋势</figcaption>"), std::string::npos);
  EXPECT_NE(html->find("<img src=\"" + jpeg + "\""), std::string::npos);
  auto text = WriteText(issue, nullptr);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("［图：疫情趋势］"), std::string::npos);
  EXPECT_EQ(text->find("base64"), std::string::npos);
}

TEST(RenderTest, BadImageIsAnErrorNamingTheBodyInEveryWriter) {
  Issue issue = Sample();
  issue.sections[1].body_markdown = "正文。\n\n![图](data:image/png;base64,iVBORw0KGgo=)\n";
  for (auto status :
       {RenderHtml(issue, Fonts()).status(), RenderDocx(issue, Fonts()).status(),
        RenderPdf(issue, Fonts()).status(), RenderPngPages(issue, Fonts(), 20).status()}) {
    EXPECT_EQ(status.field(), "sections[1].body") << status.ToString();
    EXPECT_NE(status.message().find("data:image/png"), std::string::npos) << status.message();
  }
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
