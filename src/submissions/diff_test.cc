// Copyright 2026 The Jianbao Authors.

#include "submissions/diff.h"

#include <gtest/gtest.h>

namespace jianbao::submissions {
namespace {

std::string Show(const std::vector<DiffLine>& d) {
  std::string out;
  for (const DiffLine& l : d) {
    out += (l.op == DiffOp::kEqual ? " " : l.op == DiffOp::kDelete ? "-" : "+") + l.text + "|";
  }
  return out;
}

TEST(DiffTest, ParagraphChanges) {
  EXPECT_EQ(Show(DiffLines("a\n\nb\n\nc", "a\n\nB\n\nc\n\nd")), " a| |-b|+B| | c|+|+d|");
  EXPECT_EQ(Show(DiffLines("", "x")), "+x|");
  EXPECT_EQ(Show(DiffLines("x", "")), "-x|");
  EXPECT_EQ(Show(DiffLines("same\r\n", "same\n")), " same|");
}

TEST(DiffTest, LineNumbers) {
  auto d = DiffLines("a\nb\nc", "a\nc");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[1].op, DiffOp::kDelete);
  EXPECT_EQ(d[1].old_line, 2);
  EXPECT_EQ(d[2].old_line, 3);
  EXPECT_EQ(d[2].new_line, 2);
}

TEST(DiffTest, HugeMiddleFallsBack) {
  auto d = DiffLines("a\nx\ny\nz", "a\n1\n2\n3", 4);
  EXPECT_EQ(Show(d), " a|-x|-y|-z|+1|+2|+3|");
}

}  // namespace
}  // namespace jianbao::submissions
