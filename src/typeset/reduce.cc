// Copyright 2026 The Jianbao Authors.
//
// ReduceImageForPrint: an image larger than the page can show is reduced
// once, where it enters a bulletin, so that issues stay small and every
// later render decodes less.

#include <algorithm>
#include <cmath>

#include "typeset/images.h"
#include "typeset/layout.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

constexpr double kPrintDpi = 300;
constexpr size_t kSmallFile = 1 << 20;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> ReduceImageForPrint(const std::string& bytes) {
  JB_ASSIGN_OR_RETURN(std::shared_ptr<const Image> image, LoadImageBytes(bytes, "'upload'"));
  // The size the layout prints it at (blocks.cc), in pixels at kPrintDpi.
  const double w = image->width * 0.75, h = image->height * 0.75;
  const double scale = std::min({1.0, geo::kTextW / w, geo::kTextH * 0.8 / h});
  const int want_w = static_cast<int>(std::ceil(w * scale / 72 * kPrintDpi));
  const int want_h = static_cast<int>(std::ceil(h * scale / 72 * kPrintDpi));
  if (image->width < 2 * want_w || image->height < 2 * want_h) return bytes;  // no whole factor
  JB_ASSIGN_OR_RETURN(codec::Surface pixels, DecodeImage(*image, want_w, want_h));
  std::string out;
  if (image->type == Image::Type::kPng) {
    if (cairo_surface_write_to_png_stream(pixels.get(), Append, &out) != CAIRO_STATUS_SUCCESS) {
      return Status::Internal("cannot encode the reduced PNG");
    }
  } else {
    JB_ASSIGN_OR_RETURN(out, codec::EncodeJpeg(pixels.get(), 88));
  }
  // Fewer pixels are what every later render gains (and what the document's
  // pixel budget counts); a few more bytes are fine, many more are not.
  return out.size() <= std::max(bytes.size(), kSmallFile) ? out : bytes;
}

}  // namespace jianbao::typeset
