// Copyright 2026 The Jianbao Authors.

#include "members/json.h"

#include <cmath>

#include "core/messages.h"
#include "members/export.h"

namespace jianbao::members {
namespace {

using http::OptionalString;
using http::RequiredString;

Status WrongType(const std::string& field) {
  return Status::Invalid(field, "wrong_type", field + " has the wrong type");
}

// Reads a required integer percentage field.
Result<int> Percent(const Json& obj, const std::string& key) {
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> v, http::OptionalInt(obj, key, 0, 100));
  if (!v) return Status::Invalid(key, "required", key + " is required");
  return static_cast<int>(*v);
}

// Checks that every key of `obj` (an element of an array `at`) is allowed.
Status KnownKeys(const Json& obj, const std::string& at, const std::set<std::string>& allowed) {
  if (!obj.is_object()) return WrongType(at);
  for (const auto& [k, v] : obj.items()) {
    if (!allowed.count(k)) {
      return Status::Invalid(at + "." + k, "unknown_field", "unknown field " + k);
    }
  }
  return Status::Ok();
}

Result<std::string> Str(const Json& obj, const std::string& key, const std::string& at, size_t max,
                        bool required) {
  Status st;
  if (required) {
    auto v = RequiredString(obj, key, max);
    if (v.ok()) return *v;
    st = v.status();
  } else {
    auto v = OptionalString(obj, key, max);
    if (v.ok()) return v->value_or("");
    st = v.status();
  }
  return Status(st.code(), st.key(), st.message(), at + "." + key);
}

double Quantity(int64_t x100) { return static_cast<double>(x100) / 100; }

}  // namespace

Result<ReportInput> ReadReportInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j,
                      http::ParseObject(body, {"date", "status", "staff_back_pct", "capacity_pct",
                                               "difficulties", "needs", "org"}));
  ReportInput in;
  JB_ASSIGN_OR_RETURN(in.date, RequiredString(j, "date", 10));
  JB_ASSIGN_OR_RETURN(in.status, RequiredString(j, "status", 16));
  JB_ASSIGN_OR_RETURN(in.staff_back_pct, Percent(j, "staff_back_pct"));
  JB_ASSIGN_OR_RETURN(in.capacity_pct, Percent(j, "capacity_pct"));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> org, OptionalString(j, "org", 32));
  in.org_code = org.value_or("");
  if (j.contains("difficulties")) {
    const Json& a = j["difficulties"];
    if (!a.is_array()) return WrongType("difficulties");
    if (a.size() > 20) return Status::Invalid("difficulties", "too_many", "at most 20");
    for (size_t i = 0; i < a.size(); ++i) {
      const std::string at = "difficulties[" + std::to_string(i) + "]";
      JB_RETURN_IF_ERROR(KnownKeys(a[i], at, {"category", "text"}));
      Difficulty d;
      JB_ASSIGN_OR_RETURN(d.category, Str(a[i], "category", at, 32, true));
      JB_ASSIGN_OR_RETURN(d.text, Str(a[i], "text", at, 1000, false));
      in.difficulties.push_back(d);
    }
  }
  if (j.contains("needs")) {
    const Json& a = j["needs"];
    if (!a.is_array()) return WrongType("needs");
    if (a.size() > 20) return Status::Invalid("needs", "too_many", "at most 20");
    for (size_t i = 0; i < a.size(); ++i) {
      const std::string at = "needs[" + std::to_string(i) + "]";
      JB_RETURN_IF_ERROR(KnownKeys(a[i], at, {"kind", "quantity", "note"}));
      Need n;
      JB_ASSIGN_OR_RETURN(n.kind, Str(a[i], "kind", at, 32, true));
      if (!a[i].contains("quantity")) {
        return Status::Invalid(at + ".quantity", "required", "quantity is required");
      }
      if (!a[i]["quantity"].is_number()) return WrongType(at + ".quantity");
      n.quantity = a[i]["quantity"].get<double>();
      JB_ASSIGN_OR_RETURN(n.note, Str(a[i], "note", at, 500, false));
      in.needs.push_back(n);
    }
  }
  return in;
}

Result<ScheduleInput> ReadScheduleInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(
      Json j, http::ParseObject(body, {"name", "kind", "weekday", "start", "deadline", "units"}));
  ScheduleInput in;
  JB_ASSIGN_OR_RETURN(in.name, RequiredString(j, "name", 100));
  JB_ASSIGN_OR_RETURN(in.kind, RequiredString(j, "kind", 16));
  JB_ASSIGN_OR_RETURN(in.start, RequiredString(j, "start", 10));
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> wd, http::OptionalInt(j, "weekday", 1, 7));
  in.weekday = static_cast<int>(wd.value_or(0));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> dl, OptionalString(j, "deadline", 10));
  in.deadline = dl.value_or("");
  JB_ASSIGN_OR_RETURN(auto units, http::OptionalStringArray(j, "units", 20000, 32));
  in.units = units.value_or(std::vector<std::string>{});
  return in;
}

Result<UnitsInput> ReadUnitsInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"units", "from"}));
  UnitsInput in;
  JB_ASSIGN_OR_RETURN(auto units, http::OptionalStringArray(j, "units", 20000, 32));
  in.units = units.value_or(std::vector<std::string>{});
  JB_ASSIGN_OR_RETURN(std::optional<std::string> from, OptionalString(j, "from", 10));
  in.from = from.value_or("");
  return in;
}

Result<FollowupAction> ReadFollowupAction(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"action", "owner", "note"}));
  FollowupAction a;
  JB_ASSIGN_OR_RETURN(a.action, RequiredString(j, "action", 16));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> owner, OptionalString(j, "owner", 64));
  a.owner = owner.value_or("");
  JB_ASSIGN_OR_RETURN(std::optional<std::string> note, OptionalString(j, "note", 1000));
  a.note = note.value_or("");
  return a;
}

Result<TransactionInput> ReadTransactionInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(
      Json j, http::ParseObject(body, {"item", "quantity", "unit", "from", "to", "date", "note"}));
  TransactionInput in;
  JB_ASSIGN_OR_RETURN(in.item, RequiredString(j, "item", 32));
  if (!j.contains("quantity"))
    return Status::Invalid("quantity", "required", "quantity is required");
  if (!j["quantity"].is_number()) return WrongType("quantity");
  const double q = j["quantity"].get<double>();
  const double x100 = std::round(q * 100);
  if (!(q > 0) || q > 1e12 || std::fabs(q * 100 - x100) > 1e-6) {
    return Status::Invalid("quantity", "out_of_range",
                           "quantity must be more than 0 with at most two decimals");
  }
  in.quantity_x100 = static_cast<int64_t>(x100);
  JB_ASSIGN_OR_RETURN(in.from, RequiredString(j, "from", 100));
  JB_ASSIGN_OR_RETURN(in.to, RequiredString(j, "to", 100));
  JB_ASSIGN_OR_RETURN(in.date, RequiredString(j, "date", 10));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> note, OptionalString(j, "note", 500));
  in.note = note.value_or("");
  JB_ASSIGN_OR_RETURN(std::optional<std::string> unit, OptionalString(j, "unit", 16));
  if (unit) {
    const SupplyItem* item = FindSupplyItem(in.item);
    if (item && *unit != item->unit) {
      return Status::Invalid("unit", "unit_mismatch", "the item is counted in " + item->unit)
          .set_text("unit", item->unit);
    }
  }
  return in;
}

Json ReportJson(const Report& r) {
  Json difficulties = Json::array(), needs = Json::array();
  for (const Difficulty& d : r.difficulties) {
    difficulties.push_back({{"category", d.category}, {"text", d.text}});
  }
  for (const Need& n : r.needs) {
    needs.push_back({{"kind", n.kind}, {"quantity", n.quantity}, {"note", n.note}});
  }
  return {{"id", r.id},
          {"org", r.org_code},
          {"org_name", r.org_name},
          {"date", r.date},
          {"status", r.status},
          {"staff_back_pct", r.staff_back_pct},
          {"capacity_pct", r.capacity_pct},
          {"difficulties", difficulties},
          {"needs", needs},
          {"submitted_at", r.submitted_at},
          {"submitted_by", r.submitted_by}};
}

Json ScheduleJson(const Schedule& s) {
  Json j = {{"id", s.id},
            {"name", s.name},
            {"kind", s.kind},
            {"weekday", s.weekday},
            {"start", s.start},
            {"deadline", s.deadline},
            {"first_period", s.first_period},
            {"owner", s.owner_code},
            {"unit_count", s.unit_count},
            {"created_at", s.created_at},
            {"created_by", s.created_by}};
  if (!s.units.empty()) {
    Json units = Json::array();
    for (const ScheduleUnit& u : s.units) {
      units.push_back({{"code", u.code}, {"name", u.name}, {"from", u.from}});
    }
    j["units"] = units;
  }
  return j;
}

Json RateJson(const Rate& r) {
  auto rate = [](int64_t a, int64_t b) { return b ? static_cast<double>(a) / b : 0.0; };
  return {{"schedule", r.schedule_id},
          {"period", {{"index", r.period.index}, {"start", r.period.start}, {"end", r.period.end}}},
          {"expected", r.expected},
          {"reported", r.reported},
          {"on_time", r.on_time},
          {"reporting_rate", rate(r.reported, r.expected)},
          {"on_time_rate", rate(r.on_time, r.expected)},
          {"missing", r.missing},
          {"late", r.late}};
}

Json DashboardJson(const Dashboard& d) {
  auto groups = [](const std::vector<RateGroup>& gs) {
    Json out = Json::array();
    for (const RateGroup& g : gs) {
      out.push_back({{"key", g.key},
                     {"label", g.label},
                     {"expected", g.expected},
                     {"reported", g.reported},
                     {"on_time", g.on_time}});
    }
    return out;
  };
  auto counts = [](const std::vector<std::pair<std::string, int64_t>>& cs) {
    Json out = Json::object();
    for (const auto& [k, n] : cs) out[k] = n;
    return out;
  };
  Json series = Json::array(), units = Json::array();
  for (const SeriesPoint& p : d.series) {
    series.push_back({{"start", p.start},
                      {"expected", p.expected},
                      {"reported", p.reported},
                      {"on_time", p.on_time}});
  }
  for (const UnitStatus& u : d.units) {
    units.push_back({{"code", u.code},
                     {"name", u.name},
                     {"province", u.province},
                     {"sector", u.sector},
                     {"state", u.state},
                     {"status", u.status},
                     {"staff_back_pct", u.staff_back_pct},
                     {"capacity_pct", u.capacity_pct},
                     {"submitted_at", u.submitted_at}});
  }
  return {{"schedule", ScheduleJson(d.schedule)},
          {"rate", RateJson(d.rate)},
          {"by_province", groups(d.by_province)},
          {"by_sector", groups(d.by_sector)},
          {"statuses", counts(d.statuses)},
          {"needs", counts(d.needs)},
          {"series", series},
          {"units", units}};
}

Json FollowupJson(const Followup& f) {
  Json j = {{"id", f.id},
            {"report", f.report_id},
            {"org", f.org_code},
            {"org_name", f.org_name},
            {"report_date", f.report_date},
            {"kind", f.kind},
            {"quantity", f.quantity},
            {"note", f.note},
            {"status", f.status},
            {"owner", f.owner},
            {"created_at", f.created_at},
            {"updated_at", f.updated_at}};
  if (!f.history.empty()) {
    Json h = Json::array();
    for (const FollowupEvent& e : f.history) {
      h.push_back({{"at", e.at},
                   {"actor", e.actor},
                   {"action", e.action},
                   {"status", e.status},
                   {"owner", e.owner},
                   {"note", e.note}});
    }
    j["history"] = h;
  }
  return j;
}

Json TransactionJson(const Transaction& t) {
  return {{"id", t.id},
          {"item", t.item},
          {"unit", t.unit},
          {"quantity", Quantity(t.quantity_x100)},
          {"from", t.from.empty() ? t.from_name : t.from},
          {"from_name", t.from_name},
          {"from_org", !t.from.empty()},
          {"to", t.to.empty() ? t.to_name : t.to},
          {"to_name", t.to_name},
          {"to_org", !t.to.empty()},
          {"date", t.date},
          {"note", t.note},
          {"created_at", t.created_at},
          {"created_by", t.created_by}};
}

Json BalanceJson(const Balance& b) {
  return {{"holder", b.holder},
          {"holder_name", b.holder_name},
          {"item", b.item},
          {"unit", b.unit},
          {"balance", Quantity(b.balance_x100)}};
}

Json SummaryJson(const SupplySummary& s) {
  Json rows = Json::array();
  for (const SupplySummaryRow& r : s.rows) {
    rows.push_back({{"item", r.item},
                    {"unit", r.unit},
                    {"received", Quantity(r.received_x100)},
                    {"donated", Quantity(r.donated_x100)},
                    {"transferred", Quantity(r.transferred_x100)},
                    {"balance", Quantity(r.balance_x100)},
                    {"donors", r.donors}});
  }
  Json donors = Json::array();
  for (const auto& [name, n] : s.top_donors) donors.push_back({{"name", name}, {"count", n}});
  const SupplySection section = SummarySection(s);
  return {{"period", s.year},
          {"scope", s.scope_name},
          {"items", rows},
          {"top_donors", donors},
          {"section", {{"title", section.title}, {"body", section.body}}}};
}

Json MemberJson(const Member& m) {
  return {{"code", m.code},
          {"name", m.name},
          {"short_name", m.short_name},
          {"parent", m.parent_code},
          {"credit_code", m.credit_code},
          {"sector", m.sector},
          {"contact", m.contact},
          {"phone", m.phone},
          {"email", m.email}};
}

std::string ImportErrorMessage(const ImportError& e, const std::string& lang) {
  const std::string text = messages::Text(e.key, lang, e.message);
  return messages::Format(text, {{"field", e.column}, {"value", e.value}});
}

Json ImportResultJson(const ImportResult& r, const std::string& lang) {
  Json rows = Json::array(), errors = Json::array();
  for (const ImportRow& row : r.rows) {
    rows.push_back({{"row", row.row},
                    {"action", row.action},
                    {"code", row.code},
                    {"name", row.member.name},
                    {"short_name", row.member.short_name},
                    {"credit_code", row.member.credit_code},
                    {"contact", row.member.contact},
                    {"phone", row.member.phone},
                    {"email", row.member.email},
                    {"sector", row.member.sector}});
  }
  for (const ImportError& e : r.errors) {
    errors.push_back({{"row", e.row},
                      {"column", e.column},
                      {"key", e.key},
                      {"message", ImportErrorMessage(e, lang)}});
  }
  return {{"dry_run", r.dry_run}, {"stored", r.stored}, {"created", r.created},
          {"updated", r.updated}, {"rows", rows},       {"errors", errors}};
}

}  // namespace jianbao::members
