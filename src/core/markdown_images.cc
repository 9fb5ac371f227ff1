// Copyright 2026 The Jianbao Authors.

#include "core/markdown_images.h"

#include <algorithm>
#include <cctype>

#include "core/bytes.h"
#include "core/image_size.h"

namespace jianbao::markdown {
namespace {

bool StartsWithNoCase(const std::string& s, size_t at, const char* prefix) {
  for (size_t i = 0; prefix[i] != '\0'; ++i) {
    if (at + i >= s.size() || std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

bool IsBase64Char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
}

}  // namespace

Status CheckImages(const std::string& body, const std::string& field) {
  int ordinal = 0;
  for (size_t at = body.find(':'); at != std::string::npos; at = body.find(':', at + 1)) {
    if (at < 4 || !StartsWithNoCase(body, at - 4, "data:image/")) continue;
    const size_t comma = body.find(',', at);
    if (comma == std::string::npos || comma - at > 64) continue;
    if (!StartsWithNoCase(body, comma - 7, ";base64")) continue;
    ++ordinal;
    size_t end = comma + 1;
    while (end < body.size() && IsBase64Char(body[end])) ++end;
    // The header is near the start (a JPEG's frame header after its EXIF block).
    const size_t head = std::min<size_t>(end - comma - 1, 256 * 1024);
    const auto bytes = bytes::Base64Decode(body.substr(comma + 1, head));
    if (!bytes) continue;
    JB_RETURN_IF_ERROR(
        image_size::Check(*bytes, field, "image " + std::to_string(ordinal) + " of the " + field));
    at = end - 1;
  }
  return Status::Ok();
}

}  // namespace jianbao::markdown
