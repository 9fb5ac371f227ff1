// Copyright 2026 The Jianbao Authors.
//
// The writers that need no page layout: plain text, HTML and DOCX.
// Internal to src/typeset; the public entry points are in typeset.h.

#ifndef JIANBAO_TYPESET_WRITERS_H_
#define JIANBAO_TYPESET_WRITERS_H_

#include <string>

#include "core/status.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {

// Returns the issue as plain text in the shape of a legacy bulletin; `pages`
// (may be null) supplies the contents' page numbers.
// REQUIRES: ValidateIssue(issue).ok()
Result<std::string> WriteText(const Issue& issue, const PageMap* pages);

// Returns one self-contained HTML page. REQUIRES: ValidateIssue(issue).ok()
Result<std::string> WriteHtml(const Issue& issue, const Fonts& fonts);

// Returns the bytes of a .docx file; `pages` (may be null) supplies the page
// numbers cached in the TOC field, which Word refreshes on opening.
// REQUIRES: ValidateIssue(issue).ok()
Result<std::string> WriteDocx(const Issue& issue, const Fonts& fonts, const PageMap* pages);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_WRITERS_H_
