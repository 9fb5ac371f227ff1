// Copyright 2026 The Jianbao Authors.

#include "bulletins/handlers.h"

#include <map>

#include "bulletins/feed.h"
#include "bulletins/file_name.h"
#include "bulletins/json.h"
#include "core/bytes.h"
#include "core/text.h"
#include "http/csp.h"
#include "receipts/json.h"
#include "typeset/typeset.h"

namespace jianbao::bulletins {
namespace {

using http::Context;
using http::ExpectedVersion;
using http::Json;
using http::JsonResponse;
using http::Response;
using http::WithETag;

std::optional<Actor> MaybeActor(const Context& ctx) {
  if (!ctx.session) return std::nullopt;
  return ctx.actor();
}

Result<int64_t> IssueId(const Context& ctx) { return ctx.IdParam("id", "issue_not_found"); }

// The media type and file name extension of each stored format.
struct FileType {
  const char* content_type;
  const char* extension;
};

Result<const FileType*> FindFileType(const std::string& format) {
  static const std::map<std::string, FileType> kTypes = {
      {"pdf", {"application/pdf", "pdf"}},
      {"docx", {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"}},
      {"html", {"text/html; charset=utf-8", "html"}},
      {"txt", {"text/plain; charset=utf-8", "txt"}}};
  auto it = kTypes.find(format);
  if (it == kTypes.end())
    return Status::NotFound("file_not_found", "formats: pdf, docx, html, txt");
  return &it->second;
}

// The policy of an HTML edition: no scripts, its <style> by hash, images only
// embedded. Editions typeset before table alignment became classes carry
// style="text-align:center" / "text-align:right" on table cells, and their
// stored bytes are frozen: for those the policy allows exactly these two
// attribute values ('unsafe-hashes' with their hashes, never 'unsafe-inline').
std::string HtmlEditionPolicy(const std::string& html) {
  std::string styles = http::StyleHashSources(html);
  if (html.find(" style=\"text-align:") != std::string::npos) {
    styles += " 'unsafe-hashes' 'sha256-" + bytes::Sha256Base64("text-align:center") +
              "' 'sha256-" + bytes::Sha256Base64("text-align:right") + "'";
  }
  return "default-src 'none'; style-src " + (styles.empty() ? "'none'" : styles) +
         "; img-src data: 'self'; frame-ancestors 'self'";
}

// The stored bytes with their hash, name and, for the HTML edition, a policy
// that forbids scripts in it whatever it holds. `?elder=1` serves the HTML
// edition with its 适老化 (large-text) switch on (the archive page links so
// when the reader chose the mode there); that body is not the stored file, so
// it carries no X-Content-SHA256 and an ETag of its own.
Response FileResponse(const Context& ctx, const std::string& format, const FileType& type,
                      StoredFile file) {
  Response r;
  const bool elder = format == "html" && ctx.req.Query("elder") == "1";
  r.body = elder ? typeset::HtmlInElderMode(std::move(file.bytes)) : std::move(file.bytes);
  r.Header("Content-Type", type.content_type);
  if (!elder) r.Header("X-Content-SHA256", file.info.sha256);
  r.Header("ETag", "\"" + file.info.sha256 + (elder ? "-elder" : "") + "\"");
  const bool inline_view = format == "html" || ctx.req.Query("inline") == "1";
  r.Header("Content-Disposition",
           ContentDisposition(inline_view ? "inline" : "attachment", file.ascii_name, file.name));
  if (format == "html") {
    r.Header("Content-Security-Policy", HtmlEditionPolicy(r.body));
    r.Header("X-Frame-Options", "SAMEORIGIN");  // the web UI shows it in a frame
  }
  return r;
}

Response TextResponse(std::string body, const char* content_type) {
  Response r;
  r.body = std::move(body);
  r.Header("Content-Type", content_type);
  return r;
}

Result<Response> ListSeries(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<Series> all, svc.ListSeries(ctx.actor()));
  return JsonResponse(200, SeriesListJson(all));
}

Result<Response> PostSeries(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(Series in, ReadSeries(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Series created, svc.CreateSeries(ctx.actor(), std::move(in)));
  return JsonResponse(201, SeriesJson(created));
}

Result<Response> ListIssues(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(IssueQuery q, ReadIssueQuery(ctx.req));
  JB_ASSIGN_OR_RETURN(Page<IssueView> page, svc.ListIssues(ctx.actor(), q));
  return JsonResponse(200, IssuePageJson(page, q.page));
}

Result<Response> PostIssue(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(NewIssue in, ReadNewIssue(ctx.req.body));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.CreateIssue(ctx.actor(), in));
  return JsonResponse(201, IssueViewJson(v));
}

Result<Response> GetIssue(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.GetIssue(MaybeActor(ctx), id));
  return WithETag(JsonResponse(200, IssueViewJson(v)), v.issue.stamp.version);
}

Result<Response> PutIssue(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(IssueContent in, ReadIssueContent(ctx.req.body));
  JB_ASSIGN_OR_RETURN(in.version, ExpectedVersion(ctx.req, in.version));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.UpdateIssue(ctx.actor(), id, in));
  return WithETag(JsonResponse(200, IssueViewJson(v)), v.issue.stamp.version);
}

Result<Response> PostApprove(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> seen, ReadApproval(ctx.req.body));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.Approve(ctx.actor(), id, seen));
  return JsonResponse(200, IssueViewJson(v));
}

Result<Response> PostSubmit(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.Submit(ctx.actor(), id));
  return JsonResponse(200, IssueViewJson(v));
}

Result<Response> PostReturn(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(std::string comment, ReadComment(ctx.req.body));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.Return(ctx.actor(), id, comment));
  return JsonResponse(200, IssueViewJson(v));
}

Result<Response> GetComments(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(std::vector<IssueComment> thread, svc.Comments(ctx.actor(), id));
  return JsonResponse(200, CommentsJson(thread));
}

Result<Response> PostComment(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(std::string comment, ReadComment(ctx.req.body));
  JB_ASSIGN_OR_RETURN(IssueComment c, svc.AddComment(ctx.actor(), id, comment));
  return JsonResponse(201, CommentJson(c));
}

Result<Response> DeleteIssue(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_RETURN_IF_ERROR(svc.Discard(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> PostPublish(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.Publish(ctx.actor(), id));
  return JsonResponse(200, IssueViewJson(v));
}

Result<Response> PostReopen(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(std::string reason, ReadReason(ctx.req.body, "reason"));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.Reopen(ctx.actor(), id, reason));
  return JsonResponse(200, IssueViewJson(v));
}

Result<Response> PostCorrection(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(std::string note, ReadReason(ctx.req.body, "note"));
  JB_ASSIGN_OR_RETURN(IssueView v, svc.Correct(ctx.actor(), id, note));
  return JsonResponse(201, IssueViewJson(v));
}

Result<Response> PostPreview(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(int dpi, ReadDpi(ctx.req));
  JB_ASSIGN_OR_RETURN(Preview p, svc.RenderPreview(ctx.actor(), id, dpi));
  return JsonResponse(200, PreviewJson(p));
}

Result<Response> GetFile(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  const std::string format = ctx.Param("format");
  JB_ASSIGN_OR_RETURN(const FileType* type, FindFileType(format));
  JB_ASSIGN_OR_RETURN(StoredFile file, svc.File(MaybeActor(ctx), id, format));
  return FileResponse(ctx, format, *type, std::move(file));
}

Result<Response> GetReceipts(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(ReceiptSummary r, svc.Receipts(ctx.actor(), id));
  return JsonResponse(200, ReceiptsJson(r));
}

Result<Response> PostRemind(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "issue_not_found"));
  JB_ASSIGN_OR_RETURN(std::vector<std::string> units, receipts::ReadRemindUnits(ctx.req.body));
  JB_ASSIGN_OR_RETURN(receipts::RemindResult r, svc.Remind(ctx.actor(), id, units));
  return JsonResponse(200, receipts::RemindResultJson(r));
}

// The printable distribution sheet (分发签收单) of every recipient unit.
Result<Response> GetDistributionSheet(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "issue_not_found"));
  JB_ASSIGN_OR_RETURN(ReceiptSummary r, svc.Receipts(ctx.actor(), id));
  Response out;
  out.body = receipts::DistributionSheetHtml(r.title, r.units, ctx.lang);
  out.Header("Content-Type", "text/html; charset=utf-8");
  out.Header("Content-Security-Policy", http::SelfContainedPagePolicy(out.body));
  return out;
}

Result<Response> GetReceiptsXlsx(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "issue_not_found"));
  JB_ASSIGN_OR_RETURN(std::string bytes, svc.ReceiptsXlsx(ctx.actor(), id, ctx.lang));
  Response r;
  r.body = std::move(bytes);
  r.Header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  r.Header("Content-Disposition",
           "attachment; filename*=UTF-8''" +
               text::PercentEncode("简报回执-" + std::to_string(id) + ".xlsx"));
  return r;
}

Result<Response> PostMailRetry(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(int n, svc.RetryMail(ctx.actor(), id));
  return JsonResponse(200, {{"requeued", n}});
}

Result<Response> GetInbox(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  const PageRequest request{page.page, page.page_size};
  JB_ASSIGN_OR_RETURN(Inbox inbox, svc.InboxOf(ctx.actor(), request));
  return JsonResponse(200, InboxPageJson(inbox, request));
}

Result<Response> PostInboxMark(Context& ctx, BulletinService& svc, bool ack) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_RETURN_IF_ERROR(svc.MarkRead(ctx.actor(), id, ack));
  return http::NoContent();
}

Result<Response> GetPieces(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(
      std::vector<SourcePiece> pieces,
      svc.AdoptedPieces(ctx.actor(), ctx.req.Query("q"), ctx.req.Query("unused") == "1"));
  return JsonResponse(200, PiecesJson(pieces));
}

Result<Response> PieceSectionHandler(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, IssueId(ctx));
  JB_ASSIGN_OR_RETURN(SectionSpec s, svc.PieceSection(ctx.actor(), id));
  return JsonResponse(200, SectionJson(s));
}

Result<Response> EpidemicSectionHandler(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(bool chart, ReadChart(ctx.req));
  JB_ASSIGN_OR_RETURN(SectionSpec s,
                      svc.EpidemicSection(ctx.actor(), ctx.req.Query("date"), chart));
  return JsonResponse(200, SectionJson(s));
}

Result<Response> ComplaintsSectionHandler(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(SectionSpec s,
                      svc.ComplaintsSection(ctx.actor(), ctx.req.Query("region"),
                                            ctx.req.Query("from"), ctx.req.Query("to")));
  return JsonResponse(200, SectionJson(s));
}

Result<Response> ListSummaryKinds(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<SummaryKind> kinds, svc.SummaryKinds(ctx.actor()));
  return JsonResponse(200, SummaryKindsJson(kinds));
}

Result<Response> SummarySectionHandler(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(SectionSpec s,
                      svc.SummarySection(ctx.actor(), ctx.Param("key"), ctx.req.Query("from"),
                                         ctx.req.Query("to")));
  return JsonResponse(200, SectionJson(s));
}

Result<Response> PostImport(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(ImportInput in, ReadImport(ctx.req.body));
  JB_ASSIGN_OR_RETURN(ImportResult r,
                      svc.ImportLegacy(ctx.actor(), in.series_code, in.text, in.options));
  return JsonResponse(201, ImportResultJson(r));
}

// The feed with a validator (ETag: a hash of the document; Last-Modified:
// the newest issue's publication), answering 304 when the client's copy is
// current. HEAD gets the same headers (the server sends no body).
Result<Response> GetFeed(Context& ctx, BulletinService& svc, const std::string& public_url) {
  JB_ASSIGN_OR_RETURN(PublicSeries p, svc.PublicIssues(ctx.Param("series"), 50));
  Response r =
      TextResponse(AtomFeed(p.series, p.issues, public_url), "application/atom+xml; charset=utf-8");
  const std::string etag = "\"" + bytes::Sha256Hex(r.body).substr(0, 32) + "\"";
  r.Header("ETag", etag);
  r.Header("Cache-Control", "public, max-age=0, must-revalidate");
  const std::string modified = p.issues.empty() ? "" : HttpDate(p.issues.front().published_at);
  if (!modified.empty()) r.Header("Last-Modified", modified);
  const std::string inm = ctx.req.Header("if-none-match");
  const std::string ims = ctx.req.Header("if-modified-since");
  if ((!inm.empty() && (inm == etag || inm == "W/" + etag || inm == "*")) ||
      (inm.empty() && !modified.empty() && ims == modified)) {
    r.status = 304;
    r.body.clear();
  }
  return r;
}

Result<Response> GetPublicPage(Context& ctx, BulletinService& svc) {
  JB_ASSIGN_OR_RETURN(PublicSeries p, svc.PublicIssues(ctx.Param("series"), 200));
  return TextResponse(PublicPage(p.series, p.issues), "text/html; charset=utf-8");
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

void Register(http::App& app, BulletinService& svc, const std::string& public_url) {
  const http::RouteOptions cached{.cacheable = true};  // see http/router.h
  const http::RouteOptions open_cached{.require_auth = false, .cacheable = true};
  auto bind = [&svc](Result<Response> (*fn)(Context&, BulletinService&)) {
    return http::Bind(svc, fn);
  };
  const http::RouteOptions open{.require_auth = false};
  app.Get("/api/v1/bulletins/series", bind(ListSeries), cached);
  app.Post("/api/v1/bulletins/series", bind(PostSeries));
  app.Get("/api/v1/bulletins/issues", bind(ListIssues), cached);
  app.Post("/api/v1/bulletins/issues", bind(PostIssue));
  app.Get("/api/v1/bulletins/issues/:id", bind(GetIssue), open_cached);
  app.Put("/api/v1/bulletins/issues/:id", bind(PutIssue), {.max_body = 4 << 20});
  app.Delete("/api/v1/bulletins/issues/:id", bind(DeleteIssue));
  app.Post("/api/v1/bulletins/issues/:id/submit", bind(PostSubmit));
  app.Post("/api/v1/bulletins/issues/:id/return", bind(PostReturn));
  app.Get("/api/v1/bulletins/issues/:id/comments", bind(GetComments));
  app.Post("/api/v1/bulletins/issues/:id/comments", bind(PostComment));
  app.Post("/api/v1/bulletins/issues/:id/approve", bind(PostApprove));
  app.Post("/api/v1/bulletins/issues/:id/publish", bind(PostPublish));
  app.Post("/api/v1/bulletins/issues/:id/corrections", bind(PostCorrection));
  app.Post("/api/v1/bulletins/issues/:id/reopen", bind(PostReopen));
  app.Post("/api/v1/bulletins/issues/:id/preview", bind(PostPreview));
  app.Get("/api/v1/bulletins/issues/:id/files/:format", bind(GetFile), open);
  app.Get("/api/v1/bulletins/issues/:id/receipts", bind(GetReceipts));
  app.Get("/api/v1/bulletins/issues/:id/receipts.xlsx", bind(GetReceiptsXlsx));
  app.Get("/api/v1/bulletins/issues/:id/distribution-sheet", bind(GetDistributionSheet));
  app.Post("/api/v1/bulletins/issues/:id/remind", bind(PostRemind));
  app.Post("/api/v1/bulletins/issues/:id/mail/retry", bind(PostMailRetry));
  app.Get("/api/v1/bulletins/sources/pieces", bind(GetPieces));
  app.Get("/api/v1/bulletins/sources/pieces/:id", bind(PieceSectionHandler));
  app.Get("/api/v1/bulletins/sources/epidemic", bind(EpidemicSectionHandler));
  app.Get("/api/v1/bulletins/sources/complaints", bind(ComplaintsSectionHandler));
  app.Get("/api/v1/bulletins/sources/summaries", bind(ListSummaryKinds));
  app.Get("/api/v1/bulletins/sources/summaries/:key", bind(SummarySectionHandler));
  app.Post("/api/v1/bulletins/import", bind(PostImport), {.max_body = 5 << 20});
  app.Get("/api/v1/bulletins/government-recipients", bind(GetGovernmentRecipients));
  app.Put("/api/v1/bulletins/government-recipients", bind(PutGovernmentRecipients));
  app.Get("/api/v1/inbox", bind(GetInbox), cached);
  app.Post("/api/v1/inbox/:id/read",
           [&svc](Context& ctx) { return PostInboxMark(ctx, svc, /*ack=*/false); });
  app.Post("/api/v1/inbox/:id/ack",
           [&svc](Context& ctx) { return PostInboxMark(ctx, svc, /*ack=*/true); });
  app.Get("/public/bulletins/:series", bind(GetPublicPage), open);
  app.Get(
      "/public/bulletins/:series/feed.atom",
      [&svc, public_url](Context& ctx) { return GetFeed(ctx, svc, public_url); }, open);
}

}  // namespace jianbao::bulletins
