// Copyright 2026 The Jianbao Authors.
//
// The fixed parts of the DOCX package (styles, settings, footers, relations)
// and the zip writer. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_DOCX_PARTS_H_
#define JIANBAO_TYPESET_DOCX_PARTS_H_

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "typeset/typeset.h"

namespace jianbao::typeset::docx {

// Returns `s` escaped for XML text and attributes, without the characters
// XML 1.0 forbids.
std::string Esc(const std::string& s);

// Returns <w:rFonts> naming `family` for every script.
std::string FontRpr(const std::string& family);

// Returns the face Windows has in place of a legacy office face name
// (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体), or "".
std::string AltName(const std::string& office);

// word/fontTable.xml: the office faces the document names, with their
// altName, GB 2312 charset and PANOSE class, and the free faces of `fonts`.
std::string FontTable(const Fonts& fonts);

// Returns the family of a Pango font description ("Noto Serif CJK SC Bold" →
// "Noto Serif CJK SC").
std::string Family(const std::string& description);

// A part of the package: name ("word/media/image1.png") and content.
using Part = std::pair<std::string, std::string>;

// `media` are the image parts ("word/media/imageN.png" or ".jpeg"), in order.
std::string ContentTypes(const std::vector<Part>& media);
std::string PackageRels();
// Relationship rIdImgN points at media[N-1].
std::string DocumentRels(const std::vector<Part>& media);
std::string Styles(const Fonts& fonts);
std::string Settings();
std::string Footer(bool odd);
std::string CoreProps(const std::string& title, const std::string& author);

// Returns the bytes of a zip archive holding `files` (name, content).
Result<std::string> Zip(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace jianbao::typeset::docx

#endif  // JIANBAO_TYPESET_DOCX_PARTS_H_
