// Copyright 2026 The Jianbao Authors.

#include "notify/handlers.h"

#include "http/json_io.h"

namespace jianbao::notify {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

Json NotificationJson(const Notification& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"params", Json(n.params)},
          {"entity", n.entity},
          {"entity_id", n.entity_id},
          {"read", n.read},
          {"created_at", n.created_at}};
}

Json InboxJson(const Inbox& inbox, const PageRequest& page) {
  Json items = Json::array();
  for (const Notification& n : inbox.items) items.push_back(NotificationJson(n));
  Json out = http::ItemsObject(std::move(items));
  out["total"] = inbox.total;
  out["unread"] = inbox.unread;
  out["page"] = page.page;
  out["page_size"] = page.page_size;
  return out;
}

// ?unread=1 or ?unread=true lists only unread notifications.
bool UnreadOnly(const http::Request& req) {
  return req.Query("unread") == "1" || req.Query("unread") == "true";
}

Result<Response> List(Context& ctx, NotifyService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  JB_ASSIGN_OR_RETURN(Inbox inbox, svc.List(ctx.actor(), UnreadOnly(ctx.req), page.offset(),
                                            page.page_size, ctx.lang));
  return JsonResponse(200, InboxJson(inbox, page));
}

Result<Response> Unread(Context& ctx, NotifyService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t n, svc.UnreadCount(ctx.actor()));
  return JsonResponse(200, {{"unread", n}});
}

Result<Response> Read(Context& ctx, NotifyService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notification_not_found"));
  JB_RETURN_IF_ERROR(svc.MarkRead(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> ReadAll(Context& ctx, NotifyService& svc) {
  JB_RETURN_IF_ERROR(svc.MarkAllRead(ctx.actor()));
  return http::NoContent();
}

}  // namespace

void Register(http::App& app, NotifyService& svc) {
  const http::RouteOptions cached{.cacheable = true};  // see http/router.h
  auto bind = [&svc](Result<Response> (*fn)(Context&, NotifyService&)) {
    return http::Bind(svc, fn);
  };
  app.Get("/api/v1/notifications", bind(List), cached);
  app.Get("/api/v1/notifications/unread-count", bind(Unread), cached);
  app.Post("/api/v1/notifications/read-all", bind(ReadAll));
  app.Post("/api/v1/notifications/:id/read", bind(Read));
}

}  // namespace jianbao::notify
