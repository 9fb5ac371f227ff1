// Copyright 2026 The Jianbao Authors.

#include "core/image_size.h"

namespace jianbao::image_size {
namespace {

uint32_t Byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }
uint32_t Be16(std::string_view s, size_t i) { return Byte(s, i) << 8 | Byte(s, i + 1); }
uint32_t Le16(std::string_view s, size_t i) { return Byte(s, i) | Byte(s, i + 1) << 8; }
uint32_t Le24(std::string_view s, size_t i) { return Le16(s, i) | Byte(s, i + 2) << 16; }
uint32_t Be32(std::string_view s, size_t i) { return Be16(s, i) << 16 | Be16(s, i + 2); }

std::optional<Size> Png(std::string_view b) {
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return Size{"png", Be32(b, 16), Be32(b, 20)};
}

// Walks the JPEG markers to the first start-of-frame.
std::optional<Size> Jpeg(std::string_view b) {
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (Byte(b, i) != 0xFF) return std::nullopt;
    const uint32_t m = Byte(b, i + 1);
    if (m == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {  // no length
      i += 2;
      continue;
    }
    const bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof) {
      if (i + 9 > b.size()) return std::nullopt;
      return Size{"jpeg", Be16(b, i + 7), Be16(b, i + 5)};
    }
    if (m == 0xD9 || m == 0xDA) return std::nullopt;  // end, or scan data before a frame
    i += 2 + Be16(b, i + 2);
  }
  return std::nullopt;
}

std::optional<Size> Gif(std::string_view b) {
  if (b.size() < 10) return std::nullopt;
  return Size{"gif", Le16(b, 6), Le16(b, 8)};
}

std::optional<Size> Webp(std::string_view b) {
  if (b.size() < 30) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") return Size{"webp", Le16(b, 26) & 0x3FFF, Le16(b, 28) & 0x3FFF};
  if (chunk == "VP8L") {
    const uint32_t bits = Byte(b, 21) | Byte(b, 22) << 8 | Byte(b, 23) << 16 | Byte(b, 24) << 24;
    return Size{"webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
  }
  if (chunk == "VP8X") return Size{"webp", Le24(b, 24) + int64_t{1}, Le24(b, 27) + int64_t{1}};
  return std::nullopt;
}

}  // namespace

std::optional<Size> Read(std::string_view b) {
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return Png(b);
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return Jpeg(b);
  if (b.size() >= 6 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) return Gif(b);
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return Webp(b);
  return std::nullopt;
}

Status Check(std::string_view bytes, const std::string& field, const std::string& what) {
  const std::optional<Size> s = Read(bytes);
  if (!s) return Status::Ok();
  if (s->width <= kMaxSide && s->height <= kMaxSide && s->width * s->height <= kMaxPixels) {
    return Status::Ok();
  }
  return Status::Invalid(field, "image_too_large",
                         what + " declares " + std::to_string(s->width) + " × " +
                             std::to_string(s->height) +
                             " pixels; images may have at most 8000 a side and 48 million in all");
}

}  // namespace jianbao::image_size
