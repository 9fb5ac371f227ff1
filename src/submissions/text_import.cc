// Copyright 2026 The Jianbao Authors.
//
// Plain-text import and the CommonMark escaping shared with the .docx reader.

#include <iconv.h>

#include <cstring>
#include <memory>

#include "core/text.h"
#include "submissions/import.h"

namespace jianbao::submissions {
namespace {

constexpr size_t kMaxTitleChars = 60;

// Converts GB18030 (a superset of GBK and GB2312) to UTF-8; false on failure.
bool FromGb18030(std::string_view in, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string buf(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = buf.data();
  size_t dst_left = buf.size();
  if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) return false;
  buf.resize(buf.size() - dst_left);
  *out = std::move(buf);
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string EscapeMarkdown(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 8);
  bool line_start = true;
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (line_start) {
      if (c == ' ' || c == '\t') continue;  // leading spaces would make code blocks
      if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') out += '\\';
      if (IsDigit(c)) {
        size_t j = i;
        while (j < in.size() && IsDigit(in[j])) ++j;
        if (j < in.size() && (in[j] == '.' || in[j] == ')')) {
          out.append(in.substr(i, j - i));
          out += '\\';
          i = j - 1;
          line_start = false;
          continue;
        }
      }
    }
    line_start = c == '\n';
    if (std::strchr("\\`*_[]<>|&~!", c) != nullptr && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

std::string TitleFromText(std::string_view in) {
  std::string line(in.substr(0, in.find('\n')));
  line = text::Trim(line);
  if (!text::IsValidUtf8(line)) return "";
  std::vector<char32_t> cps = text::DecodeUtf8(line);
  if (cps.size() <= kMaxTitleChars) return line;
  std::string out;
  for (size_t i = 0; i < kMaxTitleChars; ++i) text::AppendUtf8(cps[i], &out);
  return out + "…";
}

Result<Imported> ReadText(std::string_view bytes, const ImportLimits& limits) {
  if (bytes.size() > limits.max_body_bytes) {
    return Status(
        Code::kPayloadTooLarge, "payload_too_large",
        "the text file is larger than " + std::to_string(limits.max_body_bytes >> 20) + " MiB",
        "file");
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    return Status::Invalid("file", "not_text", "the file is not plain text (it has NUL bytes)");
  }
  std::string utf8;
  if (text::IsValidUtf8(bytes)) {
    utf8 = std::string(bytes);
  } else if (!FromGb18030(bytes, &utf8) || !text::IsValidUtf8(utf8)) {
    return Status::Invalid("file", "not_text", "the file is neither UTF-8 nor GB18030 text");
  }
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string::npos) end = utf8.size();
    std::string line = text::Trim(utf8.substr(pos, end - pos));
    while (!line.empty() && (line.back() == '\r' || line.back() == '\t')) line.pop_back();
    for (char& c : line) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // other control characters
    }
    if (!text::Trim(line).empty()) lines.push_back(text::Trim(line));
    pos = end + 1;
  }
  Imported out;
  if (lines.empty()) return out;
  size_t first = 0;
  if (text::CodePointCount(lines[0]) <= kMaxTitleChars) {
    out.title = lines[0];
    first = 1;
  } else {
    out.title = TitleFromText(lines[0]);
  }
  for (size_t i = first; i < lines.size(); ++i) {
    if (!out.body.empty()) out.body += "\n\n";
    out.body += EscapeMarkdown(lines[i]);
  }
  return out;
}

}  // namespace jianbao::submissions
