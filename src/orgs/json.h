// Copyright 2026 The Jianbao Authors.
//
// JSON forms of the organisations module's values (API and audit log).

#ifndef JIANBAO_ORGS_JSON_H_
#define JIANBAO_ORGS_JSON_H_

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "orgs/model.h"
#include "orgs/service.h"

namespace jianbao::orgs {

// Returns the API form of an organisation: id, code, name, short_name, kind, parent (code or null).
nlohmann::json OrgJson(const Org& org);
// Returns the API form of a user, never with any password material.
nlohmann::json UserJson(const User& user);
// Returns the API form of an audit entry, with before/after parsed back to objects.
nlohmann::json AuditJson(const AuditEntry& entry);

// Request bodies. Each Read* parses a body (http::ParseObject: strict JSON, known
// fields only) and returns kInvalidArgument naming the field that is missing,
// of the wrong type or too long. Rules about values (password policy, roles,
// scope) are the service's.

struct SignInInput {
  std::string login, password;
};
// {"login", "password"}: both required, the password exactly as typed.
Result<SignInInput> ReadSignIn(const std::string& body);

struct PasswordChangeInput {
  std::string old_password, new_password;
};
// {"old_password", "new_password"}: both strings.
Result<PasswordChangeInput> ReadPasswordChange(const std::string& body);
// {"email"}: required ("" removes the address).
Result<std::string> ReadEmail(const std::string& body);
// {"code", "name", "short_name", "kind", "parent"}: code, name and kind required.
Result<NewOrg> ReadNewOrg(const std::string& body);

struct OrgPatch {
  std::optional<std::string> name, short_name, email;
  std::optional<int64_t> version;  // the version edited (If-Match); nullopt: any
};
// {"name", "short_name", "email", "version"}: all optional; a name may not be
// empty; email "" removes the contact address.
Result<OrgPatch> ReadOrgPatch(const std::string& body);
// {"login", "password", "org", "roles", "name", "email"}: login, password, org, name required.
Result<NewUser> ReadNewUser(const std::string& body);
// {"name", "roles", "disabled", "email"}: all optional; a name may not be empty.
Result<UserPatch> ReadUserPatch(const std::string& body);
// {"password"}: a string.
Result<std::string> ReadPassword(const std::string& body);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_JSON_H_
