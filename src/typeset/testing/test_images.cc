// Copyright 2026 The Jianbao Authors.

#include "typeset/testing/test_images.h"

#include <cairo.h>
#include <jpeglib.h>
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/bytes.h"

namespace jianbao::typeset::testing {
namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void PngAppend(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

void PngFlush(png_structp) {}

// Writes a PNG whose rows come from `row(y, out)`.
template <typename RowFn>
std::string WritePng(int w, int h, int depth, int color, bool interlaced, size_t rowbytes,
                     RowFn row) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return "";
  }
  png_set_write_fn(png, &out, PngAppend, PngFlush);
  png_set_IHDR(png, info, w, h, depth, color, interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<unsigned char> buf(rowbytes);
  const int passes = interlaced ? png_set_interlace_handling(png) : 1;
  for (int pass = 0; pass < passes; ++pass) {
    for (int y = 0; y < h; ++y) {
      row(y, buf.data());
      png_write_row(png, buf.data());
    }
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace

std::string MakeBombPng(int w, int h, bool interlaced) {
  return WritePng(w, h, 1, PNG_COLOR_TYPE_GRAY, interlaced, (static_cast<size_t>(w) + 7) / 8,
                  [](int, unsigned char*) {});
}

std::string MakeAlphaPng(int w, int h) {
  return WritePng(w, h, 8, PNG_COLOR_TYPE_RGB_ALPHA, false, static_cast<size_t>(w) * 4,
                  [w](int, unsigned char* row) {
                    for (int x = 0; x < w; ++x) {
                      unsigned char* p = row + static_cast<size_t>(x) * 4;
                      const bool left = x < w / 2;
                      p[0] = left ? 255 : 0;
                      p[1] = p[2] = 0;
                      p[3] = left ? 255 : 0;
                    }
                  });
}

std::string MakePng(int w, int h) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 1, 0, 0);
  cairo_move_to(cr, 0, 0);
  cairo_line_to(cr, w, h);
  cairo_stroke(cr);
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(s, Append, &out);
  cairo_surface_destroy(s);
  return out;
}

std::string MakeJpeg(int w, int h, bool progressive) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr err;
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_compress(&cinfo);
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buf, &size);
  cinfo.image_width = w;
  cinfo.image_height = h;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 85, TRUE);
  if (progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(w) * 3);
  while (cinfo.next_scanline < cinfo.image_height) {
    for (int x = 0; x < w; ++x) {
      row[x * 3] = 0;
      row[x * 3 + 1] = static_cast<unsigned char>(x * 255 / w);
      row[x * 3 + 2] = 255;
    }
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&cinfo, &r, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buf), size);
  std::free(buf);
  return out;
}

std::string DataUri(const std::string& mime, const std::string& bytes) {
  return "data:" + mime + ";base64," + bytes::Base64Encode(bytes);
}

}  // namespace jianbao::typeset::testing
