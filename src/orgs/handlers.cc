// Copyright 2026 The Jianbao Authors.

#include "orgs/handlers.h"

#include "http/json_io.h"
#include "orgs/json.h"

namespace jianbao::orgs {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;
using jianbao::Page;

std::string SessionCookie(const std::string& token, bool secure, int max_age) {
  std::string c = std::string(http::kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

// Makes OrgService the app's session authenticator, keeping the domain
// service free of HTTP types.
class SessionAuthenticator : public http::Authenticator {
 public:
  explicit SessionAuthenticator(OrgService& svc) : svc_(svc) {}
  std::optional<Session> Resolve(const std::string& token) override {
    std::optional<ActiveSession> found = svc_.Resolve(token);
    if (!found) return std::nullopt;
    return Session{std::move(found->actor), std::move(found->csrf_token)};
  }

 private:
  OrgService& svc_;
};

Result<Response> PostSession(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(SignInInput in, ReadSignIn(ctx.req.body));
  JB_ASSIGN_OR_RETURN(SignIn signin, svc.Login(in.login, in.password, ctx.req.remote_ip,
                                               ctx.req.Cookie(http::kSessionCookie)));
  Response r =
      JsonResponse(200, {{"user", UserJson(signin.user)}, {"csrf_token", signin.csrf_token}});
  const bool secure = ctx.app.config().GetBool("server.tls", false);
  const int hours = static_cast<int>(ctx.app.config().GetInt("security.session_hours", 12));
  r.Header("Set-Cookie", SessionCookie(signin.token, secure, hours * 3600));
  return r;
}

Result<Response> DeleteSession(Context& ctx, OrgService& svc) {
  JB_RETURN_IF_ERROR(svc.Logout(ctx.actor(), ctx.req.Cookie(http::kSessionCookie)));
  Response r = http::NoContent();
  r.Header("Set-Cookie", SessionCookie("", false, 0));
  return r;
}

Result<Response> GetMe(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(User u, svc.GetUser(ctx.actor(), ctx.actor().user_id));
  return JsonResponse(200, {{"user", UserJson(u)}, {"csrf_token", ctx.session->csrf_token}});
}

Result<Response> PutPassword(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(PasswordChangeInput in, ReadPasswordChange(ctx.req.body));
  JB_RETURN_IF_ERROR(svc.ChangePassword(ctx.actor(), in.old_password, in.new_password,
                                        ctx.req.Cookie(http::kSessionCookie)));
  return http::NoContent();
}

Result<Response> PutEmail(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(std::string email, ReadEmail(ctx.req.body));
  JB_ASSIGN_OR_RETURN(User u, svc.SetOwnEmail(ctx.actor(), email));
  return JsonResponse(200, UserJson(u));
}

Result<Response> ListOrgs(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<Org> orgs, svc.ListOrgs(ctx.actor()));
  Json items = Json::array();
  for (const Org& o : orgs) items.push_back(OrgJson(o));
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> PostOrg(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(NewOrg in, ReadNewOrg(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Org org, svc.CreateOrg(ctx.actor(), in));
  return JsonResponse(201, OrgJson(org));
}

Result<Response> PatchOrg(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(OrgPatch patch, ReadOrgPatch(ctx.req.body));
  JB_ASSIGN_OR_RETURN(patch.version, http::ExpectedVersion(ctx.req, patch.version));
  JB_ASSIGN_OR_RETURN(Org org, svc.UpdateOrg(ctx.actor(), ctx.Param("code"), patch.name,
                                             patch.short_name, patch.version, patch.email));
  return http::WithETag(JsonResponse(200, OrgJson(org)), org.stamp.version);
}

Result<Response> ListUsers(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  JB_ASSIGN_OR_RETURN(Page<User> users,
                      svc.ListUsers(ctx.actor(), ctx.req.Query("org"), ctx.req.Query("role"),
                                    ctx.req.Query("q"), page.offset(), page.page_size));
  return JsonResponse(200, http::PageJson(users, page, UserJson));
}

Result<Response> PostUser(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(NewUser in, ReadNewUser(ctx.req.body));
  JB_ASSIGN_OR_RETURN(User created, svc.CreateUser(ctx.actor(), in));
  return JsonResponse(201, UserJson(created));
}

Result<Response> PatchUser(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "user_not_found"));
  JB_ASSIGN_OR_RETURN(UserPatch patch, ReadUserPatch(ctx.req.body));
  JB_ASSIGN_OR_RETURN(patch.version, http::ExpectedVersion(ctx.req, patch.version));
  JB_ASSIGN_OR_RETURN(User u, svc.UpdateUser(ctx.actor(), id, patch));
  return http::WithETag(JsonResponse(200, UserJson(u)), u.stamp.version);
}

Result<Response> PostUserPassword(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "user_not_found"));
  JB_ASSIGN_OR_RETURN(std::string password, ReadPassword(ctx.req.body));
  JB_RETURN_IF_ERROR(svc.ResetPassword(ctx.actor(), id, password));
  return http::NoContent();
}

Result<Response> ListAudit(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  AuditFilter f{{},
                ctx.req.Query("actor"),
                ctx.req.Query("action"),
                ctx.req.Query("entity"),
                ctx.req.Query("from"),
                ctx.req.Query("to"),
                page.offset(),
                page.page_size};
  JB_ASSIGN_OR_RETURN(Page<AuditEntry> entries, svc.ListAudit(ctx.actor(), f));
  return JsonResponse(200, http::PageJson(entries, page, AuditJson));
}

Result<Response> PostPresence(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(ctx.req.body, {"record"}));
  JB_ASSIGN_OR_RETURN(std::string record, http::RequiredString(obj, "record", 60));
  JB_ASSIGN_OR_RETURN(std::vector<Presence> others, svc.Heartbeat(ctx.actor(), record));
  Json items = Json::array();
  for (const Presence& p : others) {
    items.push_back({{"login", p.login}, {"name", p.name}, {"seen_at", p.seen_at}});
  }
  return JsonResponse(200, {{"record", record}, {"others", items}});
}

Result<Response> PostPresenceLeave(Context& ctx, OrgService& svc) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(ctx.req.body, {"record"}));
  JB_ASSIGN_OR_RETURN(std::string record, http::RequiredString(obj, "record", 60));
  JB_RETURN_IF_ERROR(svc.Leave(ctx.actor(), record));
  return http::NoContent();
}

}  // namespace

void Register(http::App& app, OrgService& svc) {
  const http::RouteOptions cached{.cacheable = true};  // see http/router.h
  app.AdoptAuthenticator(std::make_unique<SessionAuthenticator>(svc));
  auto bind = [&svc](Result<Response> (*fn)(Context&, OrgService&)) { return http::Bind(svc, fn); };
  app.Post("/api/v1/session", bind(PostSession), {.require_auth = false, .check_csrf = false});
  app.Delete("/api/v1/session", bind(DeleteSession));
  app.Get("/api/v1/me", bind(GetMe), cached);
  app.Put("/api/v1/me/password", bind(PutPassword));
  app.Put("/api/v1/me/email", bind(PutEmail));
  app.Get("/api/v1/orgs", bind(ListOrgs), cached);
  app.Post("/api/v1/orgs", bind(PostOrg));
  app.Patch("/api/v1/orgs/:code", bind(PatchOrg));
  app.Get("/api/v1/users", bind(ListUsers), cached);
  app.Post("/api/v1/users", bind(PostUser));
  app.Patch("/api/v1/users/:id", bind(PatchUser));
  app.Post("/api/v1/users/:id/password", bind(PostUserPassword));
  app.Get("/api/v1/audit", bind(ListAudit));
  app.Post("/api/v1/presence", bind(PostPresence));
  app.Post("/api/v1/presence/leave", bind(PostPresenceLeave));
}

}  // namespace jianbao::orgs
