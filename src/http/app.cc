// Copyright 2026 The Jianbao Authors.

#include "http/app.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string_view>

#include "core/messages.h"
#include "http/errors.h"
#include "store/database.h"
#include "store/pool.h"

namespace jianbao::http {

// A 5xx's own message (SQL error text, a path) is for the operator's log, never
// the answer, which carries the localized message for its key.
Response Context::Error(const Status& status) const {
  if (HttpStatusFor(status.code()) >= 500) {
    spdlog::warn("answering {} ({}): {}", HttpStatusFor(status.code()), status.key(),
                 status.message());
  }
  return ErrorResponse(status, lang);
}

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

namespace {

// server.answer_cache_mb and _ttl_ms (docs/operator-guide.md "The answer cache").
size_t AnswerCacheBytes(const Config& c) {
  return static_cast<size_t>(std::max<int64_t>(0, c.GetInt("server.answer_cache_mb", 32))) << 20;
}
std::chrono::milliseconds AnswerCacheTtl(const Config& c) {
  return std::chrono::milliseconds(c.GetInt("server.answer_cache_ttl_ms", 1000));
}

// What the caches count of an entry against their byte limits.
size_t ResponseBytes(const Response& r) {
  size_t n = r.body.size();
  for (const auto& [k, v] : r.headers) n += k.size() + v.size();
  return n;
}
size_t SessionBytes(const Authenticator::Session& s) {
  return s.actor.login.size() + s.actor.name.size() + s.actor.org_code.size() +
         s.csrf_token.size() + 32 * s.actor.roles.size();
}

}  // namespace

App::App(Config config, store::Database* db)
    : config_(std::move(config)),
      trusted_proxies_([this] {
        auto list = ParseAddressList(config_.GetString("server.trusted_proxies"));
        return list.ok() ? list.value() : std::vector<std::string>{};
      }()),
      db_(db),
      answers_(AnswerCacheBytes(config_), AnswerCacheTtl(config_), ResponseBytes),
      sessions_(answers_.enabled() ? size_t{4} << 20 : 0, AnswerCacheTtl(config_), SessionBytes),
      expose_statement_count_(config_.GetBool("server.expose_statement_count", false)) {
  messages::Add(messages::CoreMessages());
  messages::Add(messages::FieldLabels());
  messages::Add(Messages());
}

namespace {

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The answer cache's key: who asks (the session token, never logged), in
// which language, for which path and query. Every part is preceded by its
// length, so no two different requests (whatever bytes their decoded query
// holds) share a key.
std::string AnswerKey(const std::string& token, const std::string& lang, const Request& req) {
  std::string key;
  auto add = [&key](const std::string& part) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  };
  add(token);
  add(lang);
  add(req.path);
  for (const auto& [k, v] : req.query) {
    add(k);
    add(v);
  }
  return key;
}

// Conditional and partial requests are answered by the handler itself.
bool IsPlainGet(const Request& req) {
  return req.method == "GET" && req.Header("if-none-match").empty() &&
         req.Header("if-modified-since").empty() && req.Header("range").empty();
}

// The Content-Security-Policy of every answer whose handler sets none: the web UI and
// the server-made pages. No 'unsafe-inline' and no 'unsafe-eval' for scripts or styles:
// the UI loads only its own script and CSS files (styles set from script through the
// CSSOM are allowed). The one inline <style> element the server writes, the public
// archive page of a series (bulletins/feed.cc PublicPage), is allowed by its hash;
// test_platform.py checks that every <style> on that page matches a hash listed here.
// The HTML edition of an issue and the distribution sheets send their own, stricter
// policy (no scripts at all, their <style> by hash: http/csp.h).
constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; "
    "style-src 'self' 'sha256-14duCS5QoAgfIhpIZPWQkyMPNXp6Fw8i0XN59vYz4Sk='; "
    "img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

// Adds the default security headers that the handler did not set itself.
void AddSecurityHeaders(Response* r) {
  auto add = [r](const char* name, const char* value) {
    if (r->GetHeader(name).empty()) r->Header(name, value);
  };
  add("X-Content-Type-Options", "nosniff");
  add("X-Frame-Options", "DENY");
  add("Referrer-Policy", "same-origin");
  add("Content-Security-Policy", kContentSecurityPolicy);
}

// True for "application/json", in any case, with or without parameters
// ("application/json; charset=utf-8"). A form or text/plain body, which a
// cross-site page can send without a preflight, is not JSON.
bool IsJsonMediaType(const std::string& content_type) {
  const std::string type = content_type.substr(0, content_type.find(';'));
  static constexpr std::string_view kJson = "application/json";
  size_t b = 0, e = type.size();
  while (b < e && (type[b] == ' ' || type[b] == '\t')) ++b;
  while (e > b && (type[e - 1] == ' ' || type[e - 1] == '\t')) --e;
  if (e - b != kJson.size()) return false;
  for (size_t i = 0; i < kJson.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[b + i])) != kJson[i]) return false;
  }
  return true;
}

// /metrics answers a request with "Authorization: Bearer <server.metrics_token>"
// when a token is configured; without one, only loopback clients that did not
// come through a proxy.
bool MetricsAllowed(const Request& req, const std::string& token) {
  if (!token.empty()) {
    const std::string given = req.Header("authorization");
    const std::string want = "Bearer " + token;
    unsigned diff = given.size() != want.size();
    for (size_t i = 0; i < given.size() && i < want.size(); ++i) diff |= given[i] ^ want[i];
    return diff == 0;
  }
  return IsLoopback(req.remote_ip) && req.Header("x-forwarded-for").empty() &&
         req.Header("forwarded").empty();
}

}  // namespace

Response App::Health() {
  Status st = db_->Ping();
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
  if (opt.json_body && !req.body.empty() && !IsJsonMediaType(req.Header("content-type"))) {
    return ErrorResponse(Status(Code::kUnsupportedMediaType, "json_content_type",
                                "a request body must be sent as Content-Type: application/json"),
                         lang);
  }
  const std::string token = req.Cookie(kSessionCookie);
  // Read before anything is computed from the database: an entry stored at
  // this version is only found again while no commit has happened since.
  std::optional<uint64_t> version;
  if (!token.empty() && answers_.enabled()) version = db_->DataVersion();
  std::optional<Authenticator::Session> session = ResolveSession(token, version);
  if (opt.require_auth && !session) {
    return ErrorResponse(Status(Code::kUnauthenticated, "unauthenticated", "sign in first"), lang);
  }
  if (opt.check_csrf && session && IsStateChanging(req.method) &&
      req.Header("x-csrf-token") != session->csrf_token) {
    return ErrorResponse(Status(Code::kPermissionDenied, "csrf", "missing or wrong X-CSRF-Token"),
                         lang);
  }
  std::string key;
  if (version && session && opt.cacheable && IsPlainGet(req)) {
    key = AnswerKey(token, lang, req);
    if (std::optional<Response> hit = answers_.Find(key, *version)) return std::move(*hit);
  }
  Context ctx(req, *this, std::move(session));
  Result<Response> result = m.route->handler(ctx);
  Response r = result.ok() ? std::move(result).value() : ctx.Error(result.status());
  r.Header("Cache-Control", "no-store");
  if (!key.empty() && r.status == 200) answers_.Store(key, *version, r);
  return r;
}

std::optional<Authenticator::Session> App::ResolveSession(const std::string& token,
                                                          std::optional<uint64_t> version) {
  if (token.empty() || !auth_) return std::nullopt;
  if (version) {
    if (auto hit = sessions_.Find(token, *version)) return hit;
  }
  std::optional<Authenticator::Session> session = auth_->Resolve(token);
  if (session && version) sessions_.Store(token, *version, *session);
  return session;
}

Response App::Handle(Request req) {
  const auto start = std::chrono::steady_clock::now();
  const std::string activity = req.method + " " + req.path;
  store::ScopedActivity doing(&activity);  // named in the log if the database stalls
  const int64_t statements_before = store::StatementsOnThisThread();
  std::string route_name = "static";
  Response r;
  req.remote_ip = ClientAddress(req, trusted_proxies_);
  try {
    if (req.path == "/healthz") {
      route_name = "/healthz";
      r = Health();
    } else if (req.path == "/metrics") {
      route_name = "/metrics";
      if (MetricsAllowed(req, config_.GetString("server.metrics_token"))) {
        r.body = metrics_.Render();
        r.Header("Content-Type", "text/plain; version=0.0.4");
      } else {
        r = ErrorResponse(Status::Denied("metrics are for the operator"), req.Language());
      }
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
  if (expose_statement_count_) {
    r.Header("X-Jianbao-Statements",
             std::to_string(store::StatementsOnThisThread() - statements_before));
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Observe(req.method, route_name, r.status, secs);
  access_log_.Record(req.remote_ip, req.method, req.path, r.status, secs, r.body.size());
  return r;
}

}  // namespace jianbao::http
