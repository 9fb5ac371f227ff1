// Copyright 2026 The Jianbao Authors.

#include "epidemic/json.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>

#include "core/clock.h"
#include "epidemic/regions.h"
#include "http/json_io.h"

namespace jianbao::epidemic {

namespace {
using Json = nlohmann::ordered_json;
}  // namespace

std::string ViolationsToJson(const std::vector<Violation>& violations) {
  Json out = Json::array();
  for (const Violation& v : violations) {
    out.push_back({{"date", v.date},
                   {"region", v.region},
                   {"rule", v.rule},
                   {"expected", v.expected},
                   {"actual", v.actual},
                   {"message", v.message},
                   {"field", std::string(FieldName(v.field))},
                   {"explained", v.explained},
                   {"explained_by", v.explained_by ? Json{{"kind", v.explained_by->kind},
                                                          {"id", v.explained_by->id}}
                                                   : Json(nullptr)}});
  }
  return out.dump(2);
}

std::string DayStatusesToJson(const std::vector<DayStatus>& days) {
  Json out = Json::array();
  for (const DayStatus& d : days) {
    out.push_back({{"date", d.date},
                   {"violations", d.violations},
                   {"unexplained", d.unexplained},
                   {"verified", d.verified}});
  }
  return out.dump(2);
}

std::string CorrectionsToJson(const std::vector<Correction>& corrections) {
  Json out = Json::array();
  for (const Correction& c : corrections) {
    out.push_back({{"id", c.id},
                   {"date", c.date},
                   {"region", c.region},
                   {"field", std::string(FieldName(c.field))},
                   {"delta", c.delta},
                   {"reason", c.reason},
                   {"source", c.source},
                   {"data_date", c.data_date.empty() ? Json(nullptr) : Json(c.data_date)}});
  }
  return out.dump(2);
}

std::string ImportReportToJson(const ImportReport& r) {
  Json out = {{"format", r.format},   {"records", r.records},
              {"rows", r.rows},       {"changed", r.changed},
              {"skipped", r.skipped}, {"corrections_added", r.corrections_added}};
  return out.dump(2);
}

std::string SeriesToJson(const std::vector<Series>& series) {
  Json out = Json::array();
  for (const Series& s : series) {
    Json points = Json::array();
    for (const SeriesPoint& p : s.points) {
      points.push_back({{"date", p.date}, {"value", p.value}, {"derived", p.derived}});
    }
    out.push_back({{"region", s.region},
                   {"name", s.name},
                   {"field", std::string(FieldName(s.field))},
                   {"points", points}});
  }
  return out.dump(2);
}

std::string RowsToJson(const std::vector<RegionDay>& rows) {
  Json out = Json::array();
  for (const RegionDay& r : rows) {
    Json row = {{"date", r.date}, {"region", r.region}};
    for (Field f : AllFields()) {
      if (r.figures.has(f)) row[std::string(FieldName(f))] = *r.figures.get(f);
    }
    out.push_back(row);
  }
  return out.dump(2);
}

// --- HTTP request bodies ----------------------------------------------------

Result<ImportInput> ReadImportInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"content", "source"}));
  auto it = obj.find("content");
  if (it == obj.end() || !it->is_string()) {
    return Status::Invalid("content", "required", "content is required");
  }
  ImportInput in;
  in.content = it->get<std::string>();
  if (in.content.size() > kMaxHttpImportBytes) {
    return Status(Code::kPayloadTooLarge, "import_too_large",
                  "the file is larger than 8 MiB; import it with the command line");
  }
  JB_ASSIGN_OR_RETURN(std::optional<std::string> source, http::OptionalString(obj, "source", 200));
  if (source) in.source = *source;
  return in;
}

Result<FigureSet> ReadFiguresInput(const std::string& body) {
  std::set<std::string> allowed;
  for (Field f : AllFields()) allowed.insert(std::string(FieldName(f)));
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, allowed));
  FigureSet figures;
  for (Field f : AllFields()) {
    const std::string name(FieldName(f));
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) continue;
    const int64_t min = f == Field::kSevereChange ? -1'000'000'000 : 0;
    JB_ASSIGN_OR_RETURN(std::optional<int64_t> v, http::OptionalInt(obj, name, min, 2'000'000'000));
    figures.set(f, *v);
  }
  return figures;
}

Result<Correction> ReadCorrectionInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"date", "region", "field", "delta",
                                                               "data_date", "reason", "source"}));
  Correction c;
  for (auto [key, out, max] : {std::tuple{"date", &c.date, 10}, std::tuple{"region", &c.region, 6},
                               std::tuple{"reason", &c.reason, 200}}) {
    JB_ASSIGN_OR_RETURN(*out, http::RequiredString(obj, key, max));
  }
  JB_ASSIGN_OR_RETURN(std::string field, http::RequiredString(obj, "field", 40));
  auto f = FieldFromName(field);
  if (!f) return Status::Invalid("field", "unknown_field", "unknown field \"" + field + "\"");
  c.field = *f;
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> delta,
                      http::OptionalInt(obj, "delta", -1'000'000'000, 1'000'000'000));
  if (!delta) return Status::Invalid("delta", "required", "delta is required");
  c.delta = *delta;
  JB_ASSIGN_OR_RETURN(std::optional<std::string> source, http::OptionalString(obj, "source", 200));
  c.source = source.value_or("");
  JB_ASSIGN_OR_RETURN(std::optional<std::string> data_date,
                      http::OptionalString(obj, "data_date", 10));
  c.data_date = data_date.value_or("");
  return c;
}

nlohmann::json NotesJson(const std::vector<SourceNote>& notes) {
  Json out = Json::array();
  for (const SourceNote& n : notes) {
    Json fields = Json::array();
    for (Field f : n.fields) fields.push_back(std::string(FieldName(f)));
    out.push_back({{"id", n.id},
                   {"regions", n.regions},
                   {"level", n.level},
                   {"fields", fields},
                   {"rule", n.rule},
                   {"from", n.from},
                   {"to", n.to},
                   {"reason", n.reason},
                   {"reference", n.reference}});
  }
  return out;
}

Result<SourceNote> ReadNoteInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj,
                      http::ParseObject(body, {"regions", "level", "fields", "rule", "from", "to",
                                               "reason", "reference"}));
  SourceNote n;
  JB_ASSIGN_OR_RETURN(n.reason, http::RequiredString(obj, "reason", 200));
  JB_ASSIGN_OR_RETURN(auto regions, http::OptionalStringArray(obj, "regions", 64, 6));
  n.regions = regions.value_or(std::vector<std::string>{});
  JB_ASSIGN_OR_RETURN(auto fields, http::OptionalStringArray(obj, "fields", 32, 40));
  for (const std::string& name : fields.value_or(std::vector<std::string>{})) {
    auto f = FieldFromName(name);
    if (!f) return Status::Invalid("fields", "unknown_field", "unknown field \"" + name + "\"");
    n.fields.push_back(*f);
  }
  for (auto [key, out, max] : {std::tuple{"level", &n.level, 16}, std::tuple{"rule", &n.rule, 40},
                               std::tuple{"from", &n.from, 10}, std::tuple{"to", &n.to, 10},
                               std::tuple{"reference", &n.reference, 200}}) {
    JB_ASSIGN_OR_RETURN(std::optional<std::string> v, http::OptionalString(obj, key, max));
    *out = v.value_or("");
  }
  return n;
}

Result<NarrativeInput> ReadNarrativeInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj,
                      http::ParseObject(body, {"date", "template", "chart", "days"}));
  NarrativeInput in;
  JB_ASSIGN_OR_RETURN(in.date, http::RequiredString(obj, "date", 10));
  if (!clock::IsValidDate(in.date)) {
    return Status::Invalid("date", "invalid_date", "date: not a date YYYY-MM-DD");
  }
  auto it = obj.find("template");
  if (it == obj.end() || !it->is_string()) {
    return Status::Invalid("template", "required", "template is required");
  }
  in.template_text = it->get<std::string>();
  if (in.template_text.size() > kMaxTemplateChars) {
    return Status::Invalid("template", "too_long", "the template is too long");
  }
  if (in.template_text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Invalid("template", "required", "template is required");
  }
  JB_ASSIGN_OR_RETURN(std::optional<bool> chart, http::OptionalBool(obj, "chart"));
  in.options.chart = chart.value_or(false);
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> days,
                      http::OptionalInt(obj, "days", kMinChartDays, kMaxChartDays));
  in.options.chart_days = static_cast<int>(days.value_or(kDefaultChartDays));
  return in;
}

// --- HTTP answers -------------------------------------------------------------

namespace {

nlohmann::json FigureSetJson(const FigureSet& f) {
  nlohmann::json out = nlohmann::json::object();
  for (Field field : AllFields()) {
    if (f.has(field)) out[std::string(FieldName(field))] = *f.get(field);
  }
  return out;
}

}  // namespace

nlohmann::json RegionsJson(const std::vector<Region>& regions) {
  nlohmann::json items = nlohmann::json::array();
  for (const Region& r : regions) {
    items.push_back(
        {{"code", r.code},
         {"name", r.name},
         {"short_name", r.short_name},
         {"level", std::string(LevelName(r.level))},
         {"parent", r.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.parent)}});
  }
  return http::ItemsObject(std::move(items));
}

nlohmann::json FieldsJson() {
  nlohmann::json items = nlohmann::json::array();
  for (Field f : AllFields()) {
    items.push_back({{"name", std::string(FieldName(f))},
                     {"label", std::string(FieldLabel(f))},
                     {"cumulative", IsCumulative(f)},
                     {"signed", f == Field::kSevereChange}});
  }
  return http::ItemsObject(std::move(items));
}

nlohmann::json DateRangeJson(const DateRange& r) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  return {{"first", or_null(r.first)}, {"last", or_null(r.last)}, {"days", r.days}};
}

nlohmann::json DayGridJson(const DayGrid& grid) {
  nlohmann::json items = nlohmann::json::array();
  for (const RegionDay& row : grid.rows) {
    items.push_back({{"region", row.region}, {"figures", FigureSetJson(row.figures)}});
  }
  nlohmann::json derived = nlohmann::json::object();
  for (const RegionDay& row : grid.derived) derived[row.region] = FigureSetJson(row.figures);
  nlohmann::json versions = nlohmann::json::object();
  for (const auto& [region, stamp] : grid.versions) {
    versions[region] = {{"version", stamp.version}, {"by", stamp.by}, {"at", stamp.at}};
  }
  nlohmann::json out = http::ItemsObject(std::move(items));
  out["date"] = grid.date;
  out["derived"] = std::move(derived);
  out["versions"] = std::move(versions);
  return out;
}

nlohmann::json FigureRowJson(const std::string& date, const std::string& region,
                             const FigureSet& figures) {
  return {{"date", date}, {"region", region}, {"figures", FigureSetJson(figures)}};
}

nlohmann::json ValidationJson(const std::string& from, const std::string& to,
                              const ValidationReport& report) {
  nlohmann::json violations = nlohmann::json::parse(ViolationsToJson(report.violations));
  for (size_t i = 0; i < report.violations.size(); ++i) {
    const Violation& v = report.violations[i];
    const FindingKey key{v.date, v.region, v.rule, v.field};
    auto it = std::find_if(report.followups.begin(), report.followups.end(),
                           [&](const FollowupRef& r) { return r.key == key; });
    violations[i]["followup"] =
        it == report.followups.end()
            ? nlohmann::json(nullptr)
            : nlohmann::json{{"id", it->id}, {"state", it->state}, {"assignee", it->assignee_name}};
  }
  return {{"from", from},
          {"to", to},
          {"violations", violations},
          {"days", nlohmann::json::parse(DayStatusesToJson(report.days))}};
}

namespace {

nlohmann::json ExplanationJson(const std::optional<Explanation>& e) {
  if (!e) return nullptr;
  return {{"kind", e->kind}, {"id", e->id}};
}

}  // namespace

nlohmann::json FollowupJson(const Followup& f) {
  nlohmann::json events = nlohmann::json::array();
  for (const FollowupEvent& e : f.events) {
    events.push_back({{"id", e.id},
                      {"action", e.action},
                      {"by", e.by},
                      {"at", e.at},
                      {"text", e.text},
                      {"assignee", e.assignee_id ? nlohmann::json{{"id", e.assignee_id},
                                                                  {"name", e.assignee_name}}
                                                 : nlohmann::json(nullptr)},
                      {"resolved_by", ExplanationJson(e.resolved_by)}});
  }
  return {
      {"id", f.id},
      {"date", f.key.date},
      {"region", f.key.region},
      {"rule", f.key.rule},
      {"field", std::string(FieldName(f.key.field))},
      {"state", FollowupStateName(f.state)},
      {"assignee", f.assignee_id ? nlohmann::json{{"id", f.assignee_id}, {"name", f.assignee_name}}
                                 : nlohmann::json(nullptr)},
      {"resolved_by", ExplanationJson(f.resolved_by)},
      {"close_reason", f.close_reason},
      {"created_by", f.created_by},
      {"created_at", f.created_at},
      {"version", f.stamp.version},
      {"updated_by", f.stamp.by},
      {"updated_at", f.stamp.at},
      {"events", events}};
}

Result<MarkInput> ReadMarkInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"date", "region", "rule", "field",
                                                               "assignee_id", "comment"}));
  MarkInput in;
  JB_ASSIGN_OR_RETURN(in.key.date, http::RequiredString(obj, "date", 10));
  JB_ASSIGN_OR_RETURN(in.key.region, http::RequiredString(obj, "region", 20));
  JB_ASSIGN_OR_RETURN(in.key.rule, http::RequiredString(obj, "rule", 40));
  JB_ASSIGN_OR_RETURN(std::string field, http::RequiredString(obj, "field", 40));
  auto f = FieldFromName(field);
  if (!f) return Status::Invalid("field", "unknown_field", "unknown field \"" + field + "\"");
  in.key.field = *f;
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> assignee,
                      http::OptionalInt(obj, "assignee_id", 0, INT64_MAX));
  in.assignee_id = assignee.value_or(0);
  JB_ASSIGN_OR_RETURN(std::optional<std::string> comment,
                      http::OptionalString(obj, "comment", 2000));
  in.comment = comment.value_or("");
  return in;
}

Result<FollowupActionInput> ReadFollowupActionInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"action", "assignee_id", "text",
                                                               "resolved_by", "version"}));
  FollowupActionInput in;
  JB_ASSIGN_OR_RETURN(std::string action, http::RequiredString(obj, "action", 20));
  auto a = ParseFollowupAction(action);
  if (!a || *a == FollowupAction::kMark) {
    return Status::Invalid("action", "invalid_action", "unknown action \"" + action + "\"");
  }
  in.action = *a;
  JB_ASSIGN_OR_RETURN(in.assignee_id, http::OptionalInt(obj, "assignee_id", 0, INT64_MAX));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> text, http::OptionalString(obj, "text", 2000));
  in.text = text.value_or("");
  JB_ASSIGN_OR_RETURN(in.version, http::OptionalInt(obj, "version", 1, INT64_MAX));
  auto it = obj.find("resolved_by");
  if (it != obj.end() && !it->is_null()) {
    const http::Json& r = *it;
    if (!r.is_object() || !r.contains("kind") || !r["kind"].is_string() || !r.contains("id") ||
        !r["id"].is_number_integer() || r.size() != 2 ||
        (r["kind"] != "correction" && r["kind"] != "note")) {
      return Status::Invalid("resolved_by", "out_of_range",
                             "resolved_by is {\"kind\": \"correction\"|\"note\", \"id\"}");
    }
    in.resolved_by = Explanation{r["kind"].get<std::string>(), r["id"].get<int64_t>()};
  }
  return in;
}

nlohmann::json CurrentByProvinceJson(const std::string& date,
                                     const std::vector<RegionValue>& values) {
  nlohmann::json items = nlohmann::json::array();
  for (const RegionValue& rv : values) {
    items.push_back({{"code", rv.region.code},
                     {"name", rv.region.name},
                     {"short_name", rv.region.short_name},
                     {"value", rv.value}});
  }
  nlohmann::json out = http::ItemsObject(std::move(items));
  out["date"] = date;
  return out;
}

nlohmann::json NarrativeJson(const std::string& date, const std::string& template_name,
                             const Narrative& n) {
  return {{"date", date},
          {"template", template_name},
          {"title", n.title},
          {"body", n.body},
          {"text", n.Text()}};
}

void AddImportRejection(const Status& status, const ImportRejection& why, nlohmann::json* error) {
  if (status.code() != Code::kInvalidArgument) return;
  if (why.line > 0) (*error)["message"] = status.message();
  (*error)["reason"] = why.line > 0 ? why.reason : status.message();
  for (const char* name : {"line", "column"}) {
    auto it = status.details().find(name);
    if (it != status.details().end()) (*error)[name] = it->second;
  }
  if (why.line > 0 && !why.column_name.empty()) (*error)["column_name"] = why.column_name;
}

}  // namespace jianbao::epidemic
