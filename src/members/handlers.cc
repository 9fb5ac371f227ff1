// Copyright 2026 The Jianbao Authors.
//
// Every handler is decode (json.cc Read*, the query readers below) → one
// MembersService call → encode (json.cc).

#include "members/handlers.h"

#include "core/clock.h"
#include "http/json_io.h"
#include "members/json.h"

namespace jianbao::members {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

constexpr size_t kMaxUpload = 10 << 20;

Result<std::string> DateQuery(const Context& ctx, const std::string& name, bool required) {
  std::string v = ctx.req.Query(name);
  if (v.empty() && required) return Status::Invalid(name, "required", name + " is required");
  if (!v.empty() && !clock::IsValidDate(v)) {
    return Status::Invalid(name, "invalid_date", name + ": not a date YYYY-MM-DD");
  }
  return v;
}

Result<int64_t> ScheduleQuery(const Context& ctx) {
  const std::string v = ctx.req.Query("schedule");
  if (v.empty()) return Status::Invalid("schedule", "required", "schedule is required");
  if (v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
    return Status::NotFound("schedule_not_found", "no such schedule");
  }
  return std::stoll(v);
}

Response File(const FileExport& f) {
  Response r;
  r.body = f.bytes;
  r.Header("Content-Type", f.content_type);
  r.Header("Content-Disposition", "attachment; filename=\"" + f.filename + "\"");
  return r;
}

// ---- reports ----

Result<Response> PostReport(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(ReportInput in, ReadReportInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Report r, svc.SubmitReport(ctx.actor(), in));
  return JsonResponse(201, ReportJson(r));
}

Result<Response> GetReports(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  ReportFilter f;
  f.org_code = ctx.req.Query("org");
  f.status = ctx.req.Query("status");
  JB_ASSIGN_OR_RETURN(f.from, DateQuery(ctx, "from", false));
  JB_ASSIGN_OR_RETURN(f.to, DateQuery(ctx, "to", false));
  JB_ASSIGN_OR_RETURN(Page<Report> p, svc.ListReports(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, ReportJson));
}

// ---- schedules, rate, dashboard ----

Result<Response> GetSchedules(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  JB_ASSIGN_OR_RETURN(Page<Schedule> p, svc.ListSchedules(ctx.actor(), page));
  return JsonResponse(200, http::PageJson(p, page, ScheduleJson));
}

Result<Response> PostSchedule(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(ScheduleInput in, ReadScheduleInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Schedule s, svc.CreateSchedule(ctx.actor(), in));
  return JsonResponse(201, ScheduleJson(s));
}

Result<Response> GetSchedule(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "schedule_not_found"));
  JB_ASSIGN_OR_RETURN(Schedule s, svc.GetSchedule(ctx.actor(), id));
  return JsonResponse(200, ScheduleJson(s));
}

Result<Response> PostScheduleUnits(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "schedule_not_found"));
  JB_ASSIGN_OR_RETURN(UnitsInput in, ReadUnitsInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Schedule s, svc.AddUnits(ctx.actor(), id, in.units, in.from));
  return JsonResponse(200, ScheduleJson(s));
}

Result<Response> GetRate(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ScheduleQuery(ctx));
  JB_ASSIGN_OR_RETURN(std::string period, DateQuery(ctx, "period", true));
  JB_ASSIGN_OR_RETURN(Rate r, svc.RateOf(ctx.actor(), id, period));
  return JsonResponse(200, RateJson(r));
}

Result<Response> GetDashboard(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ScheduleQuery(ctx));
  JB_ASSIGN_OR_RETURN(std::string period, DateQuery(ctx, "period", true));
  JB_ASSIGN_OR_RETURN(Dashboard d, svc.DashboardOf(ctx.actor(), id, period));
  return JsonResponse(200, DashboardJson(d));
}

Result<Response> GetExport(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ScheduleQuery(ctx));
  JB_ASSIGN_OR_RETURN(std::string period, DateQuery(ctx, "period", true));
  JB_ASSIGN_OR_RETURN(FileExport f, svc.ExportDashboard(ctx.actor(), id, period, ctx.lang));
  return File(f);
}

// ---- follow-ups ----

Result<Response> GetFollowups(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  FollowupFilter f{ctx.req.Query("status"), ctx.req.Query("kind"), ctx.req.Query("org"),
                   ctx.req.Query("owner")};
  JB_ASSIGN_OR_RETURN(Page<Followup> p, svc.ListFollowups(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, FollowupJson));
}

Result<Response> GetFollowup(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "member_followup_not_found"));
  JB_ASSIGN_OR_RETURN(Followup f, svc.GetFollowup(ctx.actor(), id));
  return JsonResponse(200, FollowupJson(f));
}

Result<Response> PostFollowupAction(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "member_followup_not_found"));
  JB_ASSIGN_OR_RETURN(FollowupAction a, ReadFollowupAction(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Followup f, svc.ActOnFollowup(ctx.actor(), id, a));
  return JsonResponse(200, FollowupJson(f));
}

// ---- supplies ----

Result<Response> PostTransaction(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(TransactionInput in, ReadTransactionInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Transaction t, svc.RecordTransaction(ctx.actor(), in));
  return JsonResponse(201, TransactionJson(t));
}

Result<Response> GetTransactions(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  TransactionFilter f{ctx.req.Query("holder"), ctx.req.Query("item"), ctx.req.Query("year")};
  JB_ASSIGN_OR_RETURN(Page<Transaction> p, svc.ListTransactions(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, TransactionJson));
}

Result<Response> GetBalances(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<Balance> b, svc.ListBalances(ctx.actor(), ctx.req.Query("holder"),
                                                               ctx.req.Query("item")));
  Json items = Json::array();
  for (const Balance& x : b) items.push_back(BalanceJson(x));
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> GetItems(Context&, MembersService&) {
  Json items = Json::array();
  for (const SupplyItem& i : SupplyItems()) items.push_back({{"item", i.code}, {"unit", i.unit}});
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> GetSummary(Context& ctx, MembersService& svc) {
  std::string year = ctx.req.Query("year");
  if (year.empty()) year = clock::TodayShanghai().substr(0, 4);
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
    return Status::Invalid("year", "invalid_year", "year: YYYY");
  }
  JB_ASSIGN_OR_RETURN(SupplySummary s,
                      svc.SummaryOf(ctx.actor(), year + "-01-01", year + "-12-31"));
  return JsonResponse(200, SummaryJson(s));
}

Result<Response> GetLedgerExport(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(FileExport f, svc.ExportLedger(ctx.actor(), ctx.req.Query("year"), ctx.lang));
  return File(f);
}

// ---- member units ----

Result<Response> GetMembers(Context& ctx, MembersService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  MemberFilter f{ctx.req.Query("parent"), ctx.req.Query("q")};
  JB_ASSIGN_OR_RETURN(Page<Member> p, svc.ListMembers(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, MemberJson));
}

// POST /api/v1/members/import?parent=CODE&format=xlsx|csv[&dry_run=1], the file as the body.
// 200 with the result, or 400 "import_rejected" with the result's rows and errors.
Result<Response> PostImport(Context& ctx, MembersService& svc) {
  const std::string parent = ctx.req.Query("parent");
  if (parent.empty()) return Status::Invalid("parent", "required", "parent is required");
  const std::string dry = ctx.req.Query("dry_run");
  JB_ASSIGN_OR_RETURN(ImportResult r, svc.Import(ctx.actor(), parent, ctx.req.Query("format"),
                                                 ctx.req.body, dry == "1" || dry == "true"));
  Json body = ImportResultJson(r, ctx.lang);
  if (r.errors.empty()) return JsonResponse(200, body);
  const Status st = Status::Invalid("file", "import_rejected", "rows have errors")
                        .set_detail("count", static_cast<int64_t>(r.errors.size()));
  // The rows and errors go both beside "error" and inside it (where the web UI's ApiError keeps
  // them).
  Json err = Json::parse(ctx.Error(st).body);
  for (auto& [k, v] : body.items()) {
    err[k] = v;
    err["error"][k] = v;
  }
  return JsonResponse(400, err);
}

}  // namespace

void Register(http::App& app, MembersService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(Context&, MembersService&)) {
    return http::Bind(svc, fn);
  };
  const std::string r = "/api/v1/resumption";
  app.Post(r + "/reports", bind(PostReport));
  app.Get(r + "/reports", bind(GetReports));
  app.Get(r + "/schedules", bind(GetSchedules));
  app.Post(r + "/schedules", bind(PostSchedule));
  app.Get(r + "/schedules/:id", bind(GetSchedule));
  app.Post(r + "/schedules/:id/units", bind(PostScheduleUnits));
  app.Get(r + "/rate", bind(GetRate));
  app.Get(r + "/dashboard", bind(GetDashboard));
  app.Get(r + "/export", bind(GetExport));
  app.Get(r + "/followups", bind(GetFollowups));
  app.Get(r + "/followups/:id", bind(GetFollowup));
  app.Post(r + "/followups/:id/actions", bind(PostFollowupAction));
  const std::string s = "/api/v1/supplies";
  app.Post(s + "/transactions", bind(PostTransaction));
  app.Get(s + "/transactions", bind(GetTransactions));
  app.Get(s + "/balances", bind(GetBalances));
  app.Get(s + "/items", bind(GetItems));
  app.Get(s + "/summary", bind(GetSummary));
  app.Get(s + "/export", bind(GetLedgerExport));
  app.Get("/api/v1/members", bind(GetMembers));
  app.Post("/api/v1/members/import", bind(PostImport),
           http::RouteOptions{.max_body = kMaxUpload, .json_body = false});
}

}  // namespace jianbao::members
