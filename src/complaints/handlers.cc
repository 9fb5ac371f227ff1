// Copyright 2026 The Jianbao Authors.

#include "complaints/handlers.h"

#include "complaints/json.h"
#include "core/text.h"
#include "http/json_io.h"

namespace jianbao::complaints {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

Response File(const std::string& bytes, const std::string& type, const std::string& name,
              bool inline_ok) {
  Response r;
  r.body = bytes;
  r.Header("Content-Type", type);
  r.Header("Content-Disposition", std::string(inline_ok ? "inline" : "attachment") +
                                      "; filename*=UTF-8''" + text::PercentEncode(name));
  r.Header("X-Content-Type-Options", "nosniff");
  r.Header("Cache-Control", "no-store");
  return r;
}

Result<Response> GetPublicForm(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(PublicForm form, svc.NewPublicForm());
  return JsonResponse(200, PublicFormJson(form)).Header("Cache-Control", "no-store");
}

// A body that cannot be read still counts against the address's rate limit:
// the service charges the address before it looks at the decoding result.
Result<Response> PostPublicComplaint(Context& ctx, ComplaintService& svc) {
  Result<PublicFiling> decoded = ReadFiling(ctx.req.body, true);
  PublicFiling filing = decoded.ok() ? *decoded : PublicFiling{};
  filing.address = ctx.req.remote_ip;
  JB_ASSIGN_OR_RETURN(Complaint c, svc.FilePublic(filing, decoded.status()));
  return JsonResponse(201, PublicJson(c));
}

Result<Response> GetPublicComplaint(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(Complaint c, svc.PublicStatus(ctx.Param("number"), ctx.req.Query("phone")));
  return JsonResponse(200, PublicJson(c)).Header("Cache-Control", "no-store");
}

Result<Response> ListComplaints(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  CaseFilter f;
  f.page = page;
  f.status = ctx.req.Query("status");
  f.category = ctx.req.Query("category");
  f.operator_code = ctx.req.Query("operator");
  f.kind = ctx.req.Query("kind");
  f.text = text::Trim(ctx.req.Query("q"));
  f.from = ctx.req.Query("from");
  f.to = ctx.req.Query("to");
  const std::string overdue = ctx.req.Query("overdue");
  if (!overdue.empty() && overdue != "true" && overdue != "false" && overdue != "1" &&
      overdue != "0") {
    return Status::Invalid("overdue", "wrong_type", "overdue is true or false");
  }
  f.overdue_only = overdue == "true" || overdue == "1";
  if (!ctx.req.Query("region").empty()) f.regions = {ctx.req.Query("region")};
  JB_ASSIGN_OR_RETURN(Page<Complaint> cases, svc.List(ctx.actor(), f));
  return JsonResponse(200, http::PageJson(cases, page, CaseItemJson));
}

Result<Response> PostComplaint(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(PublicFiling filing, ReadFiling(ctx.req.body, false));
  JB_ASSIGN_OR_RETURN(Complaint c, svc.FileByPhone(ctx.actor(), filing.input));
  return JsonResponse(201, CaseJson(c, false));
}

Result<Response> GetComplaint(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "complaint_not_found"));
  JB_ASSIGN_OR_RETURN(Complaint c, svc.Get(ctx.actor(), id));
  return JsonResponse(200, CaseJson(c, true)).Header("Cache-Control", "no-store");
}

Result<Response> PostAction(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "complaint_not_found"));
  JB_ASSIGN_OR_RETURN(ActionInput in, ReadAction(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Complaint c, svc.Act(ctx.actor(), id, in));
  return JsonResponse(200, CaseJson(c, true));
}

Result<Response> PostAttachment(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "complaint_not_found"));
  JB_ASSIGN_OR_RETURN(Attachment a,
                      svc.AddAttachment(ctx.actor(), id, ctx.req.Query("name"), ctx.req.body));
  return JsonResponse(201, AttachmentJson(a));
}

Result<Response> GetAttachment(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "complaint_not_found"));
  JB_ASSIGN_OR_RETURN(int64_t aid, ctx.IdParam("aid", "attachment_not_found"));
  JB_ASSIGN_OR_RETURN(Attachment a, svc.GetAttachment(ctx.actor(), id, aid));
  return File(a.data, a.mime, a.name, true);
}

Result<Response> GetWorkflow(Context& ctx, ComplaintService& svc) {
  return JsonResponse(200, WorkflowJson());
}

Result<Response> GetStats(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(Stats s, svc.Statistics(ctx.actor(), ctx.req.Query("from"),
                                              ctx.req.Query("to"), ctx.req.Query("region")));
  return JsonResponse(200, StatsJson(s));
}

Result<Response> GetStatsExport(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(std::string bytes,
                      svc.ExportXlsx(ctx.actor(), ctx.req.Query("from"), ctx.req.Query("to"),
                                     ctx.req.Query("region"), ctx.lang));
  return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              ctx.lang == "en" ? "complaints.xlsx" : "申诉受理统计.xlsx", false);
}

Result<Response> GetCalendar(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<CalendarDay> days,
                      svc.Calendar(ctx.actor(), ctx.req.Query("year")));
  http::Json items = http::Json::array();
  for (const CalendarDay& d : days) items.push_back(CalendarDayJson(d));
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> PutCalendarDay(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(CalendarDay d, ReadCalendarDay(ctx.req.body));
  d.date = ctx.Param("date");
  JB_ASSIGN_OR_RETURN(CalendarDay saved, svc.SetCalendarDay(ctx.actor(), d));
  return JsonResponse(200, CalendarDayJson(saved));
}

Result<Response> DeleteCalendarDay(Context& ctx, ComplaintService& svc) {
  JB_RETURN_IF_ERROR(svc.DeleteCalendarDay(ctx.actor(), ctx.Param("date")));
  return http::NoContent();
}

Result<Response> GetOrgSettings(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<OrgSetting> rows, svc.OrgSettings(ctx.actor()));
  http::Json items = http::Json::array();
  for (const OrgSetting& o : rows) items.push_back(OrgSettingJson(o));
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> PutOrgSetting(Context& ctx, ComplaintService& svc) {
  JB_ASSIGN_OR_RETURN(OrgSetting in, ReadOrgSetting(ctx.req.body));
  JB_ASSIGN_OR_RETURN(OrgSetting saved, svc.SetOrgSetting(ctx.actor(), ctx.Param("code"), in));
  return JsonResponse(200, OrgSettingJson(saved));
}

}  // namespace

void Register(http::App& app, ComplaintService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(Context&, ComplaintService&)) {
    return http::Bind(svc, fn);
  };
  const http::RouteOptions open{.require_auth = false, .check_csrf = false, .max_body = 64 * 1024};
  const http::RouteOptions upload{.max_body = 24 << 20, .json_body = false};
  app.Get("/api/v1/public/complaint-form", bind(GetPublicForm), open);
  app.Post("/api/v1/public/complaints", bind(PostPublicComplaint), open);
  app.Get("/api/v1/public/complaints/:number", bind(GetPublicComplaint), open);
  // Literal paths first, so that they win over /:id.
  app.Get("/api/v1/complaints/workflow", bind(GetWorkflow));
  app.Get("/api/v1/complaints/stats", bind(GetStats));
  app.Get("/api/v1/complaints/stats/export", bind(GetStatsExport));
  app.Get("/api/v1/complaints/calendar", bind(GetCalendar));
  app.Put("/api/v1/complaints/calendar/:date", bind(PutCalendarDay));
  app.Delete("/api/v1/complaints/calendar/:date", bind(DeleteCalendarDay));
  app.Get("/api/v1/complaints/org-settings", bind(GetOrgSettings));
  app.Put("/api/v1/complaints/org-settings/:code", bind(PutOrgSetting));
  app.Get("/api/v1/complaints", bind(ListComplaints));
  app.Post("/api/v1/complaints", bind(PostComplaint));
  app.Get("/api/v1/complaints/:id", bind(GetComplaint));
  app.Post("/api/v1/complaints/:id/actions", bind(PostAction));
  app.Post("/api/v1/complaints/:id/attachments", bind(PostAttachment), upload);
  app.Get("/api/v1/complaints/:id/attachments/:aid", bind(GetAttachment));
}

}  // namespace jianbao::complaints
