// Copyright 2026 The Jianbao Authors.

#include "http/app.h"

#include <gtest/gtest.h>

#include <map>

#include "store/database.h"

namespace jianbao::http {
namespace {

class FakeAuth : public Authenticator {
 public:
  std::optional<Session> Resolve(const std::string& token) override {
    if (token != "good") return std::nullopt;
    Session s;
    s.actor.user_id = 1;
    s.actor.login = "admin";
    s.csrf_token = "csrf123";
    return s;
  }
};

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::move(store::Database::Open("sqlite::memory:")).value();
    app_ = std::make_unique<App>(Config(), db_.get());
    app_->SetAuthenticator(&auth_);
    app_->Get("/api/v1/open",
              [](Context&) {
                return JsonResponse(200, {{"ok", true}});
              },
              {.require_auth = false});
    app_->Post("/api/v1/things",
               [](Context& c) {
                 return JsonResponse(201, {{"by", c.actor().login}});
               },
               {.max_body = 16});
    app_->Get("/api/v1/boom", [](Context&) -> Response { throw std::runtime_error("secret"); });
  }
  Response Call(const std::string& method, const std::string& path, const std::string& cookie = "",
                const std::string& csrf = "", const std::string& body = "") {
    Request r;
    r.method = method;
    r.path = path;
    if (!cookie.empty()) r.headers["cookie"] = "jb_session=" + cookie;
    if (!csrf.empty()) r.headers["x-csrf-token"] = csrf;
    r.body = body;
    r.remote_ip = "127.0.0.1";
    return app_->Handle(r);
  }
  // GET /metrics from `peer` with extra headers.
  static Response Metrics(App& app, const std::string& peer,
                          std::map<std::string, std::string> headers = {}) {
    Request r;
    r.method = "GET";
    r.path = "/metrics";
    r.remote_ip = peer;
    r.headers = std::move(headers);
    return app.Handle(r);
  }
  FakeAuth auth_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<App> app_;
};

TEST_F(AppTest, AuthCsrfAndLimits) {
  EXPECT_EQ(Call("GET", "/api/v1/open").status, 200);
  EXPECT_EQ(Call("POST", "/api/v1/things").status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/things", "bad").status, 401);
  Response no_csrf = Call("POST", "/api/v1/things", "good");
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_NE(no_csrf.body.find("\"key\":\"csrf\""), std::string::npos);
  EXPECT_EQ(Call("POST", "/api/v1/things", "good", "csrf123").status, 201);
  EXPECT_EQ(Call("POST", "/api/v1/things", "good", "csrf123", std::string(17, 'x')).status, 413);
}

TEST_F(AppTest, ErrorsAreJsonAndNeverLeak) {
  Response nf = Call("GET", "/api/v1/nope");
  EXPECT_EQ(nf.status, 404);
  EXPECT_NE(nf.body.find("\"error\""), std::string::npos);
  EXPECT_EQ(Call("DELETE", "/api/v1/open").status, 400);
  Response boom = Call("GET", "/api/v1/boom", "good");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(boom.body.find("secret"), std::string::npos);
  EXPECT_EQ(boom.GetHeader("X-Frame-Options"), "DENY");
}

TEST_F(AppTest, HealthAndMetrics) {
  EXPECT_EQ(Call("GET", "/healthz").status, 200);
  Call("GET", "/api/v1/open");
  Response m = Call("GET", "/metrics");
  EXPECT_NE(
      m.body.find(
          "jianbao_http_requests_total{method=\"GET\",route=\"/api/v1/open\",status=\"200\"} 1"),
      std::string::npos);
  EXPECT_NE(m.body.find("jianbao_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST_F(AppTest, MetricsAnswerLoopbackOnlyByDefault) {
  EXPECT_EQ(Metrics(*app_, "127.0.0.1").status, 200);
  EXPECT_EQ(Metrics(*app_, "::1").status, 200);
  EXPECT_EQ(Metrics(*app_, "127.0.0.1").GetHeader("Content-Type"), "text/plain; version=0.0.4");
  Response far = Metrics(*app_, "203.0.113.7");
  EXPECT_EQ(far.status, 403);
  EXPECT_EQ(far.body.find("jianbao_http_requests_total"), std::string::npos);
  EXPECT_EQ(Metrics(*app_, "10.0.0.5").status, 403);
  // Through a reverse proxy on the same host, the client is not loopback.
  EXPECT_EQ(Metrics(*app_, "127.0.0.1", {{"x-forwarded-for", "203.0.113.7"}}).status, 403);
}

TEST_F(AppTest, MetricsTokenAndTrustedProxy) {
  Config config;
  config.Set("server.metrics_token", "s3cret-token");
  config.Set("server.trusted_proxies", "10.0.0.2");
  App app(config, db_.get());
  const std::map<std::string, std::string> bearer = {{"authorization", "Bearer s3cret-token"}};
  EXPECT_EQ(Metrics(app, "203.0.113.7", bearer).status, 200);
  EXPECT_EQ(Metrics(app, "10.0.0.2",
                    {{"authorization", "Bearer s3cret-token"}, {"x-forwarded-for", "198.51.100.1"}})
                .status,
            200);
  EXPECT_EQ(Metrics(app, "203.0.113.7", {{"authorization", "Bearer wrong-token!"}}).status, 403);
  EXPECT_EQ(Metrics(app, "203.0.113.7", {{"authorization", "Bearer s3cret-toke"}}).status, 403);
  EXPECT_EQ(Metrics(app, "203.0.113.7").status, 403);
  EXPECT_EQ(Metrics(app, "127.0.0.1").status, 403) << "with a token, loopback needs it too";
}

}  // namespace
}  // namespace jianbao::http
