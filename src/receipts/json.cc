// Copyright 2026 The Jianbao Authors.

#include "receipts/json.h"

namespace jianbao::receipts {

using nlohmann::json;

namespace {

json Opt(const std::string& s) { return s.empty() ? json() : json(s); }

}  // namespace

json UnitJson(const Unit& u) {
  return {{"org", {{"code", u.org_code}, {"name", u.org_name}}},
          {"external", u.external},
          {"delivery", u.delivery},
          {"state", u.state},
          {"people", u.people},
          {"read", u.read},
          {"acknowledged", u.acknowledged},
          {"read_at", Opt(u.read_at)},
          {"acknowledged_at", Opt(u.acknowledged_at)},
          {"reminders", u.reminders},
          {"last_reminded_at", Opt(u.last_reminded_at)},
          {"mail_status", Opt(u.mail_status)},
          {"mailed_at", Opt(u.mailed_at)},
          {"can_remind_at",
           u.last_reminded_unix ? json(u.last_reminded_unix + kReminderIntervalSeconds) : json()}};
}

json PersonJson(const Person& p) {
  return {{"user_id", p.user_id},
          {"login", p.login},
          {"name", p.name},
          {"org", {{"code", p.org_code}, {"name", p.org_name}}},
          {"delivered_at", p.delivered_at},
          {"read_at", Opt(p.read_at)},
          {"acknowledged_at", Opt(p.acknowledged_at)}};
}

json UnitCountsJson(const Summary& s) {
  return {{"total", s.units_total},
          {"read", s.units_read},
          {"acknowledged", s.units_acknowledged},
          {"external", s.units_external}};
}

json UnitsJson(const Summary& s) {
  json units = json::array();
  for (const Unit& u : s.units) units.push_back(UnitJson(u));
  return {{"units", units}, {"unit_counts", UnitCountsJson(s)}};
}

json RemindResultJson(const RemindResult& r) {
  return {{"reminded", r.reminded}, {"notified", r.notified}, {"emailed", r.mails.size()}};
}

Result<std::vector<std::string>> ReadRemindUnits(const std::string& body) {
  std::vector<std::string> out;
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return out;
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Invalid("", "invalid_json", "the body is not a JSON object");
  }
  if (!j.contains("units") || j["units"].is_null()) return out;
  if (!j["units"].is_array() || j["units"].size() > 1000) {
    return Status::Invalid("units", "invalid_units", "units: a list of organisation codes");
  }
  for (const json& u : j["units"]) {
    if (!u.is_string()) {
      return Status::Invalid("units", "invalid_units", "units: a list of organisation codes");
    }
    out.push_back(u.get<std::string>());
  }
  return out;
}

}  // namespace jianbao::receipts
