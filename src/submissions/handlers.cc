// Copyright 2026 The Jianbao Authors.

#include "submissions/handlers.h"

#include "core/clock.h"
#include "http/errors.h"
#include "submissions/json.h"
#include "submissions/render.h"

namespace jianbao::submissions {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

constexpr size_t kMaxJsonBody = 6 << 20;  // a piece body of up to 4 MiB, JSON-escaped

Response PageResponse(const PageOf<Piece>& p, const http::Page& page) {
  Json items = Json::array();
  for (const Piece& piece : p.items) items.push_back(PieceJson(piece, false));
  return JsonResponse(
      200,
      {{"items", items}, {"total", p.total}, {"page", page.page}, {"page_size", page.page_size}});
}

// Reads the content fields of a create or update body.
Result<PieceInput> ReadInput(const Json& body) {
  PieceInput in;
  for (auto [key, out, max] :
       {std::tuple{"title", &in.title, size_t{200}}, std::tuple{"body", &in.body, size_t{4} << 20},
        std::tuple{"contact", &in.contact, size_t{200}},
        std::tuple{"target", &in.target_code, size_t{32}},
        std::tuple{"note", &in.note, size_t{200}}}) {
    JB_ASSIGN_OR_RETURN(*out, http::OptionalString(body, key, max));
  }
  JB_ASSIGN_OR_RETURN(in.authors, http::OptionalStringArray(body, "authors", 20, 50));
  JB_ASSIGN_OR_RETURN(in.tags, http::OptionalStringArray(body, "tags", 20, 50));
  return in;
}

Response ListPieces(Context& ctx, SubmissionService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  PieceFilter f;
  f.offset = page->offset();
  f.limit = page->page_size;
  const std::string states = ctx.req.Query("state");
  for (size_t pos = 0; pos < states.size();) {
    size_t end = states.find(',', pos);
    if (end == std::string::npos) end = states.size();
    const std::string st = states.substr(pos, end - pos);
    if (!IsState(st)) {
      return ctx.Error(Status::Invalid("state", "invalid_state", "unknown state: " + st));
    }
    f.states.push_back(st);
    pos = end + 1;
  }
  f.owner_org_code = ctx.req.Query("org");
  f.text = ctx.req.Query("q");
  for (auto [key, out, add] : {std::tuple{"from", &f.from, 0}, std::tuple{"to", &f.to, 1}}) {
    const std::string d = ctx.req.Query(key);
    if (d.empty()) continue;
    if (!clock::IsValidDate(d)) {
      return ctx.Error(Status::Invalid(key, "invalid_date", std::string(key) + " is not a date"));
    }
    *out = clock::FormatIso((clock::DaysFromDate(d) + add) * 86400 - 8 * 3600);
  }
  const std::string commission = ctx.req.Query("commission");
  if (!commission.empty()) {
    try {
      f.commission_id = std::stoll(commission);
    } catch (const std::exception&) {
      return ctx.Error(Status::Invalid("commission", "wrong_type", "commission must be an id"));
    }
  }
  return http::Respond(ctx, svc.List(ctx.actor(), f),
                       [&](const PageOf<Piece>& p) { return PageResponse(p, *page); });
}

Response PostPiece(Context& ctx, SubmissionService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"title", "body", "authors", "contact", "tags",
                                               "target", "note", "commission_id"});
  if (!body.ok()) return ctx.Error(body.status());
  auto in = ReadInput(*body);
  if (!in.ok()) return ctx.Error(in.status());
  auto commission = http::OptionalInt(*body, "commission_id", 1, INT64_MAX);
  if (!commission.ok()) return ctx.Error(commission.status());
  if (!in->title || in->title->empty()) {
    return ctx.Error(Status::Invalid("title", "required", "title is required"));
  }
  in->commission_id = commission->value_or(0);
  return http::Respond(ctx, svc.Create(ctx.actor(), *in),
                       [](const Piece& p) { return JsonResponse(201, PieceJson(p, true)); });
}

Response GetPiece(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx, svc.Get(ctx.actor(), *id),
                       [](const PieceView& v) { return JsonResponse(200, PieceViewJson(v)); });
}

Response PatchPiece(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto body = http::ParseObject(ctx.req.body,
                                {"title", "body", "authors", "contact", "tags", "target", "note"});
  if (!body.ok()) return ctx.Error(body.status());
  auto in = ReadInput(*body);
  if (!in.ok()) return ctx.Error(in.status());
  return http::Respond(ctx, svc.Update(ctx.actor(), *id, *in),
                       [](const Piece& p) { return JsonResponse(200, PieceJson(p, true)); });
}

Response PostAction(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto body = http::ParseObject(ctx.req.body, {"action", "reason"});
  if (!body.ok()) return ctx.Error(body.status());
  auto action = http::RequiredString(*body, "action", 32);
  if (!action.ok()) return ctx.Error(action.status());
  auto reason = http::OptionalString(*body, "reason", 2000);
  if (!reason.ok()) return ctx.Error(reason.status());
  return http::Respond(ctx, svc.Act(ctx.actor(), *id, *action, reason->value_or("")),
                       [](const Piece& p) { return JsonResponse(200, PieceJson(p, false)); });
}

Response PostBulk(Context& ctx, SubmissionService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"ids", "action", "reason"});
  if (!body.ok()) return ctx.Error(body.status());
  auto action = http::RequiredString(*body, "action", 32);
  if (!action.ok()) return ctx.Error(action.status());
  auto reason = http::OptionalString(*body, "reason", 2000);
  if (!reason.ok()) return ctx.Error(reason.status());
  auto ids = body->find("ids");
  if (ids == body->end() || !ids->is_array() || ids->empty()) {
    return ctx.Error(Status::Invalid("ids", "required", "ids is required"));
  }
  if (ids->size() > 100) return ctx.Error(Status::Invalid("ids", "too_many", "at most 100 ids"));
  std::vector<int64_t> list;
  for (const Json& v : *ids) {
    if (!v.is_number_integer())
      return ctx.Error(Status::Invalid("ids", "wrong_type", "ids are integers"));
    list.push_back(v.get<int64_t>());
  }
  Json results = Json::array();
  int ok = 0;
  for (const BulkResult& r : svc.ActMany(ctx.actor(), list, *action, reason->value_or(""))) {
    Json item = {{"id", r.id}, {"ok", r.status.ok()}};
    if (r.status.ok()) {
      item["state"] = r.state;
      ++ok;
    } else {
      item["error"] = {{"code", CodeName(r.status.code())},
                       {"key", r.status.key()},
                       {"message", http::LocalizedMessage(r.status, ctx.lang)},
                       {"field", r.status.field()}};
    }
    results.push_back(item);
  }
  return JsonResponse(
      200,
      {{"results", results}, {"succeeded", ok}, {"failed", static_cast<int>(list.size()) - ok}});
}

Response ListVersions(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx, svc.Versions(ctx.actor(), *id), [](const std::vector<Version>& vs) {
    Json items = Json::array();
    for (const Version& v : vs) items.push_back(VersionJson(v, false));
    return JsonResponse(200, {{"items", items}});
  });
}

Response GetVersion(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto n = internal::PathId(ctx, "n", "version_not_found");
  if (!n.ok()) return ctx.Error(n.status());
  return http::Respond(ctx, svc.GetVersion(ctx.actor(), *id, static_cast<int>(*n)),
                       [](const Version& v) {
                         Json j = VersionJson(v, true);
                         j["body_html"] = RenderHtml(v.body);
                         return JsonResponse(200, j);
                       });
}

Response GetDiff(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  int from = 0, to = 0;
  for (auto [key, out] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    try {
      *out = std::stoi(ctx.req.Query(key));
    } catch (const std::exception&) {
      return ctx.Error(Status::Invalid(key, "required", std::string(key) + " is required"));
    }
  }
  return http::Respond(ctx, svc.Diff(ctx.actor(), *id, from, to),
                       [](const VersionDiff& d) { return JsonResponse(200, DiffJson(d)); });
}

Response ListComments(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx, svc.Comments(ctx.actor(), *id), [](const std::vector<Comment>& cs) {
    Json items = Json::array();
    for (const Comment& c : cs) items.push_back(CommentJson(c));
    return JsonResponse(200, {{"items", items}});
  });
}

Response PostComment(Context& ctx, SubmissionService& svc) {
  auto id = internal::PathId(ctx, "id", "submission_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto body = http::ParseObject(ctx.req.body, {"body"});
  if (!body.ok()) return ctx.Error(body.status());
  auto text = http::RequiredString(*body, "body", 5000);
  if (!text.ok()) return ctx.Error(text.status());
  return http::Respond(ctx, svc.AddComment(ctx.actor(), *id, *text),
                       [](const Comment& c) { return JsonResponse(201, CommentJson(c)); });
}

Response PostPreview(Context& ctx, SubmissionService&) {
  auto body = http::ParseObject(ctx.req.body, {"body"});
  if (!body.ok()) return ctx.Error(body.status());
  auto text = http::OptionalString(*body, "body", size_t{4} << 20);
  if (!text.ok()) return ctx.Error(text.status());
  return http::Respond(ctx, RenderPreview(text->value_or("")), [](const std::string& html) {
    return JsonResponse(200, {{"html", html}});
  });
}

}  // namespace

namespace internal {

Result<int64_t> PathId(const http::Context& ctx, const std::string& name, const std::string& key) {
  const std::string v = ctx.Param(name);
  try {
    size_t pos = 0;
    const long long id = std::stoll(v, &pos);
    if (pos == v.size() && id > 0) return static_cast<int64_t>(id);
  } catch (const std::exception&) {
  }
  return Status::NotFound(key, "not found: " + v);
}

}  // namespace internal

void Register(http::App& app, SubmissionService& svc) {
  internal::RegisterMore(app, svc);
  auto bind = [&svc](Response (*fn)(Context&, SubmissionService&)) {
    return [fn, &svc](Context& ctx) { return fn(ctx, svc); };
  };
  const http::RouteOptions big{.max_body = kMaxJsonBody};
  app.Post("/api/v1/submissions/preview", bind(PostPreview), big);
  app.Post("/api/v1/submissions/bulk", bind(PostBulk));
  app.Get("/api/v1/submissions", bind(ListPieces));
  app.Post("/api/v1/submissions", bind(PostPiece), big);
  app.Get("/api/v1/submissions/:id", bind(GetPiece));
  app.Patch("/api/v1/submissions/:id", bind(PatchPiece), big);
  app.Post("/api/v1/submissions/:id/actions", bind(PostAction));
  app.Get("/api/v1/submissions/:id/versions", bind(ListVersions));
  app.Get("/api/v1/submissions/:id/versions/:n", bind(GetVersion));
  app.Get("/api/v1/submissions/:id/diff", bind(GetDiff));
  app.Get("/api/v1/submissions/:id/comments", bind(ListComments));
  app.Post("/api/v1/submissions/:id/comments", bind(PostComment));
}

}  // namespace jianbao::submissions
