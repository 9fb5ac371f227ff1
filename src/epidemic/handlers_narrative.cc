// Copyright 2026 The Jianbao Authors.
//
// The narrative routes: the 疫情动态 text (built-in or custom template,
// optionally with the print chart), the built-in templates and the chart PNG.

#include "core/clock.h"
#include "epidemic/handlers_internal.h"
#include "epidemic/narrative.h"

namespace jianbao::epidemic::internal {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

constexpr size_t kMaxTemplateChars = 64 * 1024;

Response NarrativeResponse(const Context& ctx, const std::string& date, const std::string& name,
                           const Result<Narrative>& n) {
  return http::Respond(ctx, n, [&](const Narrative& text) {
    return JsonResponse(200, {{"date", date},
                              {"template", name},
                              {"title", text.title},
                              {"body", text.body},
                              {"text", text.Text()}});
  });
}

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

// Query parameters `chart` ("true") and `days` as narrative options.
Result<NarrativeOptions> NarrativeOptionsQuery(const Context& ctx) {
  NarrativeOptions options;
  options.chart = ctx.req.Query("chart") == "true";
  JB_ASSIGN_OR_RETURN(options.chart_days, DaysQuery(ctx));
  return options;
}

// Body keys `chart` (boolean) and `days` (integer) as narrative options.
Result<NarrativeOptions> NarrativeOptionsBody(const Json& body) {
  NarrativeOptions options;
  JB_ASSIGN_OR_RETURN(std::optional<bool> chart, http::OptionalBool(body, "chart"));
  options.chart = chart.value_or(false);
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> days,
                      http::OptionalInt(body, "days", kMinChartDays, kMaxChartDays));
  options.chart_days = static_cast<int>(days.value_or(kDefaultChartDays));
  return options;
}

Response GetNarrative(Context& ctx, EpidemicService& svc) {
  auto date = DateQuery(ctx, "date", true);
  if (!date.ok()) return ctx.Error(date.status());
  std::string name = ctx.req.Query("template");
  if (name.empty()) name = "default";
  auto text = BuiltinTemplate(name);
  if (!text) {
    return ctx.Error(
        Status::Invalid("template", "unknown_template", "template must be default or plain"));
  }
  auto options = NarrativeOptionsQuery(ctx);
  if (!options.ok()) return ctx.Error(options.status());
  return NarrativeResponse(ctx, *date, name, svc.NarrativeFor(*date, *text, *options));
}

Response GetChartPng(Context& ctx, EpidemicService& svc) {
  auto date = DateQuery(ctx, "date", true);
  if (!date.ok()) return ctx.Error(date.status());
  auto days = DaysQuery(ctx);
  if (!days.ok()) return ctx.Error(days.status());
  return http::Respond(ctx, svc.TrendChartPng(*date, *days), [&](const std::string& png) {
    Response r;
    r.body = png;
    r.Header("Content-Type", "image/png");
    r.Header("Content-Disposition", "inline; filename=\"epidemic-" + *date + ".png\"");
    return r;
  });
}

Response GetTemplate(Context& ctx, EpidemicService&) {
  auto text = BuiltinTemplate(ctx.Param("name"));
  if (!text) return ctx.Error(Status::NotFound("template_not_found", "templates: default, plain"));
  return JsonResponse(200, {{"name", ctx.Param("name")}, {"text", std::string(*text)}});
}

Response PostNarrative(Context& ctx, EpidemicService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"date", "template", "chart", "days"});
  if (!body.ok()) return ctx.Error(body.status());
  auto date = http::RequiredString(*body, "date", 10);
  if (!date.ok()) return ctx.Error(date.status());
  if (!clock::IsValidDate(*date)) {
    return ctx.Error(Status::Invalid("date", "invalid_date", "date: not a date YYYY-MM-DD"));
  }
  auto it = body->find("template");
  if (it == body->end() || !it->is_string()) {
    return ctx.Error(Status::Invalid("template", "required", "template is required"));
  }
  const std::string& text = it->get_ref<const std::string&>();
  if (text.size() > kMaxTemplateChars) {
    return ctx.Error(Status::Invalid("template", "too_long", "the template is too long"));
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ctx.Error(Status::Invalid("template", "required", "template is required"));
  }
  auto options = NarrativeOptionsBody(*body);
  if (!options.ok()) return ctx.Error(options.status());
  return NarrativeResponse(ctx, *date, "custom", svc.NarrativeFor(*date, text, *options));
}

}  // namespace

void RegisterNarrativeRoutes(http::App& app, EpidemicService& svc, const std::string& base) {
  app.Get(base + "/narrative", Bind(GetNarrative, svc));
  app.Post(base + "/narrative", Bind(PostNarrative, svc));
  app.Get(base + "/templates/:name", Bind(GetTemplate, svc));
  app.Get(base + "/chart.png", Bind(GetChartPng, svc));
}

}  // namespace jianbao::epidemic::internal
