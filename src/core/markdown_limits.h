// Copyright 2026 The Jianbao Authors.
//
// Limits on the shape of Markdown, checked in one pass before a CommonMark
// parser sees the text. cmark-gfm 0.29.0.gfm.6 (Debian 12) is quadratic in a
// table's width (8,000 columns: 9 s; one 90,000-cell row under a 2-column
// header: 212 s) and costs microseconds per block, table cell and inline
// delimiter, so a body of a few MiB could otherwise keep a worker busy for
// minutes. With these limits every parse is bounded whatever the text.

#ifndef JIANBAO_CORE_MARKDOWN_LIMITS_H_
#define JIANBAO_CORE_MARKDOWN_LIMITS_H_

#include <cstddef>
#include <string_view>

#include "core/status.h"

namespace jianbao::markdown {

inline constexpr size_t kMaxTableColumns = 64;
inline constexpr size_t kMaxTableCells = 20000;  // all tables of one text, rows × columns
inline constexpr size_t kMaxLines = 50000;
inline constexpr size_t kMaxMarkup = 100000;  // characters among * _ ` ~ [ ] < > ! & \ |
inline constexpr size_t kMaxNesting = 32;     // "> > > …", "- - - …", indented lists

// What is left of the per-document limits; one Budget shared by several
// texts (the sections of an issue) bounds the document as a whole.
struct Budget {
  size_t lines = kMaxLines;
  size_t cells = kMaxTableCells;
  size_t markup = kMaxMarkup;
};

// Checks `md` against the limits above, reading it once, and takes what it
// uses from `*budget`. Returns kInvalidArgument with field() = `field` and
// key "table_too_wide" (a table row or delimiter row with more than
// kMaxTableColumns cells, message naming the line), "table_too_large",
// "too_many_lines", "too_much_markup" or "nesting_too_deep" (block quotes
// and lists, counted generously from each line's prefix); OK otherwise. A
// table is taken to run from a delimiter row ("|---|:-:|") to the next blank
// line, which covers every line that cmark-gfm could read as one of its rows.
Status CheckShape(std::string_view md, std::string_view field, Budget* budget);

// The same with a fresh budget: one text is the whole document.
Status CheckShape(std::string_view md, std::string_view field = "body");

// Returns how many '@' the text has: each one costs cmark-gfm's autolink
// extension tens of microseconds, so callers leave the extension out above a
// bound.
size_t CountAtSigns(std::string_view md);

}  // namespace jianbao::markdown

#endif  // JIANBAO_CORE_MARKDOWN_LIMITS_H_
