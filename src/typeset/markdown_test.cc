// Copyright 2026 The Jianbao Authors.

#include "typeset/markdown.h"

#include <gtest/gtest.h>

namespace jianbao::typeset {
namespace {

TEST(MarkdownTest, BlocksAndInlines) {
  auto r = ParseMarkdown("## 小标题\n\n第一段**加粗**和*强调*，\n续行。\n\n- 甲\n- 乙\n\n> 引文\n");
  ASSERT_TRUE(r.ok());
  const auto& b = *r;
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[0].kind, Block::Kind::kHeading);
  EXPECT_EQ(b[0].level, 2);
  EXPECT_EQ(b[1].kind, Block::Kind::kParagraph);
  // A soft break between Chinese characters disappears.
  EXPECT_EQ(PlainText(b[1].spans), "第一段加粗和强调，续行。");
  EXPECT_EQ(b[1].spans[1].marks, kStrong);
  EXPECT_EQ(b[2].kind, Block::Kind::kListItem);
  EXPECT_EQ(b[2].marker, "•");
  EXPECT_EQ(b[4].kind, Block::Kind::kQuote);
}

TEST(MarkdownTest, Tables) {
  auto r = ParseMarkdown("| 地区 | 确诊 |\n|:--|--:|\n| 湖北 | 67800 |\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  const Block& t = (*r)[0];
  EXPECT_EQ(t.kind, Block::Kind::kTable);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(PlainText(t.rows[1][1]), "67800");
  EXPECT_EQ(t.align, "lr");
}

TEST(MarkdownTest, ImageParagraphBecomesImageBlock) {
  auto r = ParseMarkdown("![现场](img/a.png)\n\n文字![图](b.png)");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].kind, Block::Kind::kImage);
  EXPECT_EQ((*r)[0].src, "img/a.png");
  EXPECT_EQ((*r)[1].kind, Block::Kind::kParagraph);
}

TEST(MarkdownTest, ImageWithoutAltTextAndDataUri) {
  std::string uri = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg+/=";
  auto r = ParseMarkdown("![](" + uri + ")\n\n![趋势](" + uri + ")");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].kind, Block::Kind::kImage);
  EXPECT_EQ((*r)[0].src, uri);
  EXPECT_EQ((*r)[0].alt, "");
  EXPECT_EQ((*r)[1].alt, "趋势");
}

TEST(MarkdownTest, RejectsInvalidUtf8AndDeepNestingIsSafe) {
  EXPECT_FALSE(ParseMarkdown("\xff\xfe").ok());
  // Safe, and since issue 11 refused by name: 100,000 nested quotes made
  // 100,000 nested <blockquote> in every preview of the piece.
  std::string deep(100000, '>');
  auto r = ParseMarkdown(deep + " x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "nesting_too_deep");
  EXPECT_TRUE(ParseMarkdown(std::string(32, '>') + " x").ok());
}

// Issue 11: cmark-gfm is quadratic in a table's width.
TEST(MarkdownTest, WideTablesAreRefusedNamingTheLine) {
  std::string wide;
  for (int i = 0; i < 20000; ++i) wide += "|h";
  wide += "|\n";
  for (int i = 0; i < 20000; ++i) wide += "|-";
  auto r = ParseMarkdown("前言\n\n" + wide + "|\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "table_too_wide");
  EXPECT_EQ(r.status().field(), "body");
  EXPECT_NE(r.status().message().find("line 4"), std::string::npos) << r.status().message();
}

TEST(MarkdownTest, ManyAtSignsTurnAutolinksOff) {
  auto few = ParseMarkdown("写信到 a@b.cn");
  ASSERT_TRUE(few.ok());
  bool linked = false;
  for (const Span& s : (*few)[0].spans) linked |= (s.marks & kLink) != 0;
  EXPECT_TRUE(linked);
  std::string many = "写信到 a@b.cn ";
  for (int i = 0; i < 3000; ++i) many += "x@";
  auto r = ParseMarkdown(many);
  ASSERT_TRUE(r.ok());
  for (const Span& s : (*r)[0].spans) EXPECT_EQ(s.marks & kLink, 0);
}

}  // namespace
}  // namespace jianbao::typeset
