// Copyright 2026 The Jianbao Authors.
//
// Draws a laid-out Document with Cairo: a PDF file (outline, links,
// metadata, subset fonts) or one PNG per page. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_DRAW_H_
#define JIANBAO_TYPESET_DRAW_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "typeset/layout.h"

namespace jianbao::typeset {

class PdfFonts;  // pdf_fonts.h

// Returns the PDF bytes, or kInternal when Cairo fails. Cairo draws the
// page (rules, images, links, structure) and `fonts` writes the text (kept
// between calls for speed); FinishPdf merges them. Calls PrepareCairoPdf
// (typeset.h; a no-op after the first call).
Result<std::string> DrawPdf(const Document& doc, PdfFonts* fonts);

// Returns PNG bytes per page at `dpi`, or kInternal when Cairo fails.
Result<std::vector<std::string>> DrawPng(const Document& doc, int dpi);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_DRAW_H_
