// Copyright 2026 The Jianbao Authors.
//
// The narrative routes: the 疫情动态 text (built-in or custom template,
// optionally with the print chart), the built-in templates and the chart PNG.
// Each handler is decode → one EpidemicService call → encode (json.cc).

#include "epidemic/handlers_internal.h"
#include "epidemic/json.h"
#include "epidemic/narrative.h"

namespace jianbao::epidemic::internal {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

// Query parameter `days`: the chart's window (kDefaultChartDays when absent).
Result<int> DaysQuery(const Context& ctx) {
  const std::string v = ctx.req.Query("days");
  if (v.empty()) return kDefaultChartDays;
  if (v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos) {
    return CheckChartDays(-1);
  }
  const int days = std::stoi(v);
  JB_RETURN_IF_ERROR(CheckChartDays(days));
  return days;
}

// GET /narrative's query: ?date= (required), ?template= (a built-in name,
// "default" when absent), ?chart=true, ?days=.
struct NarrativeQuery {
  std::string date;
  std::string name;
  std::string_view template_text;
  NarrativeOptions options;
};

// Returns InvalidArgument naming date, template ("unknown_template") or days.
Result<NarrativeQuery> ReadNarrativeQuery(const Context& ctx) {
  NarrativeQuery q;
  JB_ASSIGN_OR_RETURN(q.date, DateQuery(ctx, "date", true));
  q.name = ctx.req.Query("template");
  if (q.name.empty()) q.name = "default";
  auto text = BuiltinTemplate(q.name);
  if (!text) {
    return Status::Invalid("template", "unknown_template", "template must be default or plain");
  }
  q.template_text = *text;
  q.options.chart = ctx.req.Query("chart") == "true";
  JB_ASSIGN_OR_RETURN(q.options.chart_days, DaysQuery(ctx));
  return q;
}

Result<Response> GetNarrative(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(NarrativeQuery q, ReadNarrativeQuery(ctx));
  JB_ASSIGN_OR_RETURN(Narrative n, svc.NarrativeFor(q.date, q.template_text, q.options));
  return JsonResponse(200, NarrativeJson(q.date, q.name, n));
}

Result<Response> PostNarrative(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(NarrativeInput in, ReadNarrativeInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Narrative n, svc.NarrativeFor(in.date, in.template_text, in.options));
  return JsonResponse(200, NarrativeJson(in.date, "custom", n));
}

Result<Response> GetChartPng(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(std::string date, DateQuery(ctx, "date", true));
  JB_ASSIGN_OR_RETURN(int days, DaysQuery(ctx));
  JB_ASSIGN_OR_RETURN(std::string png, svc.TrendChartPng(date, days));
  Response r;
  r.body = std::move(png);
  r.Header("Content-Type", "image/png");
  r.Header("Content-Disposition", "inline; filename=\"epidemic-" + date + ".png\"");
  return r;
}

Result<Response> GetTemplate(Context& ctx, EpidemicService&) {
  auto text = BuiltinTemplate(ctx.Param("name"));
  if (!text) return Status::NotFound("template_not_found", "templates: default, plain");
  return JsonResponse(200, {{"name", ctx.Param("name")}, {"text", std::string(*text)}});
}

}  // namespace

void RegisterNarrativeRoutes(http::App& app, EpidemicService& svc, const std::string& base) {
  app.Get(base + "/narrative", http::Bind(svc, &GetNarrative));
  app.Post(base + "/narrative", http::Bind(svc, &PostNarrative));
  app.Get(base + "/templates/:name", http::Bind(svc, &GetTemplate));
  app.Get(base + "/chart.png", http::Bind(svc, &GetChartPng));
}

}  // namespace jianbao::epidemic::internal
