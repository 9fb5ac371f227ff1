// Copyright 2026 The Jianbao Authors.

#include "complaints/json.h"

#include "complaints/options.h"
#include "complaints/workflow.h"

namespace jianbao::complaints {

using http::Json;

namespace {

Result<std::string> Opt(const Json& obj, const std::string& key, size_t max) {
  JB_ASSIGN_OR_RETURN(std::optional<std::string> v, http::OptionalString(obj, key, max));
  return v.value_or("");
}

}  // namespace

Result<PublicFiling> ReadFiling(const std::string& body, bool public_form) {
  std::set<std::string> allowed = {
      "kind",           "category", "operator",    "region",
      "name",           "phone",    "description", "operator_contacted_on",
      "operator_answer"};
  if (public_form) {
    allowed.insert("challenge");
    allowed.insert("solution");
  }
  JB_ASSIGN_OR_RETURN(Json obj, http::ParseObject(body, allowed));
  PublicFiling f;
  CaseInput& in = f.input;
  JB_ASSIGN_OR_RETURN(in.kind, http::RequiredString(obj, "kind", 20));
  JB_ASSIGN_OR_RETURN(in.category, http::RequiredString(obj, "category", 40));
  JB_ASSIGN_OR_RETURN(in.operator_code, http::RequiredString(obj, "operator", 20));
  if (public_form) {
    JB_ASSIGN_OR_RETURN(in.region, http::RequiredString(obj, "region", 12));
  } else {
    JB_ASSIGN_OR_RETURN(in.region, Opt(obj, "region", 12));
  }
  JB_ASSIGN_OR_RETURN(in.name, http::RequiredString(obj, "name", kMaxName));
  JB_ASSIGN_OR_RETURN(in.phone, http::RequiredString(obj, "phone", 20));
  JB_ASSIGN_OR_RETURN(in.description, http::RequiredString(obj, "description", kMaxDescription));
  JB_ASSIGN_OR_RETURN(in.operator_contacted_on, Opt(obj, "operator_contacted_on", 10));
  JB_ASSIGN_OR_RETURN(in.operator_answer, Opt(obj, "operator_answer", kMaxAnswer));
  if (public_form) {
    JB_ASSIGN_OR_RETURN(f.challenge, Opt(obj, "challenge", 200));
    JB_ASSIGN_OR_RETURN(f.solution, Opt(obj, "solution", 64));
  }
  return f;
}

Result<ActionInput> ReadAction(const std::string& body) {
  JB_ASSIGN_OR_RETURN(
      Json obj, http::ParseObject(body, {"action", "reason", "text", "reply_outcome", "outcome",
                                         "satisfaction", "target"}));
  ActionInput in;
  JB_ASSIGN_OR_RETURN(in.action, http::RequiredString(obj, "action", 20));
  JB_ASSIGN_OR_RETURN(in.reason, Opt(obj, "reason", 500));
  JB_ASSIGN_OR_RETURN(in.text, Opt(obj, "text", kMaxText));
  JB_ASSIGN_OR_RETURN(in.reply_outcome, Opt(obj, "reply_outcome", 200));
  JB_ASSIGN_OR_RETURN(in.outcome, Opt(obj, "outcome", 500));
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> sat, http::OptionalInt(obj, "satisfaction", 1, 5));
  in.satisfaction = static_cast<int>(sat.value_or(0));
  if (obj.contains("target") && obj["target"].is_number_integer()) {
    in.target = std::to_string(obj["target"].get<int64_t>());
  } else {
    JB_ASSIGN_OR_RETURN(in.target, Opt(obj, "target", 40));
  }
  return in;
}

Result<CalendarDay> ReadCalendarDay(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json obj, http::ParseObject(body, {"kind", "name"}));
  CalendarDay d;
  JB_ASSIGN_OR_RETURN(d.kind, http::RequiredString(obj, "kind", 20));
  JB_ASSIGN_OR_RETURN(d.name, Opt(obj, "name", 40));
  return d;
}

Result<OrgSetting> ReadOrgSetting(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json obj, http::ParseObject(body, {"region", "operator", "province"}));
  OrgSetting o;
  JB_ASSIGN_OR_RETURN(o.region, Opt(obj, "region", 12));
  JB_ASSIGN_OR_RETURN(o.operator_code, Opt(obj, "operator", 20));
  JB_ASSIGN_OR_RETURN(o.province, Opt(obj, "province", 12));
  return o;
}

namespace {

Json ClocksJson(const Complaint& c) {
  Json out = Json::array();
  for (const SlaClock& k : c.clocks) {
    out.push_back({{"name", k.name}, {"due", k.due}, {"done", k.done}, {"state", k.state}});
  }
  return out;
}

}  // namespace

Json CaseItemJson(const Complaint& c) {
  return {{"id", c.id},
          {"number", c.number},
          {"kind", c.kind},
          {"category", c.category},
          {"operator", c.operator_code},
          {"region", c.region},
          {"channel", c.channel},
          {"name", c.name},
          {"phone", c.phone},
          {"personal_data_masked", c.personal_data_masked},
          {"personal_data_erased", !c.purged_at.empty()},
          {"status", c.status},
          {"received_at", c.received_at},
          {"received_on", c.received_on},
          {"accepted_on", c.accepted_on},
          {"forwarded_on", c.forwarded_on},
          {"replied_on", c.replied_on},
          {"closed_on", c.closed_on},
          {"handling", c.handling},
          {"clocks", ClocksJson(c)},
          {"overdue", c.overdue},
          {"satisfaction", c.satisfaction}};
}

Json CaseJson(const Complaint& c, bool details) {
  Json j = CaseItemJson(c);
  j["description"] = c.description;
  j["operator_contacted_on"] = c.operator_contacted_on;
  j["operator_answer"] = c.operator_answer;
  j["refuse_reason"] = c.refuse_reason;
  j["reply_text"] = c.reply_text;
  j["reply_outcome"] = c.reply_outcome;
  j["outcome"] = c.outcome;
  j["merged_into"] = c.merged_into;
  j["merged_into_number"] = c.merged_into_number;
  if (!details) return j;
  Json events = Json::array();
  for (const CaseEvent& e : c.events) {
    events.push_back({{"id", e.id},
                      {"at", e.at},
                      {"action", e.action},
                      {"actor", e.actor_login},
                      {"role", e.actor_role},
                      {"from", e.from_state},
                      {"to", e.to_state},
                      {"text", e.text},
                      {"public", e.is_public}});
  }
  j["events"] = events;
  Json files = Json::array();
  for (const Attachment& a : c.attachments) files.push_back(AttachmentJson(a));
  j["attachments"] = files;
  j["allowed_actions"] = c.allowed_actions;
  return j;
}

Json PublicJson(const Complaint& c) {
  Json replies = Json::array();
  for (const CaseEvent& e : c.events) {
    replies.push_back(
        {{"at", e.at}, {"action", e.action}, {"status", e.to_state}, {"text", e.text}});
  }
  return {{"number", c.number},
          {"kind", c.kind},
          {"category", c.category},
          {"operator", c.operator_code},
          {"region", c.region},
          {"name", c.name},
          {"phone", c.phone},
          {"status", c.status},
          {"received_on", c.received_on},
          {"accept_due", c.accept_due},
          {"accepted_on", c.accepted_on},
          {"closed_on", c.closed_on},
          {"refuse_reason", c.refuse_reason},
          {"outcome", c.outcome},
          {"replies", replies}};
}

namespace {

Json RowJson(const StatsRow& r) {
  return {{"key", r.key},
          {"received", r.received},
          {"consultations", r.consultations},
          {"complaints", r.complaints},
          {"accepted", r.accepted},
          {"not_accepted", r.not_accepted},
          {"resolved_directly", r.resolved_directly},
          {"forwarded", r.forwarded},
          {"replied", r.replied},
          {"closed", r.closed},
          {"overdue", r.overdue},
          {"average_handling_days", r.average_handling_days},
          {"satisfaction", r.satisfaction},
          {"satisfaction_count", r.satisfaction_count}};
}

Json Rows(const std::vector<StatsRow>& rows) {
  Json out = Json::array();
  for (const StatsRow& r : rows) out.push_back(RowJson(r));
  return out;
}

}  // namespace

Json StatsJson(const Stats& s) {
  Json j = RowJson(s.total);
  j.erase("key");
  j["from"] = s.from;
  j["to"] = s.to;
  j["region"] = s.region;
  j["by_category"] = Rows(s.by_category);
  j["by_operator"] = Rows(s.by_operator);
  j["by_region"] = Rows(s.by_region);
  return j;
}

Json CalendarDayJson(const CalendarDay& d) {
  return {{"date", d.date}, {"kind", d.kind}, {"name", d.name}};
}

Json OrgSettingJson(const OrgSetting& o) {
  return {{"org", o.org_code},  {"org_name", o.org_name},      {"org_kind", o.org_kind},
          {"region", o.region}, {"operator", o.operator_code}, {"province", o.province}};
}

Json AttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"mime", a.mime},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_by", a.uploaded_by},
          {"created_at", a.created_at}};
}

Json WorkflowJson() {
  Json rows = Json::array();
  for (const Transition& t : Transitions()) {
    rows.push_back({{"from", t.from},
                    {"action", t.action},
                    {"role", t.role},
                    {"to", t.to},
                    {"needs", NeedsName(t.needs)}});
  }
  return {{"states", States()},
          {"actions", Actions()},
          {"transitions", rows},
          {"reopen_days", kReopenDays}};
}

Json PublicFormJson(const PublicForm& form) {
  Json regions = Json::array();
  for (const RegionInfo& r : Regions()) {
    regions.push_back({{"code", r.code}, {"name_zh", r.zh}, {"name_en", r.en}});
  }
  Json j = {{"categories", Categories()},
            {"operators", Operators()},
            {"regions", regions},
            {"max_description", kMaxDescription},
            {"challenge_enabled", form.challenge_enabled}};
  if (form.challenge_enabled) {
    j["challenge"] = {{"token", form.challenge.token},
                      {"difficulty", form.challenge.difficulty},
                      {"expires_at", form.challenge.expires_at}};
  }
  return j;
}

}  // namespace jianbao::complaints
