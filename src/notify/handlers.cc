// Copyright 2026 The Jianbao Authors.

#include "notify/handlers.h"

namespace jianbao::notify {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

Json ToJson(const Notification& n) {
  return {{"id", n.id},         {"kind", n.kind},
          {"title", n.title},   {"body", n.body},
          {"entity", n.entity}, {"entity_id", n.entity_id},
          {"read", n.read},     {"created_at", n.created_at}};
}

Response List(Context& ctx, NotifyService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  const bool unread = ctx.req.Query("unread") == "1" || ctx.req.Query("unread") == "true";
  return http::Respond(ctx, svc.List(ctx.actor(), unread, page->offset(), page->page_size),
                       [&](const Page& p) {
                         Json items = Json::array();
                         for (const Notification& n : p.items) items.push_back(ToJson(n));
                         return JsonResponse(200, {{"items", items},
                                                   {"total", p.total},
                                                   {"unread", p.unread},
                                                   {"page", page->page},
                                                   {"page_size", page->page_size}});
                       });
}

Response Unread(Context& ctx, NotifyService& svc) {
  return http::Respond(ctx, svc.UnreadCount(ctx.actor()), [](int64_t n) {
    return JsonResponse(200, {{"unread", n}});
  });
}

Response Read(Context& ctx, NotifyService& svc) {
  int64_t id = 0;
  try {
    id = std::stoll(ctx.Param("id"));
  } catch (const std::exception&) {
  }
  if (id <= 0) return ctx.Error(Status::NotFound("notification_not_found", "no such notification"));
  Status st = svc.MarkRead(ctx.actor(), id);
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

Response ReadAll(Context& ctx, NotifyService& svc) {
  Status st = svc.MarkAllRead(ctx.actor());
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

}  // namespace

void Register(http::App& app, NotifyService& svc) {
  auto bind = [&svc](Response (*fn)(Context&, NotifyService&)) {
    return [fn, &svc](Context& ctx) { return fn(ctx, svc); };
  };
  app.Get("/api/v1/notifications", bind(List));
  app.Get("/api/v1/notifications/unread-count", bind(Unread));
  app.Post("/api/v1/notifications/read-all", bind(ReadAll));
  app.Post("/api/v1/notifications/:id/read", bind(Read));
}

}  // namespace jianbao::notify
