// Copyright 2026 The Jianbao Authors.
//
// The typesetter's bounds on hostile issues (issue 11): table width and cells
// across all sections, and the time budget of a render.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

Issue WithSections(std::vector<Section> sections) {
  Issue issue;
  issue.title_lines = {"信息简报"};
  issue.number = 1;
  issue.issuer = "秘书处";
  issue.date = "2020-03-19";
  issue.sections = std::move(sections);
  return issue;
}

std::string Table(int columns, int rows) {
  std::string t;
  for (int c = 0; c < columns; ++c) t += "|列";
  t += "|\n";
  for (int c = 0; c < columns; ++c) t += "|-";
  t += "|\n";
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) t += "|" + std::to_string(r);
    t += "|\n";
  }
  return t;
}

TEST(TypesetLimitsTest, WideTablesAreRefusedNamingTheSection) {
  Issue issue = WithSections({{"前言", "正文。", ""}, {"宽表", Table(8000, 1), ""}});
  for (const Status& st : {ValidateIssue(issue), RenderHtml(issue, Fonts()).status()}) {
    EXPECT_EQ(st.key(), "table_too_wide");
    EXPECT_EQ(st.field(), "sections[1].body");
  }
}

TEST(TypesetLimitsTest, TableCellsAreCountedOverTheWholeIssue) {
  // Each section alone is within the limit; together they are not.
  std::vector<Section> sections;
  for (int i = 0; i < 3; ++i) sections.push_back({"表" + std::to_string(i), Table(10, 900), ""});
  const Status st = ValidateIssue(WithSections(sections));
  EXPECT_EQ(st.key(), "table_too_large");
  EXPECT_EQ(st.field(), "sections[2].body");
  sections.pop_back();
  EXPECT_TRUE(ValidateIssue(WithSections(sections)).ok());
}

TEST(TypesetLimitsTest, RenderStopsWhenItsBudgetIsSpent) {
  auto ts = Typesetter::Create(Fonts());
  ASSERT_TRUE(ts.ok()) << ts.status().ToString();
  std::string body;
  for (int i = 0; i < 400; ++i) body += "第" + std::to_string(i) + "段，通信行业全力保障网络畅通。\n\n";
  const Issue issue = WithSections({{"长文", body, ""}});
  (*ts)->SetRenderBudget(std::chrono::milliseconds(1));
  auto pdf = (*ts)->RenderPdf(issue);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().key(), "render_timeout");
  EXPECT_NE(pdf.status().message().find("budget"), std::string::npos);
  EXPECT_EQ((*ts)->RenderDocx(issue).status().key(), "render_timeout");
  // The budget is per render: with room, the same issue renders.
  (*ts)->SetRenderBudget(std::chrono::milliseconds(0));
  EXPECT_TRUE((*ts)->RenderPdf(issue).ok());
}

}  // namespace
}  // namespace jianbao::typeset
