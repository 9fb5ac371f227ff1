// Copyright 2026 The Jianbao Authors.
//
// JSON forms of the organisations module's values (API and audit log).

#ifndef JIANBAO_ORGS_JSON_H_
#define JIANBAO_ORGS_JSON_H_

#include <nlohmann/json.hpp>

#include "orgs/model.h"

namespace jianbao::orgs {

// Returns the API form of an organisation: id, code, name, short_name, kind, parent (code or null).
nlohmann::json OrgJson(const Org& org);
// Returns the API form of a user, never with any password material.
nlohmann::json UserJson(const User& user);
// Returns the API form of an audit entry, with before/after parsed back to objects.
nlohmann::json AuditJson(const AuditEntry& entry);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_JSON_H_
