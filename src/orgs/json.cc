// Copyright 2026 The Jianbao Authors.

#include "orgs/json.h"

namespace jianbao::orgs {

nlohmann::json OrgJson(const Org& o) {
  return {{"id", o.id},
          {"code", o.code},
          {"name", o.name},
          {"short_name", o.short_name},
          {"kind", o.kind},
          {"parent", o.parent_code.empty() ? nlohmann::json() : nlohmann::json(o.parent_code)}};
}

nlohmann::json UserJson(const User& u) {
  return {{"id", u.id},
          {"login", u.login},
          {"name", u.name},
          {"org", {{"code", u.org_code}, {"name", u.org_name}, {"short_name", u.org_short_name}}},
          {"roles", u.roles},
          {"disabled", u.disabled},
          {"email", u.email},
          {"created_at", u.created_at}};
}

nlohmann::json AuditJson(const AuditEntry& e) {
  auto parse = [](const std::string& s) {
    if (s.empty()) return nlohmann::json();
    nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
    return j.is_discarded() ? nlohmann::json(s) : j;
  };
  return {{"id", e.id},
          {"at", e.at},
          {"actor", e.actor_login},
          {"org", e.org_code},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"before", parse(e.before_json)},
          {"after", parse(e.after_json)},
          {"ip", e.ip}};
}

}  // namespace jianbao::orgs
