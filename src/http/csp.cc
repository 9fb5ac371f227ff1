// Copyright 2026 The Jianbao Authors.

#include "http/csp.h"

#include "core/bytes.h"

namespace jianbao::http {

std::string StyleHashSources(std::string_view html) {
  static constexpr std::string_view kOpen = "<style>", kClose = "</style>";
  const std::string_view head = html.substr(0, html.find("</head>"));
  std::string out;
  for (size_t at = head.find(kOpen); at != std::string_view::npos; at = head.find(kOpen, at)) {
    const size_t begin = at + kOpen.size();
    const size_t end = head.find(kClose, begin);
    if (end == std::string_view::npos) break;
    if (!out.empty()) out += ' ';
    out += "'sha256-" + bytes::Sha256Base64(std::string(head.substr(begin, end - begin))) + "'";
    at = end + kClose.size();
  }
  return out;
}

std::string SelfContainedPagePolicy(std::string_view html, std::string_view extra) {
  std::string hashes = StyleHashSources(html);
  std::string policy = "default-src 'none'; style-src " + (hashes.empty() ? "'none'" : hashes);
  if (!extra.empty()) policy += "; " + std::string(extra);
  return policy;
}

}  // namespace jianbao::http
