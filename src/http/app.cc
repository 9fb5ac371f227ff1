// Copyright 2026 The Jianbao Authors.

#include "http/app.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "http/errors.h"
#include "store/database.h"
#include "store/pool.h"

namespace jianbao::http {

Response Context::Error(const Status& status) const { return ErrorResponse(status, lang); }

Result<int64_t> Context::IdParam(const std::string& name, const std::string& not_found_key) const {
  const std::string v = Param(name);
  try {
    size_t pos = 0;
    const long long id = std::stoll(v, &pos);
    if (pos == v.size() && id > 0) return static_cast<int64_t>(id);
  } catch (const std::exception&) {
  }
  return Status::NotFound(not_found_key, "not found: " + v);
}

App::App(Config config, store::Database* db) : config_(std::move(config)), db_(db) {}

namespace {

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Adds the default security headers that the handler did not set itself.
void AddSecurityHeaders(Response* r) {
  auto add = [r](const char* name, const char* value) {
    if (r->GetHeader(name).empty()) r->Header(name, value);
  };
  add("X-Content-Type-Options", "nosniff");
  add("X-Frame-Options", "DENY");
  add("Referrer-Policy", "same-origin");
  add("Content-Security-Policy",
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
      "frame-ancestors 'none'");
}

}  // namespace

Response App::Health() {
  Status st = db_->Read([](soci::session& s) {
    int one = 0;
    s << "SELECT 1", soci::into(one);
    return Status::Ok();
  });
  if (!st.ok()) return JsonResponse(503, {{"status", "unavailable"}, {"error", st.message()}});
  return JsonResponse(200, {{"status", "ok"}});
}

Response App::HandleApi(Request& req, std::string* route_name) {
  const std::string lang = req.Language();
  Router::Match m = router_.Find(req.method, req.path);
  if (!m.route) {
    *route_name = "unmatched";
    if (m.method_not_allowed) {
      return ErrorResponse(
          Status(Code::kInvalidArgument, "method_not_allowed", "method not allowed"), lang);
    }
    return ErrorResponse(Status::NotFound("route_not_found", "no such endpoint: " + req.path),
                         lang);
  }
  *route_name = m.route->pattern;
  req.params = std::move(m.params);
  const RouteOptions& opt = m.route->options;
  if (req.body.size() > opt.max_body) {
    return ErrorResponse(
        Status(Code::kPayloadTooLarge, "payload_too_large",
               "request body larger than " + std::to_string(opt.max_body) + " bytes"),
        lang);
  }
  std::optional<Authenticator::Session> session;
  const std::string token = req.Cookie(kSessionCookie);
  if (!token.empty() && auth_) session = auth_->Resolve(token);
  if (opt.require_auth && !session) {
    return ErrorResponse(Status(Code::kUnauthenticated, "unauthenticated", "sign in first"), lang);
  }
  if (opt.check_csrf && session && IsStateChanging(req.method) &&
      req.Header("x-csrf-token") != session->csrf_token) {
    return ErrorResponse(Status(Code::kPermissionDenied, "csrf", "missing or wrong X-CSRF-Token"),
                         lang);
  }
  Context ctx(req, *this, std::move(session));
  Response r = m.route->handler(ctx);
  r.Header("Cache-Control", "no-store");
  return r;
}

Response App::Handle(Request req) {
  const auto start = std::chrono::steady_clock::now();
  const std::string activity = req.method + " " + req.path;
  store::ScopedActivity doing(&activity);  // named in the log if the database stalls
  std::string route_name = "static";
  Response r;
  try {
    if (req.path == "/healthz") {
      route_name = "/healthz";
      r = Health();
    } else if (req.path == "/metrics") {
      route_name = "/metrics";
      r.body = metrics_.Render();
      r.Header("Content-Type", "text/plain; version=0.0.4");
    } else if (req.path.rfind("/api/", 0) == 0 || req.path.rfind("/public/", 0) == 0) {
      r = HandleApi(req, &route_name);
    } else if ((req.method == "GET" || req.method == "HEAD") && static_) {
      r = static_->Serve(req);
    } else {
      route_name = "unmatched";
      r = ErrorResponse(Status::NotFound("route_not_found", "not found: " + req.path),
                        req.Language());
    }
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} threw: {}", req.method, req.path, e.what());
    r = ErrorResponse(Status::Internal(e.what()), req.Language());
  }
  AddSecurityHeaders(&r);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Observe(req.method, route_name, r.status, secs);
  access_log_.Record(req.remote_ip, req.method, req.path, r.status, secs, r.body.size());
  return r;
}

}  // namespace jianbao::http
