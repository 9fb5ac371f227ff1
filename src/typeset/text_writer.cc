// Copyright 2026 The Jianbao Authors.
//
// Plain text laid out like the legacy bulletins: header lines, 目 录 with
// tab-separated page numbers, then each article with blank lines between
// paragraphs.

#include "core/text.h"
#include "typeset/images.h"
#include "typeset/markdown.h"
#include "typeset/writers.h"

namespace jianbao::typeset {
namespace {

std::string BlockText(const Block& b) {
  switch (b.kind) {
    case Block::Kind::kParagraph:
    case Block::Kind::kHeading:
    case Block::Kind::kQuote:
      return PlainText(b.spans);
    case Block::Kind::kListItem:
      return std::string(2 * (b.level - 1), ' ') + (b.marker.empty() ? "" : b.marker + " ") +
             PlainText(b.spans);
    case Block::Kind::kCode:
      return b.literal;
    case Block::Kind::kImage:
      if (!b.alt.empty()) return "［图：" + b.alt + "］";
      return IsDataUri(b.src) ? "［图］" : "［图：" + b.src + "］";
    case Block::Kind::kRule:
      return "＊　＊　＊";
    case Block::Kind::kTable: {
      std::string out;
      for (const auto& row : b.rows) {
        for (size_t c = 0; c < row.size(); ++c) out += (c ? "\t" : "") + PlainText(row[c]);
        out += "\n";
      }
      if (!out.empty()) out.pop_back();
      return out;
    }
  }
  return "";
}

}  // namespace

Result<std::string> WriteText(const Issue& issue, const PageMap* pages) {
  std::string out = "\n\n";
  if (!issue.masthead.empty()) out += issue.masthead + "\n\n";
  for (const auto& line : issue.title_lines) out += line + "\n\n";
  if (!issue.subtitle.empty()) out += "（" + issue.subtitle + "）\n\n";
  out += "第 " + std::to_string(issue.number) + " 期\n\n";
  out += issue.issuer + "\n\n";
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue.date));
  out += date + "\n\n";
  if (!issue.revision_note.empty()) out += issue.revision_note + "\n\n";
  out += "目 录\n\n";
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    out += std::to_string(i + 1) + ". " + issue.sections[i].title;
    if (pages && i < pages->section_pages.size()) {
      out += "\t" + std::to_string(pages->section_pages[i]);
    }
    out += "\n";
  }
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    const Section& s = issue.sections[i];
    out += "\n" + s.title + "\n\n";
    if (!s.org.empty()) out += s.org + "\n\n";
    auto blocks = ParseMarkdown(s.body_markdown);
    if (!blocks.ok()) {
      std::string field = "sections[" + std::to_string(i) + "].body";
      return Status::Invalid(field, blocks.status().key(),
                             field + ": " + blocks.status().message());
    }
    for (const Block& b : *blocks) out += BlockText(b) + "\n\n";
  }
  if (!issue.closing_note.empty()) out += issue.closing_note + "\n\n";
  if (!issue.distribution.empty()) {
    out += "────────────────────────────\n";
    for (const Recipients& r : issue.distribution) {
      out += r.label + "：";
      for (size_t j = 0; j < r.to.size(); ++j) out += (j ? "，" : "") + r.to[j];
      out += "。\n";
    }
    out += issue.issuer + "\t" + date + "印发";
    if (issue.copies > 0) out += "（共印" + std::to_string(issue.copies) + "份）";
    out += "\n";
  }
  return out;
}

}  // namespace jianbao::typeset
