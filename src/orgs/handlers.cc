// Copyright 2026 The Jianbao Authors.

#include "orgs/handlers.h"

#include "orgs/json.h"

namespace jianbao::orgs {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

std::string SessionCookie(const std::string& token, bool secure, int max_age) {
  std::string c = std::string(http::kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

Response PostSession(Context& ctx, OrgService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"login", "password"});
  if (!body.ok()) return ctx.Error(body.status());
  auto login = http::RequiredString(*body, "login", 64);
  if (!login.ok()) return ctx.Error(login.status());
  auto it = body->find("password");
  if (it == body->end() || !it->is_string() || it->get<std::string>().empty()) {
    return ctx.Error(Status::Invalid("password", "required", "password is required"));
  }
  auto signin = svc.Login(*login, it->get<std::string>(), ctx.req.remote_ip,
                          ctx.req.Cookie(http::kSessionCookie));
  if (!signin.ok()) return ctx.Error(signin.status());
  Response r =
      JsonResponse(200, {{"user", UserJson(signin->user)}, {"csrf_token", signin->csrf_token}});
  const bool secure = ctx.app.config().GetBool("server.tls", false);
  const int hours = static_cast<int>(ctx.app.config().GetInt("security.session_hours", 12));
  r.Header("Set-Cookie", SessionCookie(signin->token, secure, hours * 3600));
  return r;
}

Response DeleteSession(Context& ctx, OrgService& svc) {
  Status st = svc.Logout(ctx.actor(), ctx.req.Cookie(http::kSessionCookie));
  if (!st.ok()) return ctx.Error(st);
  Response r = http::NoContent();
  r.Header("Set-Cookie", SessionCookie("", false, 0));
  return r;
}

Response GetMe(Context& ctx, OrgService& svc) {
  return http::Respond(ctx, svc.GetUser(ctx.actor(), ctx.actor().user_id), [&](const User& u) {
    return JsonResponse(200, {{"user", UserJson(u)}, {"csrf_token", ctx.session->csrf_token}});
  });
}

Response PutPassword(Context& ctx, OrgService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"old_password", "new_password"});
  if (!body.ok()) return ctx.Error(body.status());
  std::string old_pw, new_pw;
  for (auto [key, out] : {std::pair{"old_password", &old_pw}, std::pair{"new_password", &new_pw}}) {
    auto it = body->find(key);
    if (it == body->end() || !it->is_string()) {
      return ctx.Error(Status::Invalid(key, "required", std::string(key) + " is required"));
    }
    *out = it->get<std::string>();
  }
  Status st = svc.ChangePassword(ctx.actor(), old_pw, new_pw, ctx.req.Cookie(http::kSessionCookie));
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

Response PutEmail(Context& ctx, OrgService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"email"});
  if (!body.ok()) return ctx.Error(body.status());
  auto email = http::OptionalString(*body, "email", 254);
  if (!email.ok()) return ctx.Error(email.status());
  if (!email.value()) return ctx.Error(Status::Invalid("email", "required", "email is required"));
  return http::Respond(ctx, svc.SetOwnEmail(ctx.actor(), **email),
                       [](const User& u) { return JsonResponse(200, UserJson(u)); });
}

Response ListOrgs(Context& ctx, OrgService& svc) {
  return http::Respond(ctx, svc.ListOrgs(ctx.actor()), [](const std::vector<Org>& orgs) {
    Json items = Json::array();
    for (const Org& o : orgs) items.push_back(OrgJson(o));
    return JsonResponse(200, {{"items", items}});
  });
}

Response PostOrg(Context& ctx, OrgService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"code", "name", "short_name", "kind", "parent"});
  if (!body.ok()) return ctx.Error(body.status());
  NewOrg org;
  for (auto [key, out, required] :
       {std::tuple{"code", &org.code, true}, std::tuple{"name", &org.name, true},
        std::tuple{"short_name", &org.short_name, false}, std::tuple{"kind", &org.kind, true},
        std::tuple{"parent", &org.parent_code, false}}) {
    auto v = http::OptionalString(*body, key, 100);
    if (!v.ok()) return ctx.Error(v.status());
    if (required && (!v.value() || v.value()->empty())) {
      return ctx.Error(Status::Invalid(key, "required", std::string(key) + " is required"));
    }
    *out = v.value().value_or("");
  }
  return http::Respond(ctx, svc.CreateOrg(ctx.actor(), org),
                       [](const Org& o) { return JsonResponse(201, OrgJson(o)); });
}

Response PatchOrg(Context& ctx, OrgService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"name", "short_name"});
  if (!body.ok()) return ctx.Error(body.status());
  auto name = http::OptionalString(*body, "name", 100);
  if (!name.ok()) return ctx.Error(name.status());
  if (name.value() && name.value()->empty()) {
    return ctx.Error(Status::Invalid("name", "required", "name is required"));
  }
  auto short_name = http::OptionalString(*body, "short_name", 50);
  if (!short_name.ok()) return ctx.Error(short_name.status());
  return http::Respond(ctx, svc.UpdateOrg(ctx.actor(), ctx.Param("code"), *name, *short_name),
                       [](const Org& o) { return JsonResponse(200, OrgJson(o)); });
}

Response ListUsers(Context& ctx, OrgService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  auto result = svc.ListUsers(ctx.actor(), ctx.req.Query("org"), ctx.req.Query("role"),
                              ctx.req.Query("q"), page->offset(), page->page_size);
  return http::Respond(ctx, result, [&](const PageOf<User>& p) {
    Json items = Json::array();
    for (const User& u : p.items) items.push_back(UserJson(u));
    return JsonResponse(200, {{"items", items},
                              {"total", p.total},
                              {"page", page->page},
                              {"page_size", page->page_size}});
  });
}

Response PostUser(Context& ctx, OrgService& svc) {
  auto body =
      http::ParseObject(ctx.req.body, {"login", "password", "org", "roles", "name", "email"});
  if (!body.ok()) return ctx.Error(body.status());
  NewUser u;
  auto login = http::RequiredString(*body, "login", 64);
  if (!login.ok()) return ctx.Error(login.status());
  auto name = http::RequiredString(*body, "name", 50);
  if (!name.ok()) return ctx.Error(name.status());
  auto org = http::RequiredString(*body, "org", 32);
  if (!org.ok()) return ctx.Error(org.status());
  auto roles = http::OptionalStringArray(*body, "roles", 10, 32);
  if (!roles.ok()) return ctx.Error(roles.status());
  auto email = http::OptionalString(*body, "email", 254);
  if (!email.ok()) return ctx.Error(email.status());
  auto pw = body->find("password");
  if (pw == body->end() || !pw->is_string()) {
    return ctx.Error(Status::Invalid("password", "required", "password is required"));
  }
  u.login = *login;
  u.name = *name;
  u.org_code = *org;
  u.roles = roles.value().value_or(std::vector<std::string>{});
  u.email = email.value().value_or("");
  u.password = pw->get<std::string>();
  return http::Respond(ctx, svc.CreateUser(ctx.actor(), u),
                       [](const User& created) { return JsonResponse(201, UserJson(created)); });
}

Response PatchUser(Context& ctx, OrgService& svc) {
  auto id = ctx.IdParam("id", "user_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto body = http::ParseObject(ctx.req.body, {"name", "roles", "disabled", "email"});
  if (!body.ok()) return ctx.Error(body.status());
  UserPatch patch;
  auto name = http::OptionalString(*body, "name", 50);
  if (!name.ok()) return ctx.Error(name.status());
  if (name.value() && name.value()->empty()) {
    return ctx.Error(Status::Invalid("name", "required", "name is required"));
  }
  auto roles = http::OptionalStringArray(*body, "roles", 10, 32);
  if (!roles.ok()) return ctx.Error(roles.status());
  auto disabled = http::OptionalBool(*body, "disabled");
  if (!disabled.ok()) return ctx.Error(disabled.status());
  auto email = http::OptionalString(*body, "email", 254);
  if (!email.ok()) return ctx.Error(email.status());
  patch.email = *email;
  patch.name = *name;
  patch.roles = *roles;
  patch.disabled = *disabled;
  return http::Respond(ctx, svc.UpdateUser(ctx.actor(), *id, patch),
                       [](const User& u) { return JsonResponse(200, UserJson(u)); });
}

Response PostUserPassword(Context& ctx, OrgService& svc) {
  auto id = ctx.IdParam("id", "user_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto body = http::ParseObject(ctx.req.body, {"password"});
  if (!body.ok()) return ctx.Error(body.status());
  auto pw = body->find("password");
  if (pw == body->end() || !pw->is_string()) {
    return ctx.Error(Status::Invalid("password", "required", "password is required"));
  }
  Status st = svc.ResetPassword(ctx.actor(), *id, pw->get<std::string>());
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

Response ListAudit(Context& ctx, OrgService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  AuditFilter f;
  f.actor_login = ctx.req.Query("actor");
  f.action = ctx.req.Query("action");
  f.entity = ctx.req.Query("entity");
  f.from_date = ctx.req.Query("from");
  f.to_date = ctx.req.Query("to");
  f.offset = page->offset();
  f.limit = page->page_size;
  return http::Respond(ctx, svc.ListAudit(ctx.actor(), f), [&](const PageOf<AuditEntry>& p) {
    Json items = Json::array();
    for (const AuditEntry& e : p.items) items.push_back(AuditJson(e));
    return JsonResponse(200, {{"items", items},
                              {"total", p.total},
                              {"page", page->page},
                              {"page_size", page->page_size}});
  });
}

}  // namespace

void Register(http::App& app, OrgService& svc) {
  app.SetAuthenticator(&svc);
  auto bind = [&svc](Response (*fn)(Context&, OrgService&)) {
    return [fn, &svc](Context& ctx) { return fn(ctx, svc); };
  };
  app.Post("/api/v1/session", bind(PostSession), {.require_auth = false, .check_csrf = false});
  app.Delete("/api/v1/session", bind(DeleteSession));
  app.Get("/api/v1/me", bind(GetMe));
  app.Put("/api/v1/me/password", bind(PutPassword));
  app.Put("/api/v1/me/email", bind(PutEmail));
  app.Get("/api/v1/orgs", bind(ListOrgs));
  app.Post("/api/v1/orgs", bind(PostOrg));
  app.Patch("/api/v1/orgs/:code", bind(PatchOrg));
  app.Get("/api/v1/users", bind(ListUsers));
  app.Post("/api/v1/users", bind(PostUser));
  app.Patch("/api/v1/users/:id", bind(PatchUser));
  app.Post("/api/v1/users/:id/password", bind(PostUserPassword));
  app.Get("/api/v1/audit", bind(ListAudit));
}

}  // namespace jianbao::orgs
