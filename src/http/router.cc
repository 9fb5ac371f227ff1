// Copyright 2026 The Jianbao Authors.

#include "http/router.h"

namespace jianbao::http {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    if (end > pos) out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void Router::Add(const std::string& method, const std::string& pattern, Handler handler,
                 RouteOptions options) {
  routes_.push_back(Route{method, pattern, SplitPath(pattern), std::move(handler), options});
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match result;
  const std::vector<std::string> parts = SplitPath(path);
  for (const Route& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& seg = r.segments[i];
      if (!seg.empty() && seg[0] == ':') {
        params[seg.substr(1)] = parts[i];
      } else {
        ok = seg == parts[i];
      }
    }
    if (!ok) continue;
    if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
      result.method_not_allowed = true;
      continue;
    }
    result.route = &r;
    result.params = std::move(params);
    result.method_not_allowed = false;
    return result;
  }
  return result;
}

}  // namespace jianbao::http
