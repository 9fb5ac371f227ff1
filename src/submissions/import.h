// Copyright 2026 The Jianbao Authors.
//
// Import of a Word/WPS .docx or a plain-text file into a piece draft: a title
// and a CommonMark body, plus the images the body refers to. Pure functions
// over bytes: no database, no files, no network.
//
// The .docx reader (libzip + pugixml) treats every file as hostile: it checks
// the input size, the number of zip entries, every entry's name (no absolute
// paths, "..", backslashes or drive letters), its encryption, its declared and
// actual uncompressed size and compression ratio, and refuses XML with a
// DOCTYPE or entity declarations, so a bad file fails within the limits below
// with a Status naming what was wrong.

#ifndef JIANBAO_SUBMISSIONS_IMPORT_H_
#define JIANBAO_SUBMISSIONS_IMPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::submissions {

struct ImportLimits {
  size_t max_input_bytes = 20 << 20;   // the uploaded file
  size_t max_entries = 2000;           // zip entries
  size_t max_part_bytes = 32 << 20;    // one uncompressed XML part
  size_t max_total_bytes = 160 << 20;  // all uncompressed entries, as declared
  size_t max_ratio = 200;              // uncompressed/compressed for entries over 1 MiB
  size_t max_image_bytes = 10 << 20;   // one embedded image
  size_t max_images = 200;
  size_t max_body_bytes = 4 << 20;  // the resulting CommonMark text
};

struct ImportedImage {
  std::string ref;   // how the body refers to it: "media/image1.png"
  std::string mime;  // sniffed from its bytes: "image/png", "image/jpeg", …
  std::string data;
};

struct Imported {
  std::string title;  // "" when the document has no text at all
  std::string body;   // CommonMark
  std::vector<ImportedImage> images;
};

// Reads a .docx. Returns kInvalidArgument (field "file") with keys
// "docx_malformed", "docx_encrypted", "docx_not_word", "docx_path",
// "docx_bomb", "docx_entities", or kPayloadTooLarge ("payload_too_large").
Result<Imported> ReadDocx(std::string_view bytes, const ImportLimits& limits = {});

// Reads a plain-text file (UTF-8, with or without BOM, or GB18030). Each
// non-empty line becomes a paragraph; a short first line becomes the title.
// Returns kInvalidArgument "not_text" for binary or undecodable input.
Result<Imported> ReadText(std::string_view bytes, const ImportLimits& limits = {});

// Returns `text` with CommonMark inline syntax characters escaped, and
// line-start block markers (#, >, -, +, =, "1.") neutralised.
std::string EscapeMarkdown(std::string_view text);

// Returns the title for a body without one: the first line's text cut to 60
// characters (with "…" when cut).
std::string TitleFromText(std::string_view text);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_IMPORT_H_
