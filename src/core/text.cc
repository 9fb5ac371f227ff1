// Copyright 2026 The Jianbao Authors.

#include "core/text.h"

#include <algorithm>
#include <cctype>

namespace jianbao::text {
namespace {

// Decodes one code point at s[i]; returns its length, or 0 when invalid.
size_t DecodeOne(std::string_view s, size_t i, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, *cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, *cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, *cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t n = DecodeOne(s, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::vector<char32_t> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeOne(s, i, &cp);
    if (n == 0) cp = 0xFFFD, n = 1;
    out.push_back(cp);
    i += n;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    char32_t cp;
    const size_t len = DecodeOne(s, i, &cp);
    i += len == 0 ? 1 : len;
  }
  return n;
}

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  char32_t cp;
  return DecodeOne(s, 0, &cp) == 0 ? 0xFFFD : cp;
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && s.size() - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  char32_t cp;
  const size_t len = DecodeOne(s, i, &cp);
  return len == 0 || i + len != s.size() ? 0xFFFD : cp;
}

std::string Trim(std::string_view s) {
  auto cps = DecodeUtf8(s);
  auto is_space = [](char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
  };
  size_t b = 0, e = cps.size();
  while (b < e && is_space(cps[b])) ++b;
  while (e > b && is_space(cps[e - 1])) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) AppendUtf8(cps[i], &out);
  return out;
}

std::vector<std::string> SplitCommas(std::string_view list) {
  std::vector<std::string> out;
  if (list.empty()) return out;
  for (size_t pos = 0;;) {
    const size_t end = list.find(',', pos);
    out.emplace_back(list.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (end == std::string_view::npos) return out;
    pos = end + 1;
  }
}

bool IsCjkIdeograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

std::string MaskPhone(std::string_view phone) {
  if (phone.size() < 7) return "****";
  std::string out(phone.substr(0, 3));
  out += "****";
  out += phone.substr(phone.size() - 4);
  return out;
}

std::string MaskName(std::string_view name) {
  auto cps = DecodeUtf8(name);
  if (cps.empty()) return "";
  std::string out;
  AppendUtf8(cps[0], &out);
  for (size_t i = 1; i < std::max<size_t>(cps.size(), 2); ++i) out += "*";
  return out;
}

std::string PercentEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string MaskUrlPassword(std::string_view url) {
  std::string out;
  size_t done = 0;
  for (size_t at = url.find("://"); at != std::string_view::npos; at = url.find("://", at + 1)) {
    size_t i = at + 3;
    const size_t user = i;
    while (i < url.size() && url[i] != ':' && url[i] != '/' && url[i] != '@') ++i;
    if (i == user || i >= url.size() || url[i] != ':') continue;
    const size_t password = i + 1;
    const size_t end = url.find('@', password);
    if (end == std::string_view::npos) break;  // and none further on: stays linear
    out += url.substr(done, password - done);
    out += "***";
    done = end;
    at = end;
  }
  out += url.substr(done);
  return out;
}

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// One DNS label: 1-63 letters, digits and '-', not starting or ending with '-'.
bool IsDomainLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (!IsAsciiAlnum(label.front()) || !IsAsciiAlnum(label.back())) return false;
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return IsAsciiAlnum(c) || c == '-'; });
}

}  // namespace

bool IsValidCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 32 || !IsLowerAlnum(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsLowerAlnum(c) || c == '-'; });
}

bool IsValidLogin(std::string_view s) {
  if (s.size() < 2 || s.size() > 64 || !IsAsciiAlnum(s[0])) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '-'; });
}

bool IsValidEmail(std::string_view s) {
  static constexpr std::string_view kLocalPunct = "!#$%&'*+/=?^_`{|}~.-";
  if (s.size() > 254) return false;
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  for (char c : local) {
    if (!IsAsciiAlnum(c) && kLocalPunct.find(c) == std::string_view::npos) return false;
  }
  size_t labels = 0;
  for (size_t from = 0;; ++labels) {
    const size_t dot = domain.find('.', from);
    const std::string_view label =
        domain.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from);
    if (!IsDomainLabel(label)) return false;
    if (dot == std::string_view::npos) break;
    from = dot + 1;
  }
  return labels + 1 >= 2;
}

std::string CleanControlChars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\v' || c == '\f') {
      out += '\n';
      continue;
    }
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (u == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

std::string EscapeXml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const unsigned char u = static_cast<unsigned char>(c);
    // Characters XML 1.0 forbids are dropped: text stored before input was
    // checked (docs/api.md) must not make a document unreadable.
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (u == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace jianbao::text
