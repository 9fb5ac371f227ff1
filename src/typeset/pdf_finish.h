// Copyright 2026 The Jianbao Authors.
//
// Completes the PDF Cairo 1.16 writes with what Cairo has no API for: the
// document language, XMP metadata, alternate descriptions of figures and of
// links, the tab order of annotated pages, the title shown in the window
// and a file identifier. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_PDF_FINISH_H_
#define JIANBAO_TYPESET_PDF_FINISH_H_

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace jianbao::typeset {

struct PdfExtras {
  std::string lang;     // BCP 47, e.g. "zh-CN": the catalog's /Lang and dc:language
  std::string title;    // dc:title (the Info dictionary has it from Cairo)
  std::string author;   // dc:creator
  std::string creator;  // xmp:CreatorTool, as in the Info dictionary
  std::string date;     // xmp:CreateDate/ModifyDate, ISO 8601 as given to Cairo; may be empty
  std::vector<std::string> figure_alts;            // /Alt of the Figure elements, in document order
  std::map<std::string, std::string> dest_titles;  // link /Contents by named destination
};

// Returns `pdf` (as Cairo 1.16 writes it: one revision, a classic
// cross-reference table, uncompressed object dictionaries) rewritten with a
// fresh cross-reference table and:
//  * /Lang, /Metadata (an uncompressed XMP stream with dc:title, dc:creator,
//    dc:language, dc:date, xmp:CreateDate/ModifyDate/CreatorTool,
//    pdf:Producer copied from the Info dictionary) and
//    /ViewerPreferences << /DisplayDocTitle true >> in the catalog;
//  * /Alt on the Figure structure elements, matched to `figure_alts` in the
//    order of their pages and marked-content ids;
//  * /Contents on link annotations (the section title, or the URI);
//  * /Tabs /S on every page; /ID in the trailer (a hash of the file).
// Returns kInternal when the file is not laid out as expected.
Result<std::string> FinishPdf(const std::string& pdf, const PdfExtras& extras);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_PDF_FINISH_H_
