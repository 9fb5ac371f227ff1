// Copyright 2026 The Jianbao Authors.
//
// Line diff of two texts (a piece body is CommonMark, so a line is a
// paragraph, a heading, a list item or a table row). Pure functions.

#ifndef JIANBAO_SUBMISSIONS_DIFF_H_
#define JIANBAO_SUBMISSIONS_DIFF_H_

#include <string>
#include <vector>

namespace jianbao::submissions {

enum class DiffOp { kEqual, kDelete, kInsert };

struct DiffLine {
  DiffOp op;
  std::string text;
  int old_line = 0;  // 1-based line in the old text; 0 for inserts
  int new_line = 0;  // 1-based line in the new text; 0 for deletes
};

// Returns the lines of `before` and `after` as a shortest-edit-script diff
// (longest common subsequence of lines). When the changed middle part is
// larger than `max_cells` line pairs the middle is reported as deleted then
// inserted, so time and memory stay bounded.
std::vector<DiffLine> DiffLines(const std::string& before, const std::string& after,
                                size_t max_cells = 16'000'000);

// Returns "equal", "delete" or "insert".
const char* DiffOpName(DiffOp op);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_DIFF_H_
