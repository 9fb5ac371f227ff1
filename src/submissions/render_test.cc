// Copyright 2026 The Jianbao Authors.

#include "submissions/render.h"

#include <gtest/gtest.h>

#include <string>

namespace jianbao::submissions {
namespace {

std::string WideTable(size_t columns) {
  std::string t;
  for (size_t c = 0; c < columns; ++c) t += "|h";
  t += "|\n";
  for (size_t c = 0; c < columns; ++c) t += "|-";
  return t + "|\n";
}

TEST(RenderTest, TablesAndSafety) {
  auto html = RenderPreview("|a|b|\n|-|-|\n|1|2|\n\n<script>x</script>[x](javascript:y)");
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("<table>"), std::string::npos);
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_EQ(html->find("javascript:"), std::string::npos);
}

// Issue 11: a 20,000-column table took 60 s to preview, and a stored piece
// with 8,000 columns made every GET of it take 9 s.
TEST(RenderTest, WideTablesAreRefusedOrShownAsText) {
  auto preview = RenderPreview(WideTable(20000));
  ASSERT_FALSE(preview.ok());
  EXPECT_EQ(preview.status().key(), "table_too_wide");
  EXPECT_EQ(preview.status().field(), "body");
  // A body stored before the limit existed is shown escaped, not parsed.
  const std::string stored = "<b>x</b>\n\n" + WideTable(8000);
  const std::string html = RenderHtml(stored);
  EXPECT_EQ(html.rfind("<pre>&lt;b&gt;x&lt;/b&gt;", 0), 0u) << html.substr(0, 100);
  EXPECT_EQ(html.find("<table>"), std::string::npos);
  EXPECT_NE(RenderHtml(WideTable(64)).find("<table>"), std::string::npos);
}

}  // namespace
}  // namespace jianbao::submissions
