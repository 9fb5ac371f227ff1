// Copyright 2026 The Jianbao Authors.
//
// Router: maps (method, path) to a handler. Patterns are literal segments and
// ":name" parameters: "/api/v1/users/:id". Routing knows nothing about sockets.

#ifndef JIANBAO_HTTP_ROUTER_H_
#define JIANBAO_HTTP_ROUTER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "http/request.h"

namespace jianbao::http {

class Context;
// A handler decodes the request, calls one service method and encodes its
// answer. It may return a Response, or a non-OK Status that App renders as
// the error answer — so handlers use JB_ASSIGN_OR_RETURN rather than
// repeating `if (!x.ok()) return ctx.Error(x.status())`.
using Handler = std::function<Result<Response>(Context&)>;

struct RouteOptions {
  bool require_auth = true;  // false: reachable without a session.
  bool check_csrf = true;    // state-changing methods need X-CSRF-Token when signed in.
  size_t max_body = 256 * 1024;  // larger bodies get 413 before the handler runs.
  bool json_body = true;  // a body must be application/json, else 415; false: raw uploads.
  // GET only: the answer depends on nothing but the database, the session, the
  // path, the query and the language (and the clock, to within the cache's
  // time to live), so App may answer from its answer cache while the database
  // has not changed (http/answer_cache.h). Never for answers that read files,
  // in-memory state (render progress, presence) or other request headers.
  bool cacheable = false;
};

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  RouteOptions options;
};

class Router {
 public:
  // Adds a route. REQUIRES: pattern starts with '/'.
  void Add(const std::string& method, const std::string& pattern, Handler handler,
           RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;  // null when nothing matched
    bool method_not_allowed = false;  // the path exists with other methods
    std::map<std::string, std::string> params;
  };
  // Returns the route for `method` and `path`, with ":name" values filled in.
  Match Find(const std::string& method, const std::string& path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a", "b"}.
std::vector<std::string> SplitPath(const std::string& path);

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_ROUTER_H_
