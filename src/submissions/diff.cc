// Copyright 2026 The Jianbao Authors.

#include "submissions/diff.h"

#include <cstdint>

namespace jianbao::submissions {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    pos = end + 1;
  }
  return out;
}

}  // namespace

const char* DiffOpName(DiffOp op) {
  switch (op) {
    case DiffOp::kEqual:
      return "equal";
    case DiffOp::kDelete:
      return "delete";
    case DiffOp::kInsert:
      return "insert";
  }
  return "equal";
}

std::vector<DiffLine> DiffLines(const std::string& before, const std::string& after,
                                size_t max_cells) {
  const std::vector<std::string> a = SplitLines(before);
  const std::vector<std::string> b = SplitLines(after);
  std::vector<DiffLine> out;
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  for (size_t i = 0; i < head; ++i) {
    out.push_back({DiffOp::kEqual, a[i], static_cast<int>(i + 1), static_cast<int>(i + 1)});
  }
  const size_t n = a.size() - head - tail;
  const size_t m = b.size() - head - tail;
  if (n * m > max_cells) {
    for (size_t i = 0; i < n; ++i) {
      out.push_back({DiffOp::kDelete, a[head + i], static_cast<int>(head + i + 1), 0});
    }
    for (size_t j = 0; j < m; ++j) {
      out.push_back({DiffOp::kInsert, b[head + j], 0, static_cast<int>(head + j + 1)});
    }
  } else {
    // lcs[i][j] = LCS length of a[head+i..] and b[head+j..], row-major (n+1)×(m+1).
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        out.push_back({DiffOp::kEqual, a[head + i], static_cast<int>(head + i + 1),
                       static_cast<int>(head + j + 1)});
        ++i;
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        out.push_back({DiffOp::kDelete, a[head + i], static_cast<int>(head + i + 1), 0});
        ++i;
      } else {
        out.push_back({DiffOp::kInsert, b[head + j], 0, static_cast<int>(head + j + 1)});
        ++j;
      }
    }
  }
  for (size_t k = 0; k < tail; ++k) {
    const size_t ia = a.size() - tail + k, ib = b.size() - tail + k;
    out.push_back({DiffOp::kEqual, a[ia], static_cast<int>(ia + 1), static_cast<int>(ib + 1)});
  }
  return out;
}

}  // namespace jianbao::submissions
