// Copyright 2026 The Jianbao Authors.

#include "bulletins/handlers.h"

#include <map>

#include "bulletins/feed.h"
#include "bulletins/json.h"
#include "core/bytes.h"

namespace jianbao::bulletins {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

std::optional<Actor> MaybeActor(const Context& ctx) {
  if (!ctx.session) return std::nullopt;
  return ctx.actor();
}

Response IssueResponse(const Context& ctx, const Result<IssueView>& r, int status = 200) {
  return http::Respond(ctx, r, [status](const IssueView& v) {
    return JsonResponse(status, IssueJson(v.issue, v.series, v.files, true));
  });
}

Response ListSeries(Context& ctx, BulletinService& svc) {
  return http::Respond(ctx, svc.ListSeries(ctx.actor()), [](const std::vector<Series>& all) {
    Json items = Json::array();
    for (const auto& s : all) items.push_back(SeriesJson(s));
    return JsonResponse(200, {{"items", items}});
  });
}

Response PostSeries(Context& ctx, BulletinService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"code", "title", "subtitle", "masthead", "issuer",
                                               "owner", "numbering", "public", "distribution"});
  if (!body.ok()) return ctx.Error(body.status());
  Series s;
  for (auto [key, out, max, required] :
       {std::tuple{"code", &s.code, 32, true}, std::tuple{"title", &s.title, 100, true},
        std::tuple{"subtitle", &s.subtitle, 30, false},
        std::tuple{"masthead", &s.masthead, 50, false}, std::tuple{"issuer", &s.issuer, 50, false},
        std::tuple{"owner", &s.owner_org, 32, true},
        std::tuple{"numbering", &s.numbering, 10, false}}) {
    auto v = http::OptionalString(*body, key, max);
    if (!v.ok()) return ctx.Error(v.status());
    if (required && (!v.value() || v.value()->empty())) {
      return ctx.Error(Status::Invalid(key, "required", std::string(key) + " is required"));
    }
    if (v.value()) *out = *v.value();
  }
  if (s.numbering.empty()) s.numbering = "yearly";
  auto pub = http::OptionalBool(*body, "public");
  if (!pub.ok()) return ctx.Error(pub.status());
  s.is_public = pub.value().value_or(false);
  if (body->contains("distribution")) {
    auto d = ParseDistribution((*body)["distribution"], "distribution");
    if (!d.ok()) return ctx.Error(d.status());
    s.distribution = d.value();
  }
  return http::Respond(ctx, svc.CreateSeries(ctx.actor(), s), [](const Series& created) {
    return JsonResponse(201, SeriesJson(created));
  });
}

Response ListIssues(Context& ctx, BulletinService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  int year = 0;
  if (const std::string y = ctx.req.Query("year"); !y.empty()) {
    try {
      year = std::stoi(y);
    } catch (const std::exception&) {
      year = -1;
    }
    if (year < 1900 || year > 2999)
      return ctx.Error(Status::Invalid("year", "out_of_range", "bad year"));
  }
  const std::string status = ctx.req.Query("status");
  for (size_t pos = 0; !status.empty() && pos <= status.size();) {
    size_t end = status.find(',', pos);
    if (end == std::string::npos) end = status.size();
    const std::string one = status.substr(pos, end - pos);
    if (one != "draft" && one != "approved" && one != "published" && one != "superseded") {
      return ctx.Error(Status::Invalid("status", "out_of_range", "unknown status: " + one));
    }
    pos = end + 1;
  }
  auto r = svc.ListIssues(ctx.actor(), ctx.req.Query("series"), year, status, page->offset(),
                          page->page_size);
  return http::Respond(ctx, r, [&](const IssuePage& p) {
    Json items = Json::array();
    for (const auto& v : p.items) items.push_back(IssueJson(v.issue, v.series, v.files, false));
    return JsonResponse(200, {{"items", items},
                              {"total", p.total},
                              {"page", page->page},
                              {"page_size", page->page_size}});
  });
}

Response PostIssue(Context& ctx, BulletinService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"series", "date", "supplement"});
  if (!body.ok()) return ctx.Error(body.status());
  auto series = http::RequiredString(*body, "series", 32);
  if (!series.ok()) return ctx.Error(series.status());
  auto date = http::RequiredString(*body, "date", 10);
  if (!date.ok()) return ctx.Error(date.status());
  auto sup = http::OptionalBool(*body, "supplement");
  if (!sup.ok()) return ctx.Error(sup.status());
  return IssueResponse(ctx, svc.CreateIssue(ctx.actor(), *series, *date, sup->value_or(false)),
                       201);
}

Response GetIssue(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return IssueResponse(ctx, svc.GetIssue(MaybeActor(ctx), *id));
}

Response PutIssue(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  auto body = http::ParseObject(ctx.req.body, {"date", "sections", "closing_note", "distribution",
                                               "copies", "revision_note"});
  if (!body.ok()) return ctx.Error(body.status());
  IssueRecord content;
  auto date = http::RequiredString(*body, "date", 10);
  if (!date.ok()) return ctx.Error(date.status());
  content.date = *date;
  auto sections = ParseSections(body->value("sections", Json::array()));
  if (!sections.ok()) return ctx.Error(sections.status());
  content.sections = sections.value();
  auto note = http::OptionalString(*body, "closing_note", 200);
  if (!note.ok()) return ctx.Error(note.status());
  content.closing_note = note->value_or("");
  auto rnote = http::OptionalString(*body, "revision_note", 500);
  if (!rnote.ok()) return ctx.Error(rnote.status());
  content.revision_note = rnote->value_or("");
  if (body->contains("distribution")) {
    auto d = ParseDistribution((*body)["distribution"], "distribution");
    if (!d.ok()) return ctx.Error(d.status());
    content.distribution = d.value();
  } else {  // absent: keep the issue's list
    auto current = svc.GetIssue(ctx.actor(), *id);
    if (!current.ok()) return ctx.Error(current.status());
    content.distribution = current->issue.distribution;
  }
  auto copies = http::OptionalInt(*body, "copies", 0, 1000000);
  if (!copies.ok()) return ctx.Error(copies.status());
  content.copies = static_cast<int>(copies->value_or(0));
  return IssueResponse(ctx, svc.UpdateIssue(ctx.actor(), *id, content));
}

Response Action(Context& ctx, BulletinService& svc, const std::string& action) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  if (action == "approve") return IssueResponse(ctx, svc.Approve(ctx.actor(), *id));
  if (action == "publish") return IssueResponse(ctx, svc.Publish(ctx.actor(), *id));
  const bool reopen = action == "reopen";
  const char* field = reopen ? "reason" : "note";
  auto body = http::ParseObject(ctx.req.body, {field});
  if (!body.ok()) return ctx.Error(body.status());
  auto text = http::RequiredString(*body, field, 500);
  if (!text.ok()) return ctx.Error(text.status());
  if (reopen) return IssueResponse(ctx, svc.Reopen(ctx.actor(), *id, *text));
  return IssueResponse(ctx, svc.Correct(ctx.actor(), *id, *text), 201);
}

Response PostPreview(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  int dpi = 48;
  if (const std::string d = ctx.req.Query("dpi"); !d.empty()) {
    dpi = std::atoi(d.c_str());
    if (dpi < 24 || dpi > 150)
      return ctx.Error(Status::Invalid("dpi", "out_of_range", "dpi 24..150"));
  }
  return http::Respond(ctx, svc.RenderPreview(ctx.actor(), *id, dpi), [](const Preview& p) {
    Json pages = Json::array();
    for (const auto& png : p.png_pages)
      pages.push_back("data:image/png;base64," + bytes::Base64Encode(png));
    return JsonResponse(200, {{"pages", pages}, {"section_pages", p.section_pages}});
  });
}

Response GetFile(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  static const std::map<std::string, std::pair<std::string, std::string>> kTypes = {
      {"pdf", {"application/pdf", "pdf"}},
      {"docx", {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"}},
      {"html", {"text/html; charset=utf-8", "html"}},
      {"txt", {"text/plain; charset=utf-8", "txt"}}};
  const std::string format = ctx.Param("format");
  auto type = kTypes.find(format);
  if (type == kTypes.end()) {
    return ctx.Error(Status::NotFound("file_not_found", "formats: pdf, docx, html, txt"));
  }
  FileInfo info;
  auto bytes = svc.File(MaybeActor(ctx), *id, format, &info);
  if (!bytes.ok()) return ctx.Error(bytes.status());
  Response r;
  r.body = std::move(bytes).value();
  r.Header("Content-Type", type->second.first);
  r.Header("X-Content-SHA256", info.sha256);
  r.Header("ETag", "\"" + info.sha256 + "\"");
  const bool inline_view = format == "html" || ctx.req.Query("inline") == "1";
  r.Header("Content-Disposition", std::string(inline_view ? "inline" : "attachment") +
                                      "; filename=\"bulletin-" + std::to_string(*id) + "." +
                                      type->second.second + "\"");
  if (format == "html") {
    // The stored page is self-contained; forbid scripts in it whatever it holds.
    r.Header("Content-Security-Policy",
             "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'; "
             "frame-ancestors 'self'");
    r.Header("X-Frame-Options", "SAMEORIGIN");  // the web UI shows it in a frame
  }
  return r;
}

Response GetReceipts(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  const bool mail_enabled = svc.mail_enabled();
  return http::Respond(ctx, svc.Receipts(ctx.actor(), *id), [&](const std::vector<Receipt>& all) {
    Json items = Json::array();
    int read = 0, acked = 0;
    std::map<std::string, int> mail;
    for (const auto& r : all) {
      items.push_back(ReceiptJson(r));
      read += !r.read_at.empty();
      acked += !r.acknowledged_at.empty();
      if (!r.mail_status.empty()) ++mail[r.mail_status];
    }
    return JsonResponse(200, {{"items", items},
                              {"total", all.size()},
                              {"read", read},
                              {"acknowledged", acked},
                              {"mail_enabled", mail_enabled},
                              {"mail", mail}});
  });
}

Response PostMailRetry(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx, svc.RetryMail(ctx.actor(), *id), [](int n) {
    return JsonResponse(200, {{"requeued", n}});
  });
}

Response GetInbox(Context& ctx, BulletinService& svc) {
  auto page = http::ParsePage(ctx.req);
  if (!page.ok()) return ctx.Error(page.status());
  auto r = svc.Inbox(ctx.actor(), page->offset(), page->page_size);
  auto unread = svc.UnreadCount(ctx.actor());
  if (!unread.ok()) return ctx.Error(unread.status());
  return http::Respond(ctx, r, [&](const std::pair<std::vector<InboxItem>, int64_t>& p) {
    Json items = Json::array();
    for (const auto& i : p.first) items.push_back(InboxJson(i));
    return JsonResponse(200, {{"items", items},
                              {"total", p.second},
                              {"unread", unread.value()},
                              {"page", page->page},
                              {"page_size", page->page_size}});
  });
}

Response PostInboxMark(Context& ctx, BulletinService& svc, bool ack) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  Status st = svc.MarkRead(ctx.actor(), *id, ack);
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

Response GetPieces(Context& ctx, BulletinService& svc) {
  return http::Respond(
      ctx, svc.AdoptedPieces(ctx.actor(), ctx.req.Query("q")),
      [](const std::vector<SourcePiece>& pieces) {
        Json items = Json::array();
        for (const auto& p : pieces) {
          items.push_back({{"id", p.id},
                           {"title", p.title},
                           {"org", {{"code", p.org_code}, {"short_name", p.org_short_name}}},
                           {"adopted_at", p.adopted_at}});
        }
        return JsonResponse(200, {{"items", items}});
      });
}

Response PieceSectionHandler(Context& ctx, BulletinService& svc) {
  auto id = ctx.IdParam("id", "issue_not_found");
  if (!id.ok()) return ctx.Error(id.status());
  return http::Respond(ctx, svc.PieceSection(ctx.actor(), *id), [](const SectionSpec& s) {
    return JsonResponse(200, SectionsJson({s})[0]);
  });
}

Response EpidemicSectionHandler(Context& ctx, BulletinService& svc) {
  const std::string chart = ctx.req.Query("chart");
  if (!chart.empty() && chart != "0" && chart != "1" && chart != "true" && chart != "false") {
    return ctx.Error(Status::Invalid("chart", "wrong_type", "chart must be true or false"));
  }
  return http::Respond(
      ctx, svc.EpidemicSection(ctx.actor(), ctx.req.Query("date"), chart == "1" || chart == "true"),
      [](const SectionSpec& s) { return JsonResponse(200, SectionsJson({s})[0]); });
}

Response ListSummaryKinds(Context& ctx, BulletinService& svc) {
  return http::Respond(ctx, svc.SummaryKinds(ctx.actor()), [](const std::vector<SummaryKind>& all) {
    Json items = Json::array();
    for (const auto& k : all) {
      items.push_back({{"key", k.key}, {"label", {{"zh", k.label_zh}, {"en", k.label_en}}}});
    }
    return JsonResponse(200, {{"items", items}});
  });
}

Response SummarySectionHandler(Context& ctx, BulletinService& svc) {
  return http::Respond(
      ctx,
      svc.SummarySection(ctx.actor(), ctx.Param("key"), ctx.req.Query("from"), ctx.req.Query("to")),
      [](const SectionSpec& s) { return JsonResponse(200, SectionsJson({s})[0]); });
}

Response PostImport(Context& ctx, BulletinService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"series", "text", "number", "date"});
  if (!body.ok()) return ctx.Error(body.status());
  auto series = http::RequiredString(*body, "series", 32);
  if (!series.ok()) return ctx.Error(series.status());
  auto text = body->find("text");
  if (text == body->end() || !text->is_string()) {
    return ctx.Error(Status::Invalid("text", "required", "text is required"));
  }
  LegacyOptions opt;
  auto number = http::OptionalInt(*body, "number", 1, 100000);
  if (!number.ok()) return ctx.Error(number.status());
  opt.number = static_cast<int>(number->value_or(0));
  auto date = http::OptionalString(*body, "date", 10);
  if (!date.ok()) return ctx.Error(date.status());
  opt.date = date->value_or("");
  return http::Respond(ctx, svc.ImportLegacy(ctx.actor(), *series, text->get<std::string>(), opt),
                       [](const ImportResult& r) {
                         return JsonResponse(
                             201,
                             {{"issue", IssueJson(r.view.issue, r.view.series, r.view.files, true)},
                              {"recognised", r.recognised},
                              {"problems", r.problems}});
                       });
}

Response GetFeed(Context& ctx, BulletinService& svc) {
  auto r = svc.PublicIssues(ctx.Param("series"), 50);
  if (!r.ok()) return ctx.Error(r.status());
  const std::string host = ctx.req.Header("host");
  Response resp;
  resp.body = AtomFeed(r->first, r->second, "http://" + (host.empty() ? "127.0.0.1" : host));
  resp.Header("Content-Type", "application/atom+xml; charset=utf-8");
  return resp;
}

Response GetPublicPage(Context& ctx, BulletinService& svc) {
  auto r = svc.PublicIssues(ctx.Param("series"), 200);
  if (!r.ok()) return ctx.Error(r.status());
  Response resp;
  resp.body = PublicPage(r->first, r->second);
  resp.Header("Content-Type", "text/html; charset=utf-8");
  return resp;
}

Result<Response> GetGovernmentRecipients(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(GovernmentRecipients r,
                      svc.GetGovernmentRecipients(ctx.actor(), ctx.req.Query("association")));
  return JsonResponse(200, GovernmentRecipientsJson(r));
}

Result<Response> PutGovernmentRecipients(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(GovernmentRecipientsInput in, ReadGovernmentRecipients(ctx.req.body));
  JB_ASSIGN_OR_RETURN(GovernmentRecipients r,
                      svc.SetGovernmentRecipients(ctx.actor(), in.association, in.orgs));
  return JsonResponse(200, GovernmentRecipientsJson(r));
}

}  // namespace

void Register(http::App& app, BulletinService& svc) {
  auto bind = [&svc]<typename R>(R (*fn)(Context&, BulletinService&)) {
    return [fn, &svc](Context& ctx) -> Result<Response> { return fn(ctx, svc); };
  };
  const http::RouteOptions open{.require_auth = false};
  app.Get("/api/v1/bulletins/series", bind(ListSeries));
  app.Post("/api/v1/bulletins/series", bind(PostSeries));
  app.Get("/api/v1/bulletins/issues", bind(ListIssues));
  app.Post("/api/v1/bulletins/issues", bind(PostIssue));
  app.Get("/api/v1/bulletins/issues/:id", bind(GetIssue), open);
  app.Put("/api/v1/bulletins/issues/:id", bind(PutIssue), {.max_body = 4 << 20});
  for (const char* action : {"approve", "publish", "corrections", "reopen"}) {
    app.Post(std::string("/api/v1/bulletins/issues/:id/") + action,
             [&svc, action](Context& ctx) { return Action(ctx, svc, action); });
  }
  app.Post("/api/v1/bulletins/issues/:id/preview", bind(PostPreview));
  app.Get("/api/v1/bulletins/issues/:id/files/:format", bind(GetFile), open);
  app.Get("/api/v1/bulletins/issues/:id/receipts", bind(GetReceipts));
  app.Post("/api/v1/bulletins/issues/:id/mail/retry", bind(PostMailRetry));
  app.Get("/api/v1/bulletins/sources/pieces", bind(GetPieces));
  app.Get("/api/v1/bulletins/sources/pieces/:id", bind(PieceSectionHandler));
  app.Get("/api/v1/bulletins/sources/epidemic", bind(EpidemicSectionHandler));
  app.Get("/api/v1/bulletins/sources/summaries", bind(ListSummaryKinds));
  app.Get("/api/v1/bulletins/sources/summaries/:key", bind(SummarySectionHandler));
  app.Post("/api/v1/bulletins/import", bind(PostImport), {.max_body = 5 << 20});
  app.Get("/api/v1/bulletins/government-recipients", bind(GetGovernmentRecipients));
  app.Put("/api/v1/bulletins/government-recipients", bind(PutGovernmentRecipients));
  app.Get("/api/v1/inbox", bind(GetInbox));
  app.Post("/api/v1/inbox/:id/read",
           [&svc](Context& ctx) { return PostInboxMark(ctx, svc, false); });
  app.Post("/api/v1/inbox/:id/ack", [&svc](Context& ctx) { return PostInboxMark(ctx, svc, true); });
  app.Get("/public/bulletins/:series", bind(GetPublicPage), open);
  app.Get("/public/bulletins/:series/feed.atom", bind(GetFeed), open);
}

}  // namespace jianbao::bulletins
