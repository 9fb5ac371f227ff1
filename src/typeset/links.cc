// Copyright 2026 The Jianbao Authors.

#include "typeset/links.h"

#include <cctype>

namespace jianbao::typeset {

bool IsSafeLink(const std::string& url) {
  size_t rest = 0;
  for (const char* scheme : {"http://", "https://", "mailto:"}) {
    const std::string s = scheme;
    if (url.size() <= s.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(url[i])) == s[i];
    }
    if (same) rest = s.size();
  }
  if (rest == 0) return false;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7F || c == '\\') return false;
  }
  return true;
}

std::string SafeLink(const std::string& url) { return IsSafeLink(url) ? url : ""; }

}  // namespace jianbao::typeset
