// Copyright 2026 The Jianbao Authors.
//
// Images written into a piece's body as data URIs
// (`![](data:image/png;base64,…)`): refused on the size they declare, before
// anything decodes them (image_size.h), so that a few kilobytes of PNG that
// declare 8000 × 8000 pixels never reach a preview or a bulletin.

#ifndef JIANBAO_SUBMISSIONS_BODY_IMAGES_H_
#define JIANBAO_SUBMISSIONS_BODY_IMAGES_H_

#include <string>

#include "core/status.h"

namespace jianbao::submissions {

// Returns OK when every base64 data:image/… URI in `body` declares a size
// within image_size's limits (URIs that are not valid base64 images are left
// to whoever renders them); else kInvalidArgument "image_too_large" with the
// field "body", naming the URI's place (its ordinal in the body).
Status CheckBodyImages(const std::string& body);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_BODY_IMAGES_H_
