// Copyright 2026 The Jianbao Authors.

#include "orgs/json.h"

#include "http/json_io.h"

namespace jianbao::orgs {

nlohmann::json OrgJson(const Org& o) {
  return {{"id", o.id},
          {"code", o.code},
          {"name", o.name},
          {"short_name", o.short_name},
          {"kind", o.kind},
          {"email", o.email},
          {"parent", o.parent_code.empty() ? nlohmann::json() : nlohmann::json(o.parent_code)},
          {"version", o.stamp.version},
          {"updated_by", o.stamp.by},
          {"updated_at", o.stamp.at}};
}

nlohmann::json UserJson(const User& u) {
  return {{"id", u.id},
          {"login", u.login},
          {"name", u.name},
          {"org", {{"code", u.org_code}, {"name", u.org_name}, {"short_name", u.org_short_name}}},
          {"roles", u.roles},
          {"disabled", u.disabled},
          {"email", u.email},
          {"created_at", u.created_at},
          {"version", u.stamp.version},
          {"updated_by", u.stamp.by},
          {"updated_at", u.stamp.at}};
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

Result<SignInInput> ReadSignIn(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"login", "password"}));
  SignInInput in;
  JB_ASSIGN_OR_RETURN(in.login, http::RequiredString(obj, "login", 64));
  JB_ASSIGN_OR_RETURN(in.password, http::RequiredSecret(obj, "password", false));
  return in;
}

Result<PasswordChangeInput> ReadPasswordChange(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"old_password", "new_password"}));
  PasswordChangeInput in;
  JB_ASSIGN_OR_RETURN(in.old_password, http::RequiredSecret(obj, "old_password", true));
  JB_ASSIGN_OR_RETURN(in.new_password, http::RequiredSecret(obj, "new_password", true));
  return in;
}

Result<std::string> ReadEmail(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"email"}));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> email, http::OptionalString(obj, "email", 254));
  if (!email) return Status::Invalid("email", "required", "email is required");
  return *email;
}

Result<NewOrg> ReadNewOrg(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj,
                      http::ParseObject(body, {"code", "name", "short_name", "kind", "parent"}));
  NewOrg org;
  for (auto [key, out, required] :
       {std::tuple{"code", &org.code, true}, std::tuple{"name", &org.name, true},
        std::tuple{"short_name", &org.short_name, false}, std::tuple{"kind", &org.kind, true},
        std::tuple{"parent", &org.parent_code, false}}) {
    JB_ASSIGN_OR_RETURN(std::optional<std::string> v, http::OptionalString(obj, key, 100));
    if (required && (!v || v->empty())) {
      return Status::Invalid(key, "required", std::string(key) + " is required");
    }
    *out = v.value_or("");
  }
  return org;
}

Result<OrgPatch> ReadOrgPatch(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj,
                      http::ParseObject(body, {"name", "short_name", "email", "version"}));
  OrgPatch patch;
  JB_ASSIGN_OR_RETURN(patch.version, http::OptionalInt(obj, "version", 1, INT64_MAX));
  JB_ASSIGN_OR_RETURN(patch.name, http::OptionalString(obj, "name", 100));
  if (patch.name && patch.name->empty()) {
    return Status::Invalid("name", "required", "name is required");
  }
  JB_ASSIGN_OR_RETURN(patch.short_name, http::OptionalString(obj, "short_name", 50));
  JB_ASSIGN_OR_RETURN(patch.email, http::OptionalString(obj, "email", 254));
  return patch;
}

Result<NewUser> ReadNewUser(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"login", "password", "org", "roles",
                                                               "name", "email"}));
  NewUser u;
  JB_ASSIGN_OR_RETURN(u.login, http::RequiredString(obj, "login", 64));
  JB_ASSIGN_OR_RETURN(u.name, http::RequiredString(obj, "name", 50));
  JB_ASSIGN_OR_RETURN(u.org_code, http::RequiredString(obj, "org", 32));
  JB_ASSIGN_OR_RETURN(auto roles, http::OptionalStringArray(obj, "roles", 10, 32));
  JB_ASSIGN_OR_RETURN(auto email, http::OptionalString(obj, "email", 254));
  JB_ASSIGN_OR_RETURN(u.password, http::RequiredSecret(obj, "password", true));
  u.roles = roles.value_or(std::vector<std::string>{});
  u.email = email.value_or("");
  return u;
}

Result<UserPatch> ReadUserPatch(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj,
                      http::ParseObject(body, {"name", "roles", "disabled", "email", "version"}));
  UserPatch patch;
  JB_ASSIGN_OR_RETURN(patch.version, http::OptionalInt(obj, "version", 1, INT64_MAX));
  JB_ASSIGN_OR_RETURN(patch.name, http::OptionalString(obj, "name", 50));
  if (patch.name && patch.name->empty()) {
    return Status::Invalid("name", "required", "name is required");
  }
  JB_ASSIGN_OR_RETURN(patch.roles, http::OptionalStringArray(obj, "roles", 10, 32));
  JB_ASSIGN_OR_RETURN(patch.disabled, http::OptionalBool(obj, "disabled"));
  JB_ASSIGN_OR_RETURN(patch.email, http::OptionalString(obj, "email", 254));
  return patch;
}

Result<std::string> ReadPassword(const std::string& body) {
  JB_ASSIGN_OR_RETURN(http::Json obj, http::ParseObject(body, {"password"}));
  return http::RequiredSecret(obj, "password", true);
}

}  // namespace jianbao::orgs
