// Copyright 2026 The Jianbao Authors.
//
// Completes the PDF Cairo 1.16 writes with what Cairo has no API for: the
// document language, XMP metadata, alternate descriptions of figures and of
// links, the tab order of annotated pages, the title shown in the window
// and a file identifier; and with the text, which the engine writes itself
// (pdf_fonts.h): Cairo draws a marker where a line of text goes, and the
// marker is replaced by the line's operators, the fonts added as objects.
// Internal to src/typeset.

#ifndef JIANBAO_TYPESET_PDF_FINISH_H_
#define JIANBAO_TYPESET_PDF_FINISH_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::typeset {

// What Cairo writes for the marker rectangle (kMarkerW × kMarkerH at 0,0,
// filled) in an uncompressed content stream.
inline constexpr double kMarkerW = 0.125, kMarkerH = 0.375;
inline constexpr char kTextMarker[] = "0 0 0.125 0.375 re f\n";

// A font embedded by the engine: a Type0 font (Identity-H) over one CIDFont.
struct PdfFont {
  std::string resource;     // name in the pages' /Font dictionaries, e.g. "J0"
  std::string base_font;    // "ABCDEF+PostScriptName"
  bool cff = true;          // CIDFontType0 over a CFF program, else CIDFontType2 (TrueType)
  std::string descriptor;   // FontDescriptor entries after /FontName (flags, box, metrics)
  std::string widths;       // the CIDFont's /W array, "[…]"
  std::string program;      // the font program, Flate-compressed
  size_t program_size = 0;  // its uncompressed size
  std::string to_unicode;   // the ToUnicode CMap, Flate-compressed
};

struct PdfExtras {
  std::string lang;     // BCP 47, e.g. "zh-CN": the catalog's /Lang and dc:language
  std::string title;    // dc:title (the Info dictionary has it from Cairo)
  std::string author;   // dc:creator
  std::string creator;  // xmp:CreatorTool, as in the Info dictionary
  std::string date;     // xmp:CreateDate/ModifyDate, ISO 8601 as given to Cairo; may be empty
  std::vector<std::string> figure_alts;            // /Alt of the Figure elements, in document order
  std::map<std::string, std::string> dest_titles;  // link /Contents by named destination
  std::vector<const PdfFont*> fonts;               // fonts the text operators use
  // Per page, in drawing order: the operators that replace the page's text
  // markers, one string per marker.
  std::vector<std::vector<std::string>> page_text;
  int zlib_level = 1;  // for the content streams
};

// Returns `data` Flate-compressed (zlib format) at `level` (0–9); with
// `huffman_only`, without looking for repeated strings (fast, and nearly as
// small for data with few repeats, such as CFF charstrings).
std::string Deflate(std::string_view data, int level, bool huffman_only = false);

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
//  * /Tabs /S on every page; /ID in the trailer (a hash of the file);
//  * the text markers of page i replaced by page_text[i], the content
//    streams Flate-compressed (Cairo is asked not to, see draw.cc), and
//    `fonts` as objects named in every page's resources.
// Returns kInternal when the file is not laid out as expected (also when a
// page's markers and page_text differ in number).
Result<std::string> FinishPdf(const std::string& pdf, const PdfExtras& extras);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_PDF_FINISH_H_
