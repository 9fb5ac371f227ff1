// Copyright 2026 The Jianbao Authors.
//
// ReduceImageForPrint: an image larger than the page can show is reduced
// once, where it enters a bulletin, so that issues stay small and every
// later render decodes less.

#include <jpeglib.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>  // before jpeglib.h, which needs FILE and size_t
#include <cstdlib>

#include "typeset/images.h"
#include "typeset/layout.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

constexpr double kPrintDpi = 300;
constexpr int kJpegQuality = 88;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct JpegFail {
  jpeg_error_mgr mgr;
  jmp_buf jump;
};

void OnJpegFail(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<JpegFail*>(cinfo->err)->jump, 1);
}

// Encodes an RGB24 surface as a baseline JPEG; "" on failure. Nothing with a
// destructor lives in this frame across the longjmp.
bool EncodeJpeg(cairo_surface_t* surface, unsigned char** out, unsigned long* size) {
  jpeg_compress_struct cinfo;
  JpegFail err;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = OnJpegFail;
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    return false;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, out, size);
  cinfo.image_width = static_cast<JDIMENSION>(cairo_image_surface_get_width(surface));
  cinfo.image_height = static_cast<JDIMENSION>(cairo_image_surface_get_height(surface));
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_EXT_BGRX;  // Cairo's RGB24 on little-endian machines
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, kJpegQuality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = data + static_cast<size_t>(cinfo.next_scanline) * stride;
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
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
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    const bool ok = EncodeJpeg(pixels.get(), &buf, &size);
    if (ok) out.assign(reinterpret_cast<const char*>(buf), size);
    std::free(buf);
    if (!ok) return Status::Internal("cannot encode the reduced JPEG");
  }
  return out.size() < bytes.size() ? out : bytes;
}

}  // namespace jianbao::typeset
