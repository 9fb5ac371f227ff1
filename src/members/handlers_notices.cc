// Copyright 2026 The Jianbao Authors.
//
// /api/v1/notices…: decode → one NoticeService call → encode.

#include "core/text.h"
#include "http/csp.h"
#include "http/json_io.h"
#include "members/json_notices.h"
#include "members/notices.h"
#include "receipts/json.h"

namespace jianbao::members {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

Response File(const NoticeFile& f) {
  Response r;
  r.body = f.bytes;
  r.Header("Content-Type", f.content_type);
  r.Header("Content-Disposition",
           "attachment; filename*=UTF-8''" + text::PercentEncode(f.filename));
  r.Header("X-Content-Type-Options", "nosniff");
  return r;
}

Result<Response> PostNotice(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(NoticeInput in, ReadNoticeInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Notice n, svc.Create(ctx.actor(), in));
  return JsonResponse(201, NoticeJson(n));
}

Result<Response> GetNotices(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  NoticeFilter f;
  f.status = ctx.req.Query("status");
  f.kind = ctx.req.Query("kind");
  f.q = ctx.req.Query("q");
  if (f.q.size() > 200) return Status::Invalid("q", "too_long", "q is too long");
  JB_ASSIGN_OR_RETURN(Page<Notice> p, svc.List(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, NoticeJson));
}

Result<Response> GetNotice(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(Notice n, svc.Get(ctx.actor(), id));
  return JsonResponse(200, NoticeJson(n));
}

Result<Response> PutNotice(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(NoticeInput in, ReadNoticeInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Notice n, svc.Update(ctx.actor(), id, in));
  return JsonResponse(200, NoticeJson(n));
}

Result<Response> PostSend(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(Notice n, svc.Send(ctx.actor(), id));
  return JsonResponse(200, NoticeJson(n));
}

Result<Response> PostAcknowledge(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(Notice n, svc.Acknowledge(ctx.actor(), id));
  return JsonResponse(200, NoticeJson(n));
}

Result<Response> GetReceipts(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(NoticeReceipts r, svc.Receipts(ctx.actor(), id));
  return JsonResponse(200, NoticeReceiptsJson(r));
}

Result<Response> GetDistributionSheet(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(NoticeReceipts r, svc.Receipts(ctx.actor(), id));
  Response out;
  out.body = receipts::DistributionSheetHtml(r.title, r.summary, ctx.lang);
  out.Header("Content-Type", "text/html; charset=utf-8");
  out.Header("Content-Security-Policy", http::SelfContainedPagePolicy(out.body));
  return out;
}

Result<Response> GetReceiptsXlsx(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(NoticeFile f, svc.ReceiptsXlsx(ctx.actor(), id, ctx.lang));
  return File(f);
}

Result<Response> PostRemind(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(std::vector<std::string> units, receipts::ReadRemindUnits(ctx.req.body));
  JB_ASSIGN_OR_RETURN(receipts::RemindResult r, svc.Remind(ctx.actor(), id, units));
  return JsonResponse(200, receipts::RemindResultJson(r));
}

Result<Response> GetPdf(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "notice_not_found"));
  JB_ASSIGN_OR_RETURN(NoticeFile f, svc.Pdf(ctx.actor(), id));
  return File(f);
}

Result<Response> GetGroups(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<RecipientGroup> groups, svc.Groups(ctx.actor()));
  nlohmann::json items = nlohmann::json::array();
  for (const RecipientGroup& g : groups) items.push_back(GroupJson(g));
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> PostGroup(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(GroupInput in, ReadGroupInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(RecipientGroup g, svc.CreateGroup(ctx.actor(), in));
  return JsonResponse(201, GroupJson(g));
}

Result<Response> DeleteGroup(Context& ctx, NoticeService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "group_not_found"));
  JB_RETURN_IF_ERROR(svc.DeleteGroup(ctx.actor(), id));
  return http::NoContent();
}

}  // namespace

void RegisterNotices(http::App& app, NoticeService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(Context&, NoticeService&)) {
    return http::Bind(svc, fn);
  };
  const std::string r = "/api/v1/notices";
  app.Get(r + "/groups", bind(GetGroups));
  app.Post(r + "/groups", bind(PostGroup));
  app.Delete(r + "/groups/:id", bind(DeleteGroup));
  app.Post(r, bind(PostNotice));
  app.Get(r, bind(GetNotices));
  app.Get(r + "/:id", bind(GetNotice));
  app.Put(r + "/:id", bind(PutNotice));
  app.Post(r + "/:id/send", bind(PostSend));
  app.Post(r + "/:id/acknowledge", bind(PostAcknowledge));
  app.Get(r + "/:id/receipts", bind(GetReceipts));
  app.Get(r + "/:id/receipts.xlsx", bind(GetReceiptsXlsx));
  app.Get(r + "/:id/distribution-sheet", bind(GetDistributionSheet));
  app.Post(r + "/:id/remind", bind(PostRemind));
  app.Get(r + "/:id/pdf", bind(GetPdf));
}

}  // namespace jianbao::members
