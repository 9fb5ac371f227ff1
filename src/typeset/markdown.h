// Copyright 2026 The Jianbao Authors.
//
// CommonMark (cmark-gfm with the table and strikethrough extensions) → a flat
// list of blocks that every writer (PDF, DOCX, HTML, text) renders the same way.

#ifndef JIANBAO_TYPESET_MARKDOWN_H_
#define JIANBAO_TYPESET_MARKDOWN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::typeset {

enum Mark : uint8_t {
  kStrong = 1,
  kEmph = 2,
  kCode = 4,
  kLink = 8,
  kStrike = 16,
  kHardBreak = 32,  // the span is a line break; text is "\n"
};

struct Span {
  std::string text;
  uint8_t marks = 0;
  std::string href;  // for kLink
};
using Spans = std::vector<Span>;

struct Block {
  enum class Kind { kParagraph, kHeading, kListItem, kQuote, kCode, kTable, kImage, kRule };
  Kind kind = Kind::kParagraph;
  int level = 0;         // heading level 1-6; nesting depth of lists and quotes (1 = top)
  std::string marker;    // list item marker ("1." or "•"); empty for continuation paragraphs
  Spans spans;           // paragraph, heading, list item, quote
  std::string literal;   // code block text
  std::string src, alt;  // image
  std::vector<std::vector<Spans>> rows;  // table rows of cells; rows[0] is the header
  std::string align;                     // table column alignments: 'l', 'c', 'r' or ' '
};

// Parses a section body. Returns the blocks, or kInvalidArgument (field
// "body") when the text is not UTF-8, larger than 8 MiB, or beyond the
// Markdown limits of core/markdown_limits.h (key "table_too_wide" and
// others). Inline HTML is kept as literal text.
Result<std::vector<Block>> ParseMarkdown(std::string_view markdown);

// Returns the text of spans without markup (hard breaks become "\n").
std::string PlainText(const Spans& spans);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_MARKDOWN_H_
