// Copyright 2026 The Jianbao Authors.
//
// The figures, import, corrections, validation and series routes. Every
// handler is decode (json.cc Read*Input, the query readers below) → one
// EpidemicService call → encode (json.cc).

#include "epidemic/handlers.h"

#include "core/clock.h"
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

// The module's text JSON (json.h *ToJson) as a value.
Json Parsed(const std::string& text) { return Json::parse(text); }

// Query parameters of the series routes: ?region=&field=&from=&to=.
struct SeriesQuery {
  std::string region;  // kMainland when absent
  Field field = Field::kCumConfirmed;
  std::string from, to;  // "" = unbounded
};

// Reads ?from= and ?to= (both optional dates).
Result<SeriesQuery> ReadRange(const Context& ctx) {
  SeriesQuery q;
  JB_ASSIGN_OR_RETURN(q.from, DateQuery(ctx, "from", false));
  JB_ASSIGN_OR_RETURN(q.to, DateQuery(ctx, "to", false));
  return q;
}

// Reads ?region= (default the mainland), ?field= (default cum_confirmed), ?from=, ?to=.
// Returns InvalidArgument "unknown_field" or "invalid_date".
Result<SeriesQuery> ReadSeriesQuery(const Context& ctx) {
  std::string field = ctx.req.Query("field");
  auto f = field.empty() ? std::optional<Field>(Field::kCumConfirmed) : FieldFromName(field);
  if (!f) return Status::Invalid("field", "unknown_field", "unknown field \"" + field + "\"");
  JB_ASSIGN_OR_RETURN(SeriesQuery q, ReadRange(ctx));
  q.field = *f;
  q.region = ctx.req.Query("region");
  if (q.region.empty()) q.region = std::string(kMainland);
  return q;
}

// An import error with its parts (json.h AddImportRejection).
Response ImportErrorResponse(const Context& ctx, const Status& st, const ImportRejection& why) {
  Response r = ctx.Error(st);
  Json body = Json::parse(r.body);
  AddImportRejection(st, why, &body["error"]);
  return JsonResponse(r.status, body);
}

Result<Response> GetRegions(Context&, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<Region> regions, svc.ListRegions());
  return JsonResponse(200, RegionsJson(regions));
}

Result<Response> GetFields(Context&, EpidemicService&) { return JsonResponse(200, FieldsJson()); }

Result<Response> GetDates(Context&, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(DateRange range, svc.StoredDates());
  return JsonResponse(200, DateRangeJson(range));
}

Result<Response> GetDay(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(Day day, svc.GetDay(ctx.Param("date")));
  return JsonResponse(200, Parsed(DayToJson(day)));
}

Result<Response> GetFigures(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(DayGrid grid, svc.GetDayGrid(ctx.Param("date")));
  return JsonResponse(200, DayGridJson(grid));
}

Result<Response> PutFigures(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(FigureSet figures, ReadFiguresInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> version, http::ExpectedVersion(ctx.req, {}));
  const std::string date = ctx.Param("date"), region = ctx.Param("region");
  EditStamp saved;
  JB_RETURN_IF_ERROR(svc.UpdateFigures(ctx.actor(), date, region, figures,
                                       "web:" + ctx.actor().login, version, &saved));
  Json row = FigureRowJson(date, region, figures);
  row["version"] = saved.version;
  return http::WithETag(JsonResponse(200, row), saved.version);
}

Result<Response> PostImport(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(ImportInput in, ReadImportInput(ctx.req.body));
  ImportRejection why;
  Result<ImportReport> report = svc.Import(ctx.actor(), in.content, in.source, &why);
  if (!report.ok()) return ImportErrorResponse(ctx, report.status(), why);
  return JsonResponse(200, Parsed(ImportReportToJson(*report)));
}

Result<Response> GetCorrections(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(SeriesQuery q, ReadRange(ctx));
  JB_ASSIGN_OR_RETURN(std::vector<Correction> list, svc.ListCorrections(q.from, q.to));
  return JsonResponse(200, http::ItemsObject(Parsed(CorrectionsToJson(list))));
}

Result<Response> PostCorrection(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(Correction c, ReadCorrectionInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Correction added, svc.AddCorrection(ctx.actor(), c));
  return JsonResponse(201, Parsed(CorrectionsToJson({added})).front());
}

Result<Response> PostKnownCorrections(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(int added, svc.LoadKnownCorrections(ctx.actor()));
  return JsonResponse(200, {{"added", added}});
}

Result<Response> GetNotes(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<SourceNote> notes, svc.ListNotes());
  return JsonResponse(200, http::ItemsObject(NotesJson(notes)));
}

Result<Response> PostNote(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(SourceNote in, ReadNoteInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(SourceNote added, svc.AddNote(ctx.actor(), std::move(in)));
  return JsonResponse(201, NotesJson({added}).front());
}

Result<Response> PostKnownNotes(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(int added, svc.LoadKnownNotes(ctx.actor()));
  return JsonResponse(200, {{"added", added}});
}

Result<Response> DeleteNote(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "note_not_found"));
  JB_RETURN_IF_ERROR(svc.DeleteNote(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> DeleteCorrection(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "correction_not_found"));
  JB_RETURN_IF_ERROR(svc.DeleteCorrection(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> GetValidation(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(SeriesQuery q, ReadRange(ctx));
  const bool unexplained = ctx.req.Query("unexplained") == "true";
  JB_ASSIGN_OR_RETURN(ValidationReport r, svc.Validate(q.from, q.to, unexplained));
  return JsonResponse(200, ValidationJson(q.from, q.to, r));
}

Result<Response> GetSeries(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(SeriesQuery q, ReadSeriesQuery(ctx));
  JB_ASSIGN_OR_RETURN(Series s, svc.GetSeries(q.region, q.field, q.from, q.to));
  return JsonResponse(200, Parsed(SeriesToJson({s})).front());
}

Result<Response> GetHubeiVsRest(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(SeriesQuery q, ReadSeriesQuery(ctx));
  JB_ASSIGN_OR_RETURN(std::vector<Series> s, svc.HubeiVsRest(q.field, q.from, q.to));
  return JsonResponse(200, http::ItemsObject(Parsed(SeriesToJson(s))));
}

Result<Response> GetCurrentByProvince(Context& ctx, EpidemicService& svc) {
  JB_ASSIGN_OR_RETURN(std::string date, DateQuery(ctx, "date", true));
  JB_ASSIGN_OR_RETURN(std::vector<RegionValue> values, svc.CurrentByProvince(date));
  return JsonResponse(200, CurrentByProvinceJson(date, values));
}

}  // namespace

void Register(http::App& app, EpidemicService& svc) {
  const http::RouteOptions cached{.cacheable = true};  // see http/router.h
  auto bind = [&svc](internal::Handler fn) { return http::Bind(svc, fn); };
  const std::string base = "/api/v1/epidemic";
  app.Get(base + "/regions", bind(GetRegions), cached);
  app.Get(base + "/fields", bind(GetFields));
  app.Get(base + "/dates", bind(GetDates), cached);
  app.Get(base + "/days/:date", bind(GetDay));
  app.Get(base + "/days/:date/figures", bind(GetFigures));
  app.Put(base + "/days/:date/figures/:region", bind(PutFigures));
  // JSON escaping can double a file's size; ReadImportInput enforces 8 MiB of content.
  app.Post(base + "/import", bind(PostImport), {.max_body = 2 * kMaxHttpImportBytes + 4096});
  app.Get(base + "/corrections", bind(GetCorrections), cached);
  app.Post(base + "/corrections", bind(PostCorrection));
  app.Post(base + "/corrections/known", bind(PostKnownCorrections));
  app.Delete(base + "/corrections/:id", bind(DeleteCorrection));
  app.Get(base + "/notes", bind(GetNotes));
  app.Post(base + "/notes", bind(PostNote));
  app.Post(base + "/notes/known", bind(PostKnownNotes));
  app.Delete(base + "/notes/:id", bind(DeleteNote));
  app.Get(base + "/validation", bind(GetValidation));
  app.Get(base + "/series", bind(GetSeries));
  app.Get(base + "/hubei-vs-rest", bind(GetHubeiVsRest));
  app.Get(base + "/current-by-province", bind(GetCurrentByProvince));
  internal::RegisterNarrativeRoutes(app, svc, base);
}

}  // namespace jianbao::epidemic
