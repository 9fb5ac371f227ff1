// Copyright 2026 The Jianbao Authors.

#include "core/markdown_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace jianbao::markdown {
namespace {

std::string Table(size_t columns, size_t rows, size_t row_cells = 0) {
  std::string t;
  for (size_t c = 0; c < columns; ++c) t += "|h";
  t += "|\n";
  for (size_t c = 0; c < columns; ++c) t += "|-";
  t += "|\n";
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < (row_cells ? row_cells : columns); ++c) t += "|x";
    t += "|\n";
  }
  return t;
}

TEST(MarkdownLimitsTest, OrdinaryTextPasses) {
  EXPECT_TRUE(CheckShape("").ok());
  EXPECT_TRUE(CheckShape("# 标题\n\n正文 **加粗**，[链接](https://a.cn)。\n\n> 引用\n").ok());
  EXPECT_TRUE(CheckShape(Table(kMaxTableColumns, 100)).ok());
  EXPECT_TRUE(CheckShape("a | b\n--- | :-:\n1 | 2\n").ok());
  // Pipes outside tables are plain text.
  EXPECT_TRUE(CheckShape(std::string(5000, '|') + "\n").ok());
}

// Issue 11: a 20,000-column table took a minute to parse.
TEST(MarkdownLimitsTest, WideTablesAreRefusedNamingTheLine) {
  auto wide = CheckShape("前言\n\n" + Table(20000, 1), "body");
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.key(), "table_too_wide");
  EXPECT_EQ(wide.field(), "body");
  EXPECT_NE(wide.message().find("line 4"), std::string::npos) << wide.message();
  EXPECT_EQ(CheckShape(Table(kMaxTableColumns + 1, 1)).key(), "table_too_wide");
  // A narrow header with one very wide row (cmark-gfm is quadratic in it).
  EXPECT_EQ(CheckShape(Table(2, 3, 90000)).key(), "table_too_wide");
  // A wide header over a narrow delimiter row is refused too.
  EXPECT_EQ(CheckShape(std::string(200, '|') + "a\n|-|\n").key(), "table_too_wide");
  // Inside block quotes and list items.
  EXPECT_EQ(CheckShape("> |a|\n> |-|\n> " + std::string(200, '|') + "\n").key(), "table_too_wide");
  EXPECT_EQ(CheckShape("- |a|\n  |-|\n  " + std::string(200, '|') + "\n").key(), "table_too_wide");
  // The table ends at a blank line.
  EXPECT_TRUE(CheckShape("|a|\n|-|\n|x|\n\n" + std::string(200, '|') + "\n").ok());
}

TEST(MarkdownLimitsTest, CellsLinesMarkupAndQuotesAreCapped) {
  EXPECT_EQ(CheckShape(Table(10, 2001)).key(), "table_too_large");
  EXPECT_TRUE(CheckShape(Table(10, 1900)).ok());
  std::string lines;
  for (size_t i = 0; i <= kMaxLines; ++i) lines += "a\n";
  EXPECT_EQ(CheckShape(lines).key(), "too_many_lines");
  EXPECT_EQ(CheckShape(std::string(kMaxMarkup + 1, '*')).key(), "too_much_markup");
  std::string quotes(kMaxNesting + 1, '>');
  EXPECT_EQ(CheckShape(quotes + " a").key(), "nesting_too_deep");
  EXPECT_TRUE(CheckShape(std::string(kMaxNesting, '>') + " a").ok());
  std::string markers;
  for (size_t i = 0; i <= kMaxNesting; ++i) markers += "- ";
  EXPECT_EQ(CheckShape(markers + "a").key(), "nesting_too_deep");
  EXPECT_EQ(CheckShape("> 1. > * " + std::string(80, ' ') + "- a").key(), "nesting_too_deep");
  // Indented code and ordinary nested lists are fine.
  EXPECT_TRUE(CheckShape("- a\n  - b\n    1. c\n\n" + std::string(80, ' ') + "code\n").ok());
}

TEST(MarkdownLimitsTest, ABudgetIsSharedByTheTextsOfADocument) {
  Budget budget;
  const std::string table = Table(10, 900);  // 9,020 cells
  EXPECT_TRUE(CheckShape(table, "sections[0].body", &budget).ok());
  EXPECT_TRUE(CheckShape(table, "sections[1].body", &budget).ok());
  auto third = CheckShape(table, "sections[2].body", &budget);
  EXPECT_EQ(third.key(), "table_too_large");
  EXPECT_EQ(third.field(), "sections[2].body");
  EXPECT_TRUE(CheckShape(table, "body").ok());  // a fresh budget
}

TEST(MarkdownLimitsTest, CountsAtSigns) {
  EXPECT_EQ(CountAtSigns("a@b.cn c@d"), 2u);
  EXPECT_EQ(CountAtSigns(""), 0u);
}

}  // namespace
}  // namespace jianbao::markdown
