// Copyright 2026 The Jianbao Authors.

#include "epidemic/handlers.h"

#include <string_view>

#include "core/clock.h"
#include "epidemic/day.h"
#include "epidemic/handlers_internal.h"
#include "epidemic/json.h"
#include "epidemic/regions.h"

namespace jianbao::epidemic {
namespace internal {

Result<std::string> DateQuery(const http::Context& ctx, const std::string& name, bool required) {
  std::string v = ctx.req.Query(name);
  if (v.empty() && required) return Status::Invalid(name, "required", name + " is required");
  if (!v.empty() && !clock::IsValidDate(v)) {
    return Status::Invalid(name, "invalid_date", name + ": not a date YYYY-MM-DD");
  }
  return v;
}

}  // namespace internal

namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;
using internal::DateQuery;

// The module's JSON helpers return text; handlers answer with values.
Json Parsed(const std::string& text) { return Json::parse(text); }

Json RegionJson(const Region& r) {
  return {{"code", r.code},
          {"name", r.name},
          {"short_name", r.short_name},
          {"level", std::string(LevelName(r.level))},
          {"parent", r.parent.empty() ? Json(nullptr) : Json(r.parent)}};
}

Json FiguresJson(const FigureSet& f) {
  Json out = Json::object();
  for (Field field : AllFields()) {
    if (f.has(field)) out[std::string(FieldName(field))] = *f.get(field);
  }
  return out;
}

Result<Field> FieldQuery(const Context& ctx, Field fallback) {
  std::string v = ctx.req.Query("field");
  if (v.empty()) return fallback;
  auto f = FieldFromName(v);
  if (!f) return Status::Invalid("field", "unknown_field", "unknown field \"" + v + "\"");
  return *f;
}

// Reads a number of 1-9 digits at the front of *s and drops it from *s.
bool TakeNumber(std::string_view* s, int* out) {
  size_t n = 0;
  int v = 0;
  while (n < s->size() && n < 10 && (*s)[n] >= '0' && (*s)[n] <= '9') {
    v = v * 10 + ((*s)[n++] - '0');
  }
  if (n == 0 || n > 9) return false;
  s->remove_prefix(n);
  *out = v;
  return true;
}

// Reads an import error's field "line 12" or "line 12, column 3" (column 0: none).
bool ParseWhere(std::string_view field, int* line, int* column) {
  *column = 0;
  if (field.substr(0, 5) != "line ") return false;
  field.remove_prefix(5);
  if (!TakeNumber(&field, line)) return false;
  if (field.empty()) return true;
  if (field.substr(0, 9) != ", column ") return false;
  field.remove_prefix(9);
  return TakeNumber(&field, column) && field.empty();
}

// An import error with its position split out: {"error": {…, "line", "column", "reason"}}.
Response ImportError(const Context& ctx, const Status& st) {
  Response r = ctx.Error(st);
  if (st.code() != Code::kInvalidArgument) return r;
  Json body = Json::parse(r.body, nullptr, false);
  if (body.is_discarded() || !body.contains("error")) return r;
  Json& e = body["error"];
  e["reason"] = st.message();
  int line = 0, column = 0;
  if (ParseWhere(st.field(), &line, &column)) {
    e["line"] = line;
    if (column > 0) e["column"] = column;
    const size_t colon = st.message().find("): ");
    if (colon != std::string::npos) {
      const size_t open = st.message().rfind(" (", colon);
      if (open != std::string::npos) {
        e["column_name"] = st.message().substr(open + 2, colon - open - 2);
      }
      e["reason"] = st.message().substr(colon + 3);
    } else if (const size_t c = st.message().find(": "); c != std::string::npos) {
      e["reason"] = st.message().substr(c + 2);
    }
  }
  return JsonResponse(r.status, body);
}

Response GetRegions(Context& ctx, EpidemicService& svc) {
  return http::Respond(ctx, svc.ListRegions(), [](const std::vector<Region>& regions) {
    Json items = Json::array();
    for (const Region& r : regions) items.push_back(RegionJson(r));
    return JsonResponse(200, {{"items", items}});
  });
}

Response GetFields(Context&, EpidemicService&) {
  Json items = Json::array();
  for (Field f : AllFields()) {
    items.push_back({{"name", std::string(FieldName(f))},
                     {"label", std::string(FieldLabel(f))},
                     {"cumulative", IsCumulative(f)},
                     {"signed", f == Field::kSevereChange}});
  }
  return JsonResponse(200, {{"items", items}});
}

Response GetDates(Context& ctx, EpidemicService& svc) {
  return http::Respond(ctx, svc.StoredDates(), [](const DateRange& r) {
    return JsonResponse(200, {{"first", r.first.empty() ? Json(nullptr) : Json(r.first)},
                              {"last", r.last.empty() ? Json(nullptr) : Json(r.last)},
                              {"days", r.days}});
  });
}

Response GetDay(Context& ctx, EpidemicService& svc) {
  return http::Respond(ctx, svc.GetDay(ctx.Param("date")),
                       [](const Day& day) { return JsonResponse(200, Parsed(DayToJson(day))); });
}

Response GetFigures(Context& ctx, EpidemicService& svc) {
  return http::Respond(ctx, svc.GetDayGrid(ctx.Param("date")), [](const DayGrid& grid) {
    Json items = Json::array();
    for (const RegionDay& row : grid.rows) {
      items.push_back({{"region", row.region}, {"figures", FiguresJson(row.figures)}});
    }
    Json derived = Json::object();
    for (const RegionDay& row : grid.derived) derived[row.region] = FiguresJson(row.figures);
    return JsonResponse(200, {{"date", grid.date}, {"items", items}, {"derived", derived}});
  });
}

Response PutFigures(Context& ctx, EpidemicService& svc) {
  std::set<std::string> allowed;
  for (Field f : AllFields()) allowed.insert(std::string(FieldName(f)));
  auto body = http::ParseObject(ctx.req.body, allowed);
  if (!body.ok()) return ctx.Error(body.status());
  FigureSet figures;
  for (Field f : AllFields()) {
    const std::string name(FieldName(f));
    auto it = body->find(name);
    if (it == body->end() || it->is_null()) continue;
    const int64_t min = f == Field::kSevereChange ? -1'000'000'000 : 0;
    auto v = http::OptionalInt(*body, name, min, 2'000'000'000);
    if (!v.ok()) return ctx.Error(v.status());
    figures.set(f, *v.value());
  }
  const std::string date = ctx.Param("date"), region = ctx.Param("region");
  Status st = svc.UpdateFigures(ctx.actor(), date, region, figures, "web:" + ctx.actor().login);
  if (!st.ok()) return ctx.Error(st);
  return JsonResponse(200, {{"date", date}, {"region", region}, {"figures", FiguresJson(figures)}});
}

Response PostImport(Context& ctx, EpidemicService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"content", "source"});
  if (!body.ok()) return ctx.Error(body.status());
  auto it = body->find("content");
  if (it == body->end() || !it->is_string()) {
    return ctx.Error(Status::Invalid("content", "required", "content is required"));
  }
  const std::string& content = it->get_ref<const std::string&>();
  if (content.size() > kMaxHttpImportBytes) {
    return ctx.Error(Status(Code::kPayloadTooLarge, "import_too_large",
                            "the file is larger than 8 MiB; import it with the command line"));
  }
  auto source = http::OptionalString(*body, "source", 200);
  if (!source.ok()) return ctx.Error(source.status());
  auto report = svc.Import(ctx.actor(), content, source.value().value_or("upload"));
  if (!report.ok()) return ImportError(ctx, report.status());
  return JsonResponse(200, Parsed(ImportReportToJson(*report)));
}

Response GetCorrections(Context& ctx, EpidemicService& svc) {
  auto from = DateQuery(ctx, "from", false);
  if (!from.ok()) return ctx.Error(from.status());
  auto to = DateQuery(ctx, "to", false);
  if (!to.ok()) return ctx.Error(to.status());
  return http::Respond(ctx, svc.ListCorrections(*from, *to), [](const std::vector<Correction>& c) {
    return JsonResponse(200, {{"items", Parsed(CorrectionsToJson(c))}});
  });
}

Response PostCorrection(Context& ctx, EpidemicService& svc) {
  auto body = http::ParseObject(ctx.req.body, {"date", "region", "field", "delta", "reason", "source"});
  if (!body.ok()) return ctx.Error(body.status());
  Correction c;
  for (auto [key, out, max] :
       {std::tuple{"date", &c.date, 10}, std::tuple{"region", &c.region, 6},
        std::tuple{"reason", &c.reason, 200}}) {
    auto v = http::RequiredString(*body, key, max);
    if (!v.ok()) return ctx.Error(v.status());
    *out = *v;
  }
  auto field = http::RequiredString(*body, "field", 40);
  if (!field.ok()) return ctx.Error(field.status());
  auto f = FieldFromName(*field);
  if (!f) return ctx.Error(Status::Invalid("field", "unknown_field", "unknown field \"" + *field + "\""));
  c.field = *f;
  auto delta = http::OptionalInt(*body, "delta", -1'000'000'000, 1'000'000'000);
  if (!delta.ok()) return ctx.Error(delta.status());
  if (!delta.value()) return ctx.Error(Status::Invalid("delta", "required", "delta is required"));
  c.delta = *delta.value();
  auto source = http::OptionalString(*body, "source", 200);
  if (!source.ok()) return ctx.Error(source.status());
  c.source = source.value().value_or("");
  return http::Respond(ctx, svc.AddCorrection(ctx.actor(), c), [](const Correction& added) {
    return JsonResponse(201, Parsed(CorrectionsToJson({added})).front());
  });
}

Response PostKnownCorrections(Context& ctx, EpidemicService& svc) {
  return http::Respond(ctx, svc.LoadKnownCorrections(ctx.actor()),
                       [](int added) { return JsonResponse(200, {{"added", added}}); });
}

Response DeleteCorrection(Context& ctx, EpidemicService& svc) {
  const std::string v = ctx.Param("id");
  int64_t id = 0;
  try {
    size_t pos = 0;
    id = std::stoll(v, &pos);
    if (pos != v.size()) id = 0;
  } catch (const std::exception&) {
  }
  if (id <= 0) return ctx.Error(Status::NotFound("correction_not_found", "no correction " + v));
  Status st = svc.DeleteCorrection(ctx.actor(), id);
  return st.ok() ? http::NoContent() : ctx.Error(st);
}

Response GetValidation(Context& ctx, EpidemicService& svc) {
  auto from = DateQuery(ctx, "from", false);
  if (!from.ok()) return ctx.Error(from.status());
  auto to = DateQuery(ctx, "to", false);
  if (!to.ok()) return ctx.Error(to.status());
  const bool unexplained = ctx.req.Query("unexplained") == "true";
  return http::Respond(ctx, svc.Validate(*from, *to), [&](const ValidationReport& r) {
    std::vector<Violation> shown;
    for (const Violation& v : r.violations) {
      if (!unexplained || !v.explained) shown.push_back(v);
    }
    return JsonResponse(200, {{"from", *from},
                              {"to", *to},
                              {"violations", Parsed(ViolationsToJson(shown))},
                              {"days", Parsed(DayStatusesToJson(r.days))}});
  });
}

Response GetSeries(Context& ctx, EpidemicService& svc) {
  std::string region = ctx.req.Query("region");
  if (region.empty()) region = std::string(kMainland);
  auto field = FieldQuery(ctx, Field::kCumConfirmed);
  if (!field.ok()) return ctx.Error(field.status());
  auto from = DateQuery(ctx, "from", false);
  if (!from.ok()) return ctx.Error(from.status());
  auto to = DateQuery(ctx, "to", false);
  if (!to.ok()) return ctx.Error(to.status());
  return http::Respond(ctx, svc.GetSeries(region, *field, *from, *to), [](const Series& s) {
    return JsonResponse(200, Parsed(SeriesToJson({s})).front());
  });
}

Response GetHubeiVsRest(Context& ctx, EpidemicService& svc) {
  auto field = FieldQuery(ctx, Field::kCumConfirmed);
  if (!field.ok()) return ctx.Error(field.status());
  auto from = DateQuery(ctx, "from", false);
  if (!from.ok()) return ctx.Error(from.status());
  auto to = DateQuery(ctx, "to", false);
  if (!to.ok()) return ctx.Error(to.status());
  return http::Respond(ctx, svc.HubeiVsRest(*field, *from, *to), [](const std::vector<Series>& s) {
    return JsonResponse(200, {{"items", Parsed(SeriesToJson(s))}});
  });
}

Response GetCurrentByProvince(Context& ctx, EpidemicService& svc) {
  auto date = DateQuery(ctx, "date", true);
  if (!date.ok()) return ctx.Error(date.status());
  return http::Respond(ctx, svc.CurrentByProvince(*date), [&](const std::vector<RegionValue>& v) {
    Json items = Json::array();
    for (const RegionValue& rv : v) {
      items.push_back({{"code", rv.region.code},
                       {"name", rv.region.name},
                       {"short_name", rv.region.short_name},
                       {"value", rv.value}});
    }
    return JsonResponse(200, {{"date", *date}, {"items", items}});
  });
}

}  // namespace

void Register(http::App& app, EpidemicService& svc) {
  auto bind = [&svc](internal::Handler fn) { return internal::Bind(fn, svc); };
  const std::string base = "/api/v1/epidemic";
  app.Get(base + "/regions", bind(GetRegions));
  app.Get(base + "/fields", bind(GetFields));
  app.Get(base + "/dates", bind(GetDates));
  app.Get(base + "/days/:date", bind(GetDay));
  app.Get(base + "/days/:date/figures", bind(GetFigures));
  app.Put(base + "/days/:date/figures/:region", bind(PutFigures));
  // JSON escaping can double a file's size; the handler enforces 8 MiB of content.
  app.Post(base + "/import", bind(PostImport), {.max_body = 2 * kMaxHttpImportBytes + 4096});
  app.Get(base + "/corrections", bind(GetCorrections));
  app.Post(base + "/corrections", bind(PostCorrection));
  app.Post(base + "/corrections/known", bind(PostKnownCorrections));
  app.Delete(base + "/corrections/:id", bind(DeleteCorrection));
  app.Get(base + "/validation", bind(GetValidation));
  app.Get(base + "/series", bind(GetSeries));
  app.Get(base + "/hubei-vs-rest", bind(GetHubeiVsRest));
  app.Get(base + "/current-by-province", bind(GetCurrentByProvince));
  internal::RegisterNarrativeRoutes(app, svc, base);
}

}  // namespace jianbao::epidemic
