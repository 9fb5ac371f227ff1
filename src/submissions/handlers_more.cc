// Copyright 2026 The Jianbao Authors.
//
// Routes for files (import, convert, attachments), commissions, statistics and
// the workflow table.

#include "core/text.h"
#include "http/request.h"
#include "submissions/handlers.h"
#include "submissions/json.h"
#include "submissions/sniff.h"

namespace jianbao::submissions {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

constexpr size_t kMaxUpload = 24 << 20;  // the service applies the configured, smaller limits

Response FileResponse(const std::string& bytes, const std::string& type, const std::string& name,
                      bool inline_ok) {
  Response r;
  r.status = 200;
  r.body = bytes;
  r.Header("Content-Type", type);
  r.Header("Content-Disposition", std::string(inline_ok ? "inline" : "attachment") +
                                      "; filename*=UTF-8''" + text::PercentEncode(name));
  r.Header("X-Content-Type-Options", "nosniff");
  return r;
}

Response GetWorkflow(Context& ctx, SubmissionService&) { return JsonResponse(200, WorkflowJson()); }

Response GetTargets(Context& ctx, SubmissionService& svc) {
  return http::Respond(ctx, svc.Targets(ctx.actor()), [](const std::vector<orgs::Org>& orgs) {
    Json items = Json::array();
    for (const orgs::Org& o : orgs) {
      items.push_back({{"id", o.id}, {"code", o.code}, {"name", o.name}, {"kind", o.kind}});
    }
    return JsonResponse(200, {{"items", items}});
  });
}

Result<std::string> Format(const Context& ctx) {
  const std::string f = ctx.req.Query("format");
  if (f == "docx" || f == "txt") return f;
  return Status::Invalid("format", "invalid_format", "format must be docx or txt");
}

Response PostImport(Context& ctx, SubmissionService& svc) {
  auto format = Format(ctx);
  if (!format.ok()) return ctx.Error(format.status());
  PieceInput meta;
  if (!ctx.req.Query("target").empty()) meta.target_code = ctx.req.Query("target");
  const std::string commission = ctx.req.Query("commission_id");
  if (!commission.empty()) {
    try {
      meta.commission_id = std::stoll(commission);
    } catch (const std::exception&) {
      return ctx.Error(Status::Invalid("commission_id", "wrong_type", "commission_id is an id"));
    }
  }
  return http::Respond(ctx, svc.Import(ctx.actor(), *format, ctx.req.body, meta),
                       [](const Piece& p) { return JsonResponse(201, PieceJson(p, true)); });
}

Response PostConvert(Context& ctx, SubmissionService& svc) {
  auto format = Format(ctx);
  if (!format.ok()) return ctx.Error(format.status());
  return http::Respond(ctx, svc.Convert(*format, ctx.req.body), [](const Imported& doc) {
    Json images = Json::array();
    for (const ImportedImage& i : doc.images) {
      images.push_back({{"ref", i.ref}, {"mime", i.mime}, {"size", i.data.size()}});
    }
    return JsonResponse(200, {{"title", doc.title}, {"body", doc.body}, {"images", images}});
  });
}

Response PostAttachment(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx,
                       svc.AddAttachment(ctx.actor(), *id, ctx.req.Query("name"), ctx.req.body),
                       [](const Attachment& a) { return JsonResponse(201, AttachmentJson(a)); });
}

Response GetAttachment(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto aid = internal::PathId(ctx, "aid", "attachment_not_found");
  if (!aid.ok()) return ctx.Error(aid.status());
  return http::Respond(ctx, svc.GetAttachment(ctx.actor(), *id, *aid), [](const Attachment& a) {
    return FileResponse(a.data, a.mime, a.name, IsImageMime(a.mime) || a.mime == "application/pdf");
  });
}

Response DeleteAttachment(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto aid = internal::PathId(ctx, "aid", "attachment_not_found");
  if (!aid.ok()) return ctx.Error(aid.status());
  Status st = svc.DeleteAttachment(ctx.actor(), *id, *aid);
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

Response ListCommissions(Context& ctx, SubmissionService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  const std::string status = ctx.req.Query("status");
  if (!status.empty() && status != "open" && status != "closed") {
    return ctx.Error(Status::Invalid("status", "invalid_state", "status must be open or closed"));
  }
  return http::Respond(ctx,
                       svc.ListCommissions(ctx.actor(), status, page->offset(), page->page_size),
                       [&](const PageOf<Commission>& p) {
                         Json items = Json::array();
                         for (const Commission& c : p.items) items.push_back(CommissionJson(c));
                         return JsonResponse(200, {{"items", items},
                                                   {"total", p.total},
                                                   {"page", page->page},
                                                   {"page_size", page->page_size}});
                       });
}

Response PostCommission(Context& ctx, SubmissionService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"topic", "description", "org", "deadline"});
  if (!body.ok()) return ctx.Error(body.status());
  NewCommission c;
  for (auto [key, out, max] :
       {std::tuple{"topic", &c.topic, size_t{200}}, std::tuple{"org", &c.org_code, size_t{32}},
        std::tuple{"deadline", &c.deadline, size_t{10}}}) {
    auto v = http::RequiredString(*body, key, max);
    if (!v.ok()) return ctx.Error(v.status());
    *out = *v;
  }
  auto descr = http::OptionalString(*body, "description", 2000);
  if (!descr.ok()) return ctx.Error(descr.status());
  c.description = descr->value_or("");
  return http::Respond(ctx, svc.CreateCommission(ctx.actor(), c),
                       [](const Commission& cm) { return JsonResponse(201, CommissionJson(cm)); });
}

Response GetCommission(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "commission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto c = svc.GetCommission(ctx.actor(), *id);
  if (!c.ok()) return ctx.Error(c.status());
  PieceFilter f;
  f.commission_id = *id;
  f.limit = 100;
  auto pieces = svc.List(ctx.actor(), f);
  if (!pieces.ok()) return ctx.Error(pieces.status());
  Json j = CommissionJson(*c);
  j["pieces"] = Json::array();
  for (const Piece& p : pieces->items) j["pieces"].push_back(PieceJson(p, false));
  return JsonResponse(200, j);
}

Response CloseCommission(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "commission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx, svc.CloseCommission(ctx.actor(), *id),
                       [](const Commission& c) { return JsonResponse(200, CommissionJson(c)); });
}

Response GetStats(Context& ctx, SubmissionService& svc) {
  return http::Respond(
      ctx, svc.Statistics(ctx.actor(), ctx.req.Query("period"), ctx.req.Query("target")),
      [](const Stats& s) { return JsonResponse(200, StatsJson(s)); });
}

Response GetStatsPieces(Context& ctx, SubmissionService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  auto r = svc.StatisticsPieces(ctx.actor(), ctx.req.Query("period"), ctx.req.Query("target"),
                                ctx.req.Query("org"), ctx.req.Query("kind", "submitted"),
                                page->offset(), page->page_size);
  return http::Respond(ctx, r, [&](const PageOf<Piece>& p) {
    Json items = Json::array();
    for (const Piece& piece : p.items) items.push_back(PieceJson(piece, false));
    return JsonResponse(200, {{"items", items},
                              {"total", p.total},
                              {"page", page->page},
                              {"page_size", page->page_size}});
  });
}

Response GetStatsExport(Context& ctx, SubmissionService& svc) {
  return http::Respond(
      ctx,
      svc.ExportStatistics(ctx.actor(), ctx.req.Query("period"), ctx.req.Query("target"),
                           ctx.req.Query("format", "xlsx")),
      [](const Export& e) { return FileResponse(e.bytes, e.content_type, e.filename, false); });
}

}  // namespace

void internal::RegisterMore(http::App& app, SubmissionService& svc) {
  auto bind = [&svc](Response (*fn)(Context&, SubmissionService&)) {
    return [fn, &svc](Context& ctx) { return fn(ctx, svc); };
  };
  const http::RouteOptions upload{.max_body = kMaxUpload, .json_body = false};
  app.Get("/api/v1/submissions/workflow", bind(GetWorkflow));
  app.Get("/api/v1/submissions/targets", bind(GetTargets));
  app.Get("/api/v1/submissions/stats", bind(GetStats));
  app.Get("/api/v1/submissions/stats/pieces", bind(GetStatsPieces));
  app.Get("/api/v1/submissions/stats/export", bind(GetStatsExport));
  app.Post("/api/v1/submissions/import", bind(PostImport), upload);
  app.Post("/api/v1/submissions/convert", bind(PostConvert), upload);
  app.Post("/api/v1/submissions/:id/attachments", bind(PostAttachment), upload);
  app.Get("/api/v1/submissions/:id/attachments/:aid", bind(GetAttachment));
  app.Delete("/api/v1/submissions/:id/attachments/:aid", bind(DeleteAttachment));
  app.Get("/api/v1/commissions", bind(ListCommissions));
  app.Post("/api/v1/commissions", bind(PostCommission));
  app.Get("/api/v1/commissions/:id", bind(GetCommission));
  app.Post("/api/v1/commissions/:id/close", bind(CloseCommission));
}

}  // namespace jianbao::submissions
