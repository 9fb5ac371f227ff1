// Copyright 2026 The Jianbao Authors.

#include "http/request.h"

namespace jianbao::http {

std::string Request::Cookie(const std::string& name) const {
  const std::string all = Header("cookie");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string part = all.substr(pos, end - pos);
    const size_t b = part.find_first_not_of(' ');
    if (b != std::string::npos) part = part.substr(b);
    const size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end + 1;
  }
  return "";
}

std::string Request::Language() const {
  const std::string al = Header("accept-language");
  if (al.rfind("en", 0) == 0) return "en";
  return "zh";
}

std::string Response::GetHeader(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return "";
}

std::string PercentDecode(const std::string& s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::map<std::string, std::string> ParseQuery(const std::string& raw) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= raw.size() && !raw.empty()) {
    size_t end = raw.find('&', pos);
    if (end == std::string::npos) end = raw.size();
    const std::string part = raw.substr(pos, end - pos);
    if (!part.empty()) {
      const size_t eq = part.find('=');
      const std::string k = PercentDecode(part.substr(0, eq), true);
      const std::string v = eq == std::string::npos ? "" : PercentDecode(part.substr(eq + 1), true);
      out[k] = v;
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace jianbao::http
