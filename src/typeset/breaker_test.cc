// Copyright 2026 The Jianbao Authors.

#include "typeset/breaker.h"

#include <gtest/gtest.h>

#include "typeset/cjk.h"

namespace jianbao::typeset {
namespace {

// Units of width 1 for the code points of `s`, with the 避头尾 table applied.
std::vector<Unit> Units(const std::u32string& s) {
  std::vector<Unit> u(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    u[i].width = 1;
    u[i].break_before = i > 0 && !cjk::NoLineStart(s[i]) && !cjk::NoLineEnd(s[i - 1]);
    if (cjk::ShapeOf(s[i]) == cjk::PunctShape::kBlankRight) u[i].end_shrink = 0.5;
  }
  return u;
}

BreakOptions Width(double w) {
  BreakOptions o;
  o.width = o.first_width = w;
  return o;
}

TEST(BreakerTest, FillsLinesGreedily) {
  auto lines = BreakLines(Units(U"一二三四五六七八九十"), Width(4));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].end, 4);
  EXPECT_EQ(lines[1].begin, 4);
  EXPECT_TRUE(lines[2].last);
}

TEST(BreakerTest, ClosingPunctuationNeverStartsALine) {
  // The comma would start line 2; it is squeezed onto line 1 instead.
  auto lines = BreakLines(Units(U"一二三四，五六"), Width(4.5));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].end, 5);
  EXPECT_TRUE(lines[0].shrunk_end);
}

TEST(BreakerTest, PushesACharacterDownWhenSqueezingIsNotEnough) {
  auto lines = BreakLines(Units(U"一二三四。」五"), Width(4));
  ASSERT_GE(lines.size(), 2u);
  // "。」" cannot both fit; "四" moves down with them.
  EXPECT_EQ(lines[0].end, 3);
  EXPECT_EQ(lines[1].begin, 3);
}

TEST(BreakerTest, OpeningPunctuationNeverEndsALine) {
  auto lines = BreakLines(Units(U"一二三《四五》"), Width(4));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].end, 3);
}

TEST(BreakerTest, NoSingleCharacterLastLineWhenAsked) {
  BreakOptions o = Width(4);
  o.min_last_units = 2;
  auto lines = BreakLines(Units(U"一二三四五"), o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].end - lines[1].begin, 2);
}

TEST(BreakerTest, BalancedLinesAreEven) {
  BreakOptions o = Width(10);
  o.balanced = true;
  auto lines = BreakLines(Units(U"一二三四五六七八九十一二"), o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].end, 6);
}

TEST(BreakerTest, JustificationReachesTheEdge) {
  auto u = Units(U"一二三四五六七");
  auto lines = BreakLines(u, Width(4.6));
  auto xs = PlaceLine(u, lines[0], 4.6, true);
  ASSERT_EQ(xs.size(), 4u);
  EXPECT_NEAR(xs.back() + 1, 4.6, 1e-9);
  EXPECT_NEAR(xs[1] - xs[0], xs[2] - xs[1], 1e-9);
}

TEST(BreakerTest, SpacesAreDroppedAtLineEdgesAndGlueIsNotCounted) {
  std::vector<Unit> u(7);
  for (auto& x : u) x.width = 1;
  u[3].space = true;
  u[2].glue_after = 0.25;
  auto lines = BreakLines(u, Width(3));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].end, 3);
  EXPECT_EQ(lines[1].begin, 4);
}

TEST(BreakerTest, OverlongUnitGetsItsOwnLine) {
  std::vector<Unit> u(3);
  u[0].width = 1;
  u[1].width = 10;
  u[2].width = 1;
  auto lines = BreakLines(u, Width(4));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].begin, 1);
  EXPECT_EQ(lines[1].end, 2);
}

TEST(BreakerTest, ForcedBreakEndsTheLine) {
  auto u = Units(U"一二三四五");
  u[1].forced_break = true;
  auto lines = BreakLines(u, Width(10));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].last);
}

}  // namespace
}  // namespace jianbao::typeset
