// Copyright 2026 The Jianbao Authors.
//
// App: the request pipeline every module plugs into. A module registers its
// routes with app.Get/Post/… in its Register(App&) function; App::Handle does
// sessions, CSRF, body limits, errors, metrics and the access log around the
// handlers, and serves the web UI for everything outside /api/ and /public/.

#ifndef JIANBAO_HTTP_APP_H_
#define JIANBAO_HTTP_APP_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/config.h"
#include "http/answer_cache.h"
#include "http/json_io.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"

namespace jianbao::store {
class Database;
}

namespace jianbao::http {

inline constexpr const char* kSessionCookie = "jb_session";

// Turns a session cookie into the signed-in actor. Implemented by src/orgs.
class Authenticator {
 public:
  struct Session {
    Actor actor;
    std::string csrf_token;
  };
  virtual ~Authenticator() = default;
  // Returns the live session for `token`, or nullopt when unknown, expired or disabled.
  virtual std::optional<Session> Resolve(const std::string& token) = 0;
};

class App;

// Everything a handler needs for one request.
class Context {
 public:
  Context(const Request& req, App& app, std::optional<Authenticator::Session> session)
      : req(req), app(app), session(std::move(session)), lang(req.Language()) {}

  const Request& req;
  App& app;
  std::optional<Authenticator::Session> session;
  std::string lang;

  // Returns the signed-in actor with the request's address filled in.
  // REQUIRES: session (routes with require_auth guarantee it).
  Actor actor() const {
    Actor a = session->actor;
    a.ip = req.remote_ip;
    return a;
  }
  // Returns the path parameter `name` ("" when absent).
  std::string Param(const std::string& name) const {
    auto it = req.params.find(name);
    return it == req.params.end() ? "" : it->second;
  }
  // Returns the positive integer path parameter `name`, or kNotFound with
  // `not_found_key` when it is missing, not a number or out of range.
  Result<int64_t> IdParam(const std::string& name, const std::string& not_found_key) const;
  Response Error(const Status& status) const;
};

class App {
 public:
  // REQUIRES: `db` outlives the App; "server.trusted_proxies" parses
  // (ParseAddressList; entries that do not are ignored).
  App(Config config, store::Database* db);

  store::Database& db() { return *db_; }
  const Config& config() const { return config_; }
  Router& router() { return router_; }
  Metrics& metrics() { return metrics_; }

  // Sets who resolves session cookies. REQUIRES: outlives the App.
  void SetAuthenticator(Authenticator* auth) { auth_ = auth; }
  // Sets who resolves session cookies; the App keeps it.
  void AdoptAuthenticator(std::unique_ptr<Authenticator> auth) {
    owned_auth_ = std::move(auth);
    auth_ = owned_auth_.get();
  }
  // Serves the web UI from `root` (usually web/dist).
  void SetWebRoot(const std::string& root) { static_ = std::make_unique<StaticFiles>(root); }

  void Get(const std::string& p, Handler h, RouteOptions o = {}) { Add("GET", p, h, o); }
  void Post(const std::string& p, Handler h, RouteOptions o = {}) { Add("POST", p, h, o); }
  void Put(const std::string& p, Handler h, RouteOptions o = {}) { Add("PUT", p, h, o); }
  void Patch(const std::string& p, Handler h, RouteOptions o = {}) { Add("PATCH", p, h, o); }
  void Delete(const std::string& p, Handler h, RouteOptions o = {}) { Add("DELETE", p, h, o); }

  // Runs one request through the pipeline. Never throws.
  Response Handle(Request req);

 private:
  void Add(const std::string& method, const std::string& pattern, Handler h, RouteOptions o) {
    router_.Add(method, pattern, std::move(h), o);
  }
  Response HandleApi(Request& req, std::string* route_name);
  Response Health();
  // Resolves `token` through the session cache when `version` is known.
  std::optional<Authenticator::Session> ResolveSession(const std::string& token,
                                                       std::optional<uint64_t> version);

  Config config_;
  std::vector<std::string> trusted_proxies_;  // server.trusted_proxies
  store::Database* db_;
  Router router_;
  Metrics metrics_;
  AccessLog access_log_;
  Authenticator* auth_ = nullptr;
  std::unique_ptr<Authenticator> owned_auth_;
  std::unique_ptr<StaticFiles> static_;
  // Answers of cacheable routes and resolved sessions, exact while the
  // database's data version stands (server.answer_cache_mb, _ttl_ms).
  AnswerCache<Response> answers_;
  AnswerCache<Authenticator::Session> sessions_;
  // Tests: answer X-Jianbao-Statements, the SQL statements the request ran.
  bool expose_statement_count_ = false;
};

// Returns a route handler that calls `fn(ctx, service)`: the one way modules
// register their `Result<Response> Fn(Context&, Service&)` handlers.
// REQUIRES: `service` outlives the App.
template <typename Service>
Handler Bind(Service& service, Result<Response> (*fn)(Context&, Service&)) {
  return [fn, &service](Context& ctx) { return fn(ctx, service); };
}

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_APP_H_
