// Copyright 2026 The Jianbao Authors.
//
// Legacy import: rebuilds a bulletin issue from the text that was extracted
// from its PDF (the only form in which many old 简报 survive; the seed is
// one). It recognises the header (masthead, title lines, subtitle, 第N期,
// issuing body, date), the contents (目录), every article with its
// contributing organisation from the "湖北行协·" prefix, sub-headings, the
// statistics section and the closing source note; it heals paragraphs that a
// page break split mid-sentence and titles split over two lines, and drops
// stray page numbers. It reports what it recognised and what it could not.

#ifndef JIANBAO_BULLETINS_LEGACY_H_
#define JIANBAO_BULLETINS_LEGACY_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "typeset/typeset.h"

namespace jianbao::bulletins {

// What kind of section the importer found.
enum class SectionKind { kArticle, kEpidemic };

struct LegacyImport {
  typeset::Issue issue;                // ready for the typesetting engine
  std::vector<SectionKind> kinds;      // one per issue.sections entry
  std::vector<std::string> recognised; // human-readable lines: "期号：第31期"
  std::vector<std::string> problems;   // what could not be recognised or was repaired
};

// Options for fields the text may have lost.
struct LegacyOptions {
  int number = 0;    // > 0: the issue number, overriding the header's 第N期
  std::string date;  // "YYYY-MM-DD": the date, overriding the header's
};

// Parses extracted text. Returns kInvalidArgument with a message naming what
// is missing when no article can be found, or when the issue number or date
// is neither in the text nor in `options`; problems that still allow an
// issue (no contents, reordered pages, unmatched contents lines) are listed in
// problems. REQUIRES nothing of the input: any bytes are safe.
Result<LegacyImport> ImportLegacyText(std::string_view text, const LegacyOptions& options = {});

// Returns the issue as the typesetting engine's issue JSON (docs/typeset.md),
// which ParseIssueJson reads back to the same Issue.
std::string IssueToJson(const typeset::Issue& issue);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_LEGACY_H_
