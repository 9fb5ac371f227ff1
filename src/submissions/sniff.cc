// Copyright 2026 The Jianbao Authors.

#include "submissions/sniff.h"

#include "core/text.h"

namespace jianbao::submissions {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Looks for a zip local-file name among the first entries; Office files name
// their main part early ([Content_Types].xml, then word/ or xl/).
std::string SniffZip(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 64 << 10));
  if (head.find("word/") != std::string_view::npos) return kDocx;
  if (head.find("xl/") != std::string_view::npos) return kXlsx;
  return "";
}

}  // namespace

std::string SniffMime(std::string_view b) {
  if (StartsWith(b, "%PDF-")) return "application/pdf";
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (StartsWith(b, "\xff\xd8\xff")) return "image/jpeg";
  if (StartsWith(b, "GIF87a") || StartsWith(b, "GIF89a")) return "image/gif";
  if (b.size() >= 12 && StartsWith(b, "RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (StartsWith(b, std::string_view("PK\x03\x04", 4))) return SniffZip(b);
  if (b.empty() || b.find('\0') != std::string_view::npos) return "";
  return text::IsValidUtf8(b) ? "text/plain" : "";
}

bool IsImageMime(const std::string& mime) { return mime.rfind("image/", 0) == 0; }

std::string ExtensionFor(const std::string& mime) {
  if (mime == "application/pdf") return ".pdf";
  if (mime == "image/png") return ".png";
  if (mime == "image/jpeg") return ".jpg";
  if (mime == "image/gif") return ".gif";
  if (mime == "image/webp") return ".webp";
  if (mime == kDocx) return ".docx";
  if (mime == kXlsx) return ".xlsx";
  if (mime == "text/plain") return ".txt";
  return "";
}

}  // namespace jianbao::submissions
