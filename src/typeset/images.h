// Copyright 2026 The Jianbao Authors.
//
// Images of section bodies: PNG or JPEG, given in Markdown as a relative path
// inside the folder (`img/a.png`) or as a base64 data URI
// (`data:image/png;base64,…`, `data:image/jpeg;base64,…`). Every writer loads
// them here, so every output accepts and refuses the same images.
// Internal to src/typeset.

#ifndef JIANBAO_TYPESET_IMAGES_H_
#define JIANBAO_TYPESET_IMAGES_H_

#include <cairo.h>

#include <memory>
#include <string>

#include "core/status.h"

namespace jianbao::typeset {

// Limits on one image: its encoded bytes and its pixels a side.
constexpr size_t kMaxImageBytes = 10 << 20;
constexpr int kMaxImageSide = 8000;

struct Image {
  enum class Type { kPng, kJpeg };
  Type type = Type::kPng;
  std::string bytes;  // the encoded file, as given
  int width = 0, height = 0;
  // The decoded pixels (RGB24 or ARGB32). A JPEG's surface also carries its
  // bytes as CAIRO_MIME_TYPE_JPEG, so the PDF embeds the JPEG as it is.
  std::shared_ptr<cairo_surface_t> pixels;

  const char* mime() const { return type == Type::kPng ? "image/png" : "image/jpeg"; }
  const char* extension() const { return type == Type::kPng ? "png" : "jpeg"; }
};

// Loads and decodes the image `src` of a Markdown image. Returns
// kInvalidArgument without a field (the caller names the section) when the
// path is absolute, a URL or climbs out of `base_dir`, when the file cannot be
// read, when a data URI is malformed or not PNG/JPEG base64, when the data
// cannot be decoded, or when the image is larger than kMaxImageBytes or
// kMaxImageSide pixels a side. Messages never quote a data URI's payload.
Result<std::shared_ptr<const Image>> LoadImage(const std::string& base_dir, const std::string& src);

// Returns the file path of image `src` (relative, inside `base_dir`), or
// kInvalidArgument for absolute paths, URLs and paths that climb out.
Result<std::string> ImagePath(const std::string& base_dir, const std::string& src);

// True when `src` is a data: URI (any media type).
bool IsDataUri(const std::string& src);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_IMAGES_H_
