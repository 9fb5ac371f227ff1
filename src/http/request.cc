// Copyright 2026 The Jianbao Authors.

#include "http/request.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "core/text.h"

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

namespace {

std::string TrimSpaces(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitTrimmed(const std::string& s) {
  std::vector<std::string> out = text::SplitCommas(s);
  if (out.empty()) out.emplace_back();
  for (std::string& part : out) part = TrimSpaces(part);
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::string NormalizeAddress(const std::string& ip_in) {
  std::string ip = ip_in;
  if (ip.size() > 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
  if (ip.empty() || ip.size() >= INET6_ADDRSTRLEN) return "";
  char text[INET6_ADDRSTRLEN];
  in_addr v4;
  if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
    return inet_ntop(AF_INET, &v4, text, sizeof text) ? std::string(text) : "";
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, ip.c_str(), &v6) != 1) return "";
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {
    std::memcpy(&v4, &v6.s6_addr[12], 4);
    return inet_ntop(AF_INET, &v4, text, sizeof text) ? std::string(text) : "";
  }
  return inet_ntop(AF_INET6, &v6, text, sizeof text) ? std::string(text) : "";
}

bool IsLoopback(const std::string& ip) {
  const std::string n = NormalizeAddress(ip);
  return n == "::1" || n.rfind("127.", 0) == 0;
}

Result<std::vector<std::string>> ParseAddressList(const std::string& csv) {
  std::vector<std::string> out;
  if (TrimSpaces(csv).empty()) return out;
  for (const std::string& entry : SplitTrimmed(csv)) {
    const std::string n = NormalizeAddress(entry);
    if (n.empty()) {
      return Status::Invalid(
          "server.trusted_proxies", "invalid_address",
          "server.trusted_proxies: '" + entry.substr(0, 64) + "' is not an IP address");
    }
    out.push_back(n);
  }
  return out;
}

std::string ClientAddress(const Request& req, const std::vector<std::string>& trusted_proxies) {
  std::string client = NormalizeAddress(req.remote_ip);
  if (client.empty()) return req.remote_ip;
  if (!Contains(trusted_proxies, client)) return client;
  const std::vector<std::string> hops = SplitTrimmed(req.Header("x-forwarded-for"));
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    const std::string hop = NormalizeAddress(*it);
    if (hop.empty()) break;  // garbage: keep the last hop we could trust
    client = hop;
    if (!Contains(trusted_proxies, hop)) break;
  }
  return client;
}

Result<std::optional<int64_t>> ExpectedVersion(const Request& req,
                                               std::optional<int64_t> body_version) {
  std::string tag = req.Header("if-match");
  while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.pop_back();
  size_t start = tag.find_first_not_of(" \t");
  if (start == std::string::npos) return body_version;
  tag = tag.substr(start);
  if (tag == "*") return std::optional<int64_t>();
  if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  const Status bad = Status::Invalid("If-Match", "wrong_type", "If-Match must be one version");
  if (tag.empty() || tag.size() > 18) return bad;
  int64_t v = 0;
  for (char c : tag) {
    if (c < '0' || c > '9') return bad;
    v = v * 10 + (c - '0');
  }
  if (v < 1) return bad;
  return std::optional<int64_t>(v);
}

Response WithETag(Response r, int64_t version) {
  r.Header("ETag", "\"" + std::to_string(version) + "\"");
  return r;
}

}  // namespace jianbao::http
