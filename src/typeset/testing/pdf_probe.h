// Copyright 2026 The Jianbao Authors.
//
// Test support: runs poppler's `pdftotext -bbox-layout` on PDF bytes and
// returns the text lines of each page with their boxes, so tests can check
// typographic rules on whole documents.

#ifndef JIANBAO_TYPESET_TESTING_PDF_PROBE_H_
#define JIANBAO_TYPESET_TESTING_PDF_PROBE_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace jianbao::typeset::probe {

struct Word {
  double x0, y0, x1, y1;
  std::u32string text;
};
struct TextLine {
  double x0, y0, x1, y1;
  std::vector<Word> words;
  std::u32string text;  // words joined without separators
};
struct PdfPage {
  std::vector<TextLine> lines;  // in reading order of pdftotext
  std::vector<Word> words;      // all words of the page
};

// Returns the pages, or an error when pdftotext is missing or fails.
Result<std::vector<PdfPage>> ReadPdf(const std::string& pdf_bytes);

// Returns `cmd`'s exit status after running it with /bin/sh.
int Run(const std::string& cmd);

// Writes bytes to a fresh file in the temp directory and returns its path.
std::string TempFile(const std::string& bytes, const std::string& suffix);

}  // namespace jianbao::typeset::probe

#endif  // JIANBAO_TYPESET_TESTING_PDF_PROBE_H_
