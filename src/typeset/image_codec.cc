// Copyright 2026 The Jianbao Authors.
//
// libpng and libjpeg report errors by longjmp: every function that sets a
// jump point keeps only plain pointers in its frame (nothing with a
// destructor lives across the jump), and C++ objects are reached through
// the `Sink` they write rows into.

#include "typeset/image_codec.h"

#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace jianbao::typeset::codec {
namespace {

constexpr int kMaxSide = 65535;  // what the decoders may even look at; callers cap lower
constexpr long kJpegMemory = 160L << 20;

Status Bad(const std::string& message) { return Status::Invalid("", "bad_image", message); }

// Receives decoded rows as 8-bit RGBA and reduces them by `factor` in both
// directions (box filter; premultiplied when there is alpha) into a Cairo
// surface.
class Sink {
 public:
  Sink(int64_t width, int64_t height, int factor, bool alpha)
      : width_(static_cast<int>(width)),
        factor_(factor),
        out_w_(static_cast<int>((width + factor - 1) / factor)),
        height_(static_cast<int>(height)),
        alpha_(alpha),
        sums_(static_cast<size_t>(out_w_) * 4, 0),
        surface_(cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                            out_w_,
                                            static_cast<int>((height + factor - 1) / factor))) {}

  bool ok() const { return cairo_surface_status(surface_.get()) == CAIRO_STATUS_SUCCESS; }

  // Adds the next source row (width × 4 bytes, RGBA).
  void Row(const uint8_t* p) {
    uint64_t* s = sums_.data();
    for (int cell = 0; cell < out_w_; ++cell, s += 4) {
      const int n = std::min(factor_, width_ - cell * factor_);
      uint64_t r = 0, g = 0, b = 0, a = 0;
      if (alpha_) {
        for (int i = 0; i < n; ++i, p += 4) {
          r += p[0] * p[3];
          g += p[1] * p[3];
          b += p[2] * p[3];
          a += p[3];
        }
      } else {
        for (int i = 0; i < n; ++i, p += 4) {
          r += p[0];
          g += p[1];
          b += p[2];
        }
      }
      s[0] += r;
      s[1] += g;
      s[2] += b;
      s[3] += a;
    }
    ++row_;
    if (++rows_in_band_ == factor_ || row_ == height_) Flush();
  }

  // Returns the finished surface. REQUIRES: every row was added.
  Surface Finish() {
    cairo_surface_mark_dirty(surface_.get());
    return std::move(surface_);
  }

 private:
  void Flush() {
    if (out_row_ >= cairo_image_surface_get_height(surface_.get())) return;
    unsigned char* data = cairo_image_surface_get_data(surface_.get());
    const int stride = cairo_image_surface_get_stride(surface_.get());
    auto* out = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(out_row_) * stride);
    for (int x = 0; x < out_w_; ++x) {
      const int cols = std::min(factor_, width_ - x * factor_);
      const uint64_t n = static_cast<uint64_t>(cols) * rows_in_band_;
      uint64_t* s = &sums_[static_cast<size_t>(x) * 4];
      // With alpha the colour sums are weighted by it: premultiplied, as Cairo wants.
      const uint64_t div = alpha_ ? n * 255 : n;
      const uint32_t a = alpha_ ? static_cast<uint32_t>(s[3] / n) : 255;
      out[x] = a << 24 | static_cast<uint32_t>(s[0] / div) << 16 |
               static_cast<uint32_t>(s[1] / div) << 8 | static_cast<uint32_t>(s[2] / div);
      s[0] = s[1] = s[2] = s[3] = 0;
    }
    ++out_row_;
    rows_in_band_ = 0;
  }

  int width_, factor_, out_w_, height_;
  bool alpha_;
  int row_ = 0, rows_in_band_ = 0, out_row_ = 0;
  std::vector<uint64_t> sums_;
  Surface surface_;
};

int Factor(int64_t w, int64_t h, int want_w, int want_h) {
  const int64_t f = std::min(w / std::max(want_w, 1), h / std::max(want_h, 1));
  return static_cast<int>(std::clamp<int64_t>(f, 1, kMaxSide));
}

// ---- PNG ----

struct PngInput {
  const std::string* bytes;
  size_t at = 8;  // after the signature
  char message[160] = "";
};

void PngRead(png_structp png, png_bytep out, png_size_t length) {
  auto* in = static_cast<PngInput*>(png_get_io_ptr(png));
  if (in->bytes->size() - in->at < length) png_error(png, "the file ends too early");
  std::memcpy(out, in->bytes->data() + in->at, length);
  in->at += length;
}

void PngError(png_structp png, png_const_charp message) {
  auto* in = static_cast<PngInput*>(png_get_error_ptr(png));
  std::snprintf(in->message, sizeof in->message, "%s", message);
  png_longjmp(png, 1);
}

void PngWarning(png_structp, png_const_charp) {}

// Reads the whole PNG: with `sink` null, rows in their own format into one
// scratch row (validation); else as RGBA into the sink. Returns false with
// in->message set on failure. No object with a destructor lives here.
bool RunPng(PngInput* in, Sink* sink, bool interlaced, int64_t height) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, in, PngError, PngWarning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  png_bytep volatile row = nullptr;
  png_bytep volatile image = nullptr;
  png_bytepp volatile rows = nullptr;
  if (setjmp(png_jmpbuf(png))) {
    png_free(png, row);
    png_free(png, image);
    png_free(png, rows);
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_user_limits(png, kMaxSide, kMaxSide);
  png_set_chunk_malloc_max(png, 8 << 20);
  png_set_read_fn(png, in, PngRead);
  png_set_sig_bytes(png, 8);
  png_read_info(png, info);
  if (sink != nullptr) {
    png_set_expand(png);  // palette → RGB, low bit depths → 8, tRNS → alpha
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
  }
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const size_t rowbytes = png_get_rowbytes(png, info);
  if (interlaced && sink != nullptr) {
    // Adam7 needs every row at once; the caller capped the size.
    image = static_cast<png_bytep>(png_malloc(png, rowbytes * static_cast<size_t>(height)));
    rows =
        static_cast<png_bytepp>(png_malloc(png, sizeof(png_bytep) * static_cast<size_t>(height)));
    for (int64_t y = 0; y < height; ++y) rows[y] = image + rowbytes * static_cast<size_t>(y);
    png_read_image(png, rows);
    for (int64_t y = 0; y < height; ++y) sink->Row(rows[y]);
  } else {
    row = static_cast<png_bytep>(png_malloc(png, rowbytes));
    for (int pass = 0; pass < passes; ++pass) {
      for (int64_t y = 0; y < height; ++y) {
        png_read_row(png, row, nullptr);
        if (sink != nullptr) sink->Row(row);
      }
    }
  }
  png_read_end(png, nullptr);
  png_free(png, row);
  png_free(png, image);
  png_free(png, rows);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

bool PngHasAlpha(const std::string& bytes) {
  // Colour types 4 and 6 carry alpha; a tRNS chunk adds it to the others.
  if (bytes.size() > 25 && (bytes[25] == 4 || bytes[25] == 6)) return true;
  return bytes.find("tRNS") != std::string::npos;
}

uint32_t Be32(const std::string& s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

Result<Header> PngHeader(const std::string& bytes) {
  if (bytes.size() < 33 || bytes.compare(12, 4, "IHDR") != 0) {
    return Bad("is not a valid PNG file");
  }
  Header h;
  h.format = Format::kPng;
  h.width = Be32(bytes, 16);
  h.height = Be32(bytes, 20);
  h.interlaced = bytes[28] == 1;
  return h;
}

// ---- JPEG ----

struct JpegError {
  jpeg_error_mgr mgr;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void OnJpegError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegError*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

void OnJpegWarning(j_common_ptr) {}  // recoverable: decode what is there

enum class JpegStep { kHeader, kValidate, kDecode };

// Runs libjpeg over `bytes` up to `step`; fills `header`, feeds `sink` (for
// kDecode, reduced by DCT scaling to `scale_num`/8 first).
// Returns false with err->message set on failure.
bool RunJpeg(const std::string& bytes, JpegStep step, int scale_num, Header* header, Sink* sink,
             JpegError* err) {
  jpeg_decompress_struct cinfo;
  JSAMPROW volatile row = nullptr;
  cinfo.err = jpeg_std_error(&err->mgr);
  err->mgr.error_exit = OnJpegError;
  err->mgr.output_message = OnJpegWarning;
  if (setjmp(err->jump)) {
    jpeg_destroy_decompress(&cinfo);
    std::free(row);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  cinfo.mem->max_memory_to_use = kJpegMemory;  // beyond it: an error, not an allocation
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  header->format = Format::kJpeg;
  header->width = cinfo.image_width;
  header->height = cinfo.image_height;
  header->interlaced = jpeg_has_multiple_scans(&cinfo);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    std::snprintf(err->message, sizeof err->message, "is a CMYK JPEG; use RGB or greyscale");
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  if (step != JpegStep::kHeader) {
    cinfo.out_color_space = JCS_EXT_RGBA;
    cinfo.scale_num = step == JpegStep::kValidate ? 1 : static_cast<unsigned>(scale_num);
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&cinfo);
    row = static_cast<JSAMPROW>(std::malloc(static_cast<size_t>(cinfo.output_width) * 4));
    if (row == nullptr) {
      std::snprintf(err->message, sizeof err->message, "is too large to decode");
      jpeg_destroy_decompress(&cinfo);
      return false;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
      JSAMPROW r = row;
      jpeg_read_scanlines(&cinfo, &r, 1);
      if (sink != nullptr) sink->Row(row);
    }
    jpeg_finish_decompress(&cinfo);
  }
  jpeg_destroy_decompress(&cinfo);
  std::free(row);
  return true;
}

// The DCT scale M/8 (M = 1 … 8) whose output is the smallest that still
// holds want_w × want_h.
int JpegScaleNum(int64_t w, int64_t h, int want_w, int want_h) {
  for (int m = 1; m < 8; ++m) {
    if ((w * m + 7) / 8 >= want_w && (h * m + 7) / 8 >= want_h) return m;
  }
  return 8;
}

// Encodes an RGB24 surface; false on failure. Nothing with a destructor
// lives in this frame across the longjmp.
bool RunJpegEncoder(cairo_surface_t* surface, int quality, unsigned char** out,
                    unsigned long* size) {
  jpeg_compress_struct cinfo;
  JpegError err;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = OnJpegError;
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
  jpeg_set_quality(&cinfo, quality, TRUE);
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

void FreeString(void* p) { std::unique_ptr<std::string> owned(static_cast<std::string*>(p)); }

}  // namespace

Result<Header> ReadHeader(const std::string& bytes) {
  if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return PngHeader(bytes);
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "Cairo pixels as little-endian");
    Header h;
    JpegError err;
    if (!RunJpeg(bytes, JpegStep::kHeader, 8, &h, nullptr, &err)) {
      if (h.width > 0 && std::strstr(err.message, "CMYK")) return Bad(err.message);
      return Bad(std::string("cannot be decoded as JPEG (") + err.message + ")");
    }
    return h;
  }
  return Bad("is neither PNG nor JPEG");
}

Status Validate(const std::string& bytes, const Header& header) {
  if (header.format == Format::kPng) {
    PngInput in{&bytes};
    if (!RunPng(&in, nullptr, header.interlaced, header.height)) {
      return Bad(std::string("cannot be decoded as PNG (") + in.message + ")");
    }
    return Status::Ok();
  }
  Header h;
  JpegError err;
  if (!RunJpeg(bytes, JpegStep::kValidate, 1, &h, nullptr, &err)) {
    return Bad(std::string("cannot be decoded as JPEG (") + err.message + ")");
  }
  return Status::Ok();
}

Result<Surface> Decode(const std::string& bytes, const Header& header, int want_w, int want_h) {
  if (header.format == Format::kPng) {
    const int factor = Factor(header.width, header.height, want_w, want_h);
    Sink sink(header.width, header.height, factor, PngHasAlpha(bytes));
    if (!sink.ok()) return Bad("is too large to decode");
    PngInput in{&bytes};
    if (!RunPng(&in, &sink, header.interlaced, header.height)) {
      return Bad(std::string("cannot be decoded as PNG (") + in.message + ")");
    }
    return sink.Finish();
  }
  // DCT scaling in eighths (libjpeg rounds the size up); a box filter does the rest.
  const int num = JpegScaleNum(header.width, header.height, want_w, want_h);
  const int64_t scaled_w = (header.width * num + 7) / 8;
  const int64_t scaled_h = (header.height * num + 7) / 8;
  Sink sink(scaled_w, scaled_h, Factor(scaled_w, scaled_h, want_w, want_h), false);
  if (!sink.ok()) return Bad("is too large to decode");
  Header h;
  JpegError err;
  if (!RunJpeg(bytes, JpegStep::kDecode, num, &h, &sink, &err)) {
    return Bad(std::string("cannot be decoded as JPEG (") + err.message + ")");
  }
  Surface surface = sink.Finish();
  auto copy = std::make_unique<std::string>(bytes);
  const auto* data = reinterpret_cast<const unsigned char*>(copy->data());
  if (cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, data, copy->size(),
                                  FreeString, copy.get()) == CAIRO_STATUS_SUCCESS) {
    copy.release();  // owned by the surface now
  }
  return surface;
}

Result<std::string> EncodeJpeg(cairo_surface_t* surface, int quality) {
  cairo_surface_flush(surface);
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  const bool ok = RunJpegEncoder(surface, quality, &buf, &size);
  std::string out = ok ? std::string(reinterpret_cast<const char*>(buf), size) : std::string();
  std::free(buf);
  if (!ok) return Status::Internal("cannot encode a JPEG");
  return out;
}

}  // namespace jianbao::typeset::codec
