// Copyright 2026 The Jianbao Authors.
//
// PNG (libpng) and JPEG (libjpeg-turbo) decoding with bounded memory. The
// header is read before anything is allocated; validation reads every row
// into one scratch row and keeps nothing; decoding streams the rows through
// a box filter into a surface reduced by a whole factor, so a 64-megapixel
// image costs a few rows plus the reduced surface, never its full pixels.
// Internal to src/typeset (images.cc and the fuzz target).

#ifndef JIANBAO_TYPESET_IMAGE_CODEC_H_
#define JIANBAO_TYPESET_IMAGE_CODEC_H_

#include <cairo.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

namespace jianbao::typeset::codec {

enum class Format { kPng, kJpeg };

struct Header {
  Format format = Format::kPng;
  int64_t width = 0, height = 0;
  bool interlaced = false;  // Adam7 PNG or progressive JPEG
};

// Largest interlaced image decoded: Adam7 PNG passes and progressive JPEG
// coefficients need the whole image in memory.
constexpr int64_t kMaxInterlacedPixels = 12'000'000;

// Returns the format and declared size of PNG or JPEG `bytes` without
// decoding pixels. Errors (kInvalidArgument, no field) say "is neither PNG
// nor JPEG", "is not a valid PNG file" or "cannot be decoded as JPEG (…)".
Result<Header> ReadHeader(const std::string& bytes);

// Decodes every row of `bytes` and keeps nothing: OK when the whole image
// decodes, else kInvalidArgument "cannot be decoded as PNG/JPEG (…)".
// REQUIRES: ReadHeader(bytes).ok() and the size was accepted by the caller.
Status Validate(const std::string& bytes, const Header& header);

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;

// Returns the image reduced to no less than `want_w` × `want_h` pixels
// (never enlarged): a PNG by the largest whole factor that allows, a JPEG by
// DCT scaling in eighths and then a whole factor. RGB24 when opaque,
// ARGB32 (premultiplied) when the PNG has transparency. A JPEG's surface
// carries its bytes as CAIRO_MIME_TYPE_JPEG so that a PDF embeds the file
// as it is. Errors as Validate. REQUIRES: as Validate; want_w, want_h >= 1.
Result<Surface> Decode(const std::string& bytes, const Header& header, int want_w, int want_h);

// Returns an RGB24 `surface` as a baseline JPEG of `quality` (1–100), or
// kInternal when libjpeg fails.
Result<std::string> EncodeJpeg(cairo_surface_t* surface, int quality);

}  // namespace jianbao::typeset::codec

#endif  // JIANBAO_TYPESET_IMAGE_CODEC_H_
