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
