// Copyright 2026 The Jianbao Authors.

#include "typeset/images.h"

#include <jpeglib.h>

#include <cctype>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/bytes.h"

namespace jianbao::typeset {
namespace {

Status Bad(const std::string& what, const std::string& message) {
  return Status::Invalid("", "bad_image", "image " + what + " " + message);
}

// The payload of a base64 data URI with an image/png or image/jpeg media type.
Result<std::string> DataUriBytes(const std::string& src) {
  size_t comma = src.find(',');
  std::string head = comma == std::string::npos ? src : src.substr(0, comma);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string type =
      head.substr(5, head.find(';') == std::string::npos ? std::string::npos : head.find(';') - 5);
  if (type != "image/png" && type != "image/jpeg" && type != "image/jpg") {
    return Bad("'" + head.substr(0, 40) + "'", "must be a data:image/png or data:image/jpeg URI");
  }
  if (comma == std::string::npos || head.size() < 7 ||
      head.compare(head.size() - 7, 7, ";base64") != 0) {
    return Bad("'" + head.substr(0, 40) + "'", "must be base64 (data:image/png;base64,…)");
  }
  if ((src.size() - comma - 1) / 4 * 3 > kMaxImageBytes) {
    return Bad("'" + head + "'", "is larger than 10 MiB");
  }
  auto bytes = bytes::Base64Decode(src.substr(comma + 1));
  if (!bytes) return Bad("'" + head + "'", "is not valid base64");
  return std::move(*bytes);
}

Result<std::string> FileBytes(const std::string& base_dir, const std::string& src) {
  JB_ASSIGN_OR_RETURN(std::string path, ImagePath(base_dir, src));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Bad("'" + src + "'", "cannot be read");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Bad("'" + src + "'", "cannot be read");
  if (static_cast<size_t>(size) > kMaxImageBytes)
    return Bad("'" + src + "'", "is larger than 10 MiB");
  in.seekg(0);
  std::string out(static_cast<size_t>(size), '\0');
  if (!in.read(out.data(), size)) return Bad("'" + src + "'", "cannot be read");
  return out;
}

uint32_t Be32(const std::string& s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

Status CheckSize(const std::string& what, uint64_t w, uint64_t h) {
  if (w == 0 || h == 0 || w > kMaxImageSide || h > kMaxImageSide) {
    return Bad(what, "is " + std::to_string(w) + " × " + std::to_string(h) +
                         " pixels; at most 8000 a side are allowed");
  }
  return Status();
}

struct Reader {
  const std::string* data;
  size_t at = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* out, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->data->size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(out, r->data->data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

Result<cairo_surface_t*> DecodePng(const std::string& what, const std::string& bytes) {
  // Check the size in IHDR before Cairo allocates the pixels.
  if (bytes.size() < 24 || bytes.compare(12, 4, "IHDR") != 0) {
    return Bad(what, "is not a valid PNG file");
  }
  JB_RETURN_IF_ERROR(CheckSize(what, Be32(bytes, 16), Be32(bytes, 20)));
  Reader reader{&bytes};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(ReadPng, &reader);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return Bad(what, "cannot be decoded as PNG");
  }
  return s;
}

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

// Decodes a JPEG into an RGB24 surface; null with `why` set on failure.
// Nothing with a destructor lives in this frame across the longjmp.
cairo_surface_t* DecodeJpegRaw(const std::string& bytes, char* why, size_t why_size) {
  jpeg_decompress_struct cinfo;
  JpegError err;
  cairo_surface_t* volatile surface = nullptr;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = OnJpegError;
  err.mgr.output_message = OnJpegWarning;
  if (setjmp(err.jump)) {
    std::snprintf(why, why_size, "cannot be decoded as JPEG (%s)", err.message);
    jpeg_destroy_decompress(&cinfo);
    if (surface != nullptr) cairo_surface_destroy(surface);
    return nullptr;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  const char* refusal = nullptr;
  if (cinfo.image_width > kMaxImageSide || cinfo.image_height > kMaxImageSide) {
    refusal = "is larger than 8000 pixels a side";
  } else if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    refusal = "is a CMYK JPEG; use RGB or greyscale";
  }
  if (refusal != nullptr) {
    std::snprintf(why, why_size, "%s", refusal);
    jpeg_destroy_decompress(&cinfo);
    return nullptr;
  }
  cinfo.out_color_space = JCS_EXT_BGRX;  // Cairo's RGB24 byte order on little-endian machines
  jpeg_start_decompress(&cinfo);
  surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(cinfo.output_width),
                                       static_cast<int>(cinfo.output_height));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::snprintf(why, why_size, "is too large to decode");
    jpeg_destroy_decompress(&cinfo);
    cairo_surface_destroy(surface);
    return nullptr;
  }
  unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = data + static_cast<size_t>(cinfo.output_scanline) * stride;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  cairo_surface_mark_dirty(surface);
  return surface;
}

void FreeString(void* p) { std::unique_ptr<std::string> owned(static_cast<std::string*>(p)); }

Result<cairo_surface_t*> DecodeJpeg(const std::string& what, const std::string& bytes) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "JCS_EXT_BGRX assumes little-endian");
  char why[JMSG_LENGTH_MAX + 64] = "";
  cairo_surface_t* s = DecodeJpegRaw(bytes, why, sizeof why);
  if (s == nullptr) return Bad(what, why);
  auto copy = std::make_unique<std::string>(bytes);
  const auto* data = reinterpret_cast<const unsigned char*>(copy->data());
  if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, copy->size(), FreeString,
                                  copy.get()) == CAIRO_STATUS_SUCCESS) {
    copy.release();  // owned by the surface now
  }
  return s;
}

}  // namespace

bool IsDataUri(const std::string& src) {
  return src.size() >= 5 && (src[0] == 'd' || src[0] == 'D') &&
         (src.compare(1, 4, "ata:") == 0 || src.compare(1, 4, "ATA:") == 0);
}

Result<std::string> ImagePath(const std::string& base, const std::string& src) {
  if (base.empty()) {
    return Status::Invalid("", "bad_image_path",
                           "image '" + src.substr(0, 80) +
                               "': only data:image/png or data:image/jpeg URIs are allowed here");
  }
  bool bad = src.empty() || src[0] == '/' || src.find(':') != std::string::npos;
  std::stringstream ss(src);
  std::string part;
  while (std::getline(ss, part, '/')) bad = bad || part == "..";
  if (bad) {
    return Status::Invalid("", "bad_image_path",
                           "image '" + src + "' must be a relative path inside the issue's folder");
  }
  return base + "/" + src;
}

Result<std::shared_ptr<const Image>> LoadImage(const std::string& base_dir,
                                               const std::string& src) {
  auto image = std::make_shared<Image>();
  std::string what = IsDataUri(src) ? "'" + src.substr(0, src.find(',')) + "'" : "'" + src + "'";
  if (IsDataUri(src)) {
    JB_ASSIGN_OR_RETURN(image->bytes, DataUriBytes(src));
  } else {
    JB_ASSIGN_OR_RETURN(image->bytes, FileBytes(base_dir, src));
  }
  const std::string& b = image->bytes;
  if (b.size() > kMaxImageBytes) return Bad(what, "is larger than 10 MiB");
  cairo_surface_t* pixels = nullptr;
  if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    image->type = Image::Type::kPng;
    JB_ASSIGN_OR_RETURN(pixels, DecodePng(what, b));
  } else if (b.size() >= 3 && b.compare(0, 3, "\xFF\xD8\xFF") == 0) {
    image->type = Image::Type::kJpeg;
    JB_ASSIGN_OR_RETURN(pixels, DecodeJpeg(what, b));
  } else {
    return Bad(what, "is neither PNG nor JPEG");
  }
  image->pixels.reset(pixels, cairo_surface_destroy);
  image->width = cairo_image_surface_get_width(pixels);
  image->height = cairo_image_surface_get_height(pixels);
  return std::shared_ptr<const Image>(std::move(image));
}

}  // namespace jianbao::typeset
