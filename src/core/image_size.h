// Copyright 2026 The Jianbao Authors.
//
// The declared size of an image file, read from its header without decoding
// a pixel, and the limits every module applies to images: a few kilobytes
// of PNG can declare 8000 × 8000 pixels (256 MB once decoded), so uploads
// are refused on what they declare before anything decodes them.

#ifndef JIANBAO_CORE_IMAGE_SIZE_H_
#define JIANBAO_CORE_IMAGE_SIZE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace jianbao::image_size {

// At most this many pixels a side, and in all (8000 × 6000: a 48-megapixel camera).
constexpr int64_t kMaxSide = 8000;
constexpr int64_t kMaxPixels = 48'000'000;

struct Size {
  const char* format = "";  // "png", "jpeg", "gif" or "webp"
  int64_t width = 0, height = 0;
};

// Returns the declared width and height of a PNG, JPEG, GIF or WebP file,
// or nullopt when `bytes` is none of them or its header is cut short.
std::optional<Size> Read(std::string_view bytes);

// Returns OK when `bytes` is not an image of those formats or declares at
// most kMaxSide pixels a side and kMaxPixels in all; else kInvalidArgument
// "image_too_large" with `field`, naming `what` and the size.
Status Check(std::string_view bytes, const std::string& field, const std::string& what);

}  // namespace jianbao::image_size

#endif  // JIANBAO_CORE_IMAGE_SIZE_H_
