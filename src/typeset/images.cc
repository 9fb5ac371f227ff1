// Copyright 2026 The Jianbao Authors.

#include "typeset/images.h"

#include <algorithm>
#include <cctype>
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

std::string Megapixels(int64_t pixels) {
  return std::to_string(pixels / 1'000'000) + "." + std::to_string(pixels / 100'000 % 10);
}

Status CheckSize(const std::string& what, const codec::Header& h) {
  if (h.width <= 0 || h.height <= 0 || h.width > kMaxImageSide || h.height > kMaxImageSide) {
    return Bad(what, "is " + std::to_string(h.width) + " × " + std::to_string(h.height) +
                         " pixels; at most 8000 a side are allowed");
  }
  const int64_t pixels = h.width * h.height;
  if (pixels > kMaxImagePixels) {
    return Bad(what, "has " + Megapixels(pixels) + " megapixels (" + std::to_string(h.width) +
                         " × " + std::to_string(h.height) + "); at most " +
                         Megapixels(kMaxImagePixels) + " are allowed");
  }
  if (h.interlaced && pixels > codec::kMaxInterlacedPixels) {
    return Bad(what, std::string("is an ") +
                         (h.format == codec::Format::kPng ? "interlaced PNG" : "progressive JPEG") +
                         " of " + Megapixels(pixels) + " megapixels; at most " +
                         Megapixels(codec::kMaxInterlacedPixels) +
                         " are allowed (save it without interlacing)");
  }
  return Status();
}

Status Named(const std::string& what, const Status& st) {
  return st.ok() ? st : Bad(what, st.message());
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

Status ImageBudget::Take(int64_t pixels) {
  if (pixels > left_) {
    return Status::Invalid("", "too_many_pixels",
                           "the images of this document declare more than " +
                               Megapixels(kMaxDocumentPixels) +
                               " megapixels together; use fewer or smaller images");
  }
  left_ -= pixels;
  return Status();
}

Result<std::shared_ptr<const Image>> LoadImageBytes(std::string bytes, const std::string& what,
                                                    ImageBudget* budget) {
  if (bytes.size() > kMaxImageBytes) return Bad(what, "is larger than 10 MiB");
  auto header = codec::ReadHeader(bytes);
  if (!header.ok()) return Named(what, header.status());
  JB_RETURN_IF_ERROR(CheckSize(what, *header));
  if (budget != nullptr) JB_RETURN_IF_ERROR(budget->Take(header->width * header->height));
  JB_RETURN_IF_ERROR(Named(what, codec::Validate(bytes, *header)));
  auto image = std::make_shared<Image>();
  image->type = header->format == codec::Format::kPng ? Image::Type::kPng : Image::Type::kJpeg;
  image->bytes = std::move(bytes);
  image->width = static_cast<int>(header->width);
  image->height = static_cast<int>(header->height);
  image->header = *header;
  return std::shared_ptr<const Image>(std::move(image));
}

Result<std::shared_ptr<const Image>> LoadImage(const std::string& base_dir, const std::string& src,
                                               ImageBudget* budget) {
  std::string what = IsDataUri(src) ? "'" + src.substr(0, src.find(',')) + "'" : "'" + src + "'";
  std::string bytes;
  if (IsDataUri(src)) {
    JB_ASSIGN_OR_RETURN(bytes, DataUriBytes(src));
  } else {
    JB_ASSIGN_OR_RETURN(bytes, FileBytes(base_dir, src));
  }
  return LoadImageBytes(std::move(bytes), what, budget);
}

Result<codec::Surface> DecodeImage(const Image& image, int want_w, int want_h) {
  return codec::Decode(image.bytes, image.header, std::max(want_w, 1), std::max(want_h, 1));
}

}  // namespace jianbao::typeset
