// Copyright 2026 The Jianbao Authors.

#include "bulletins/file_name.h"

#include <cstdio>

namespace jianbao::bulletins {
namespace {

// The last non-empty line of the series title (信息简报), or its code.
std::string ShortName(const Series& series) {
  std::string last;
  size_t pos = 0;
  while (pos <= series.title.size()) {
    size_t end = series.title.find('\n', pos);
    if (end == std::string::npos) end = series.title.size();
    if (end > pos) last = series.title.substr(pos, end - pos);
    pos = end + 1;
  }
  return last.empty() ? series.code : last;
}

// RFC 8187 attr-char: everything else is percent-encoded.
bool IsAttrChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '&':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string IssueFileName(const Series& series, const IssueRecord& issue,
                          const std::string& extension) {
  std::string name = ShortName(series);
  if (issue.year) name += std::to_string(issue.year) + "年";
  if (issue.supplement) name += "增刊";
  name += "第" + std::to_string(issue.number) + "期";
  if (issue.revision > 1) name += "（更正" + std::to_string(issue.revision) + "）";
  return name + "." + extension;
}

std::string IssueAsciiFileName(const Series& series, const IssueRecord& issue,
                               const std::string& extension) {
  return series.code + "-" + (issue.year ? std::to_string(issue.year) + "-" : "") +
         (issue.supplement ? "zk" : "") + std::to_string(issue.number) +
         (issue.revision > 1 ? "-r" + std::to_string(issue.revision) : "") + "." + extension;
}

std::string ContentDisposition(const std::string& disposition, const std::string& ascii_name,
                               const std::string& utf8_name) {
  std::string fallback;
  for (char c : ascii_name) {
    const auto u = static_cast<unsigned char>(c);
    fallback += (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') ? '_' : c;
  }
  std::string encoded;
  for (char c : utf8_name) {
    const auto u = static_cast<unsigned char>(c);
    if (IsAttrChar(u)) {
      encoded += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      encoded += buf;
    }
  }
  return disposition + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace jianbao::bulletins
