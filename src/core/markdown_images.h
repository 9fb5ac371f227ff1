// Copyright 2026 The Jianbao Authors.
//
// Images written into Markdown as data URIs (`![](data:image/png;base64,…)`,
// in a piece's body or a bulletin section): refused on the size they declare
// when the text is saved, before anything decodes them (image_size.h), so
// that a few kilobytes of PNG that declare 8000 × 8000 pixels never reach a
// preview or a bulletin.

#ifndef JIANBAO_CORE_MARKDOWN_IMAGES_H_
#define JIANBAO_CORE_MARKDOWN_IMAGES_H_

#include <string>

#include "core/status.h"

namespace jianbao::markdown {

// Returns OK when every base64 data:image/… URI in `md` declares a size
// within image_size's limits (URIs that are not valid base64 images are left
// to whoever renders them); else kInvalidArgument "image_too_large" with
// field() = `field`, naming the URI's place (its ordinal in the text).
// Reads the text once; decodes at most 256 KiB of each URI.
Status CheckImages(const std::string& md, const std::string& field = "body");

}  // namespace jianbao::markdown

#endif  // JIANBAO_CORE_MARKDOWN_IMAGES_H_
