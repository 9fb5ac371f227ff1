// Copyright 2026 The Jianbao Authors.
//
// Values of the organisations module: organisations, users, audit entries.

#ifndef JIANBAO_ORGS_MODEL_H_
#define JIANBAO_ORGS_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/edit_version.h"
#include "core/page.h"

namespace jianbao::orgs {

// Organisation kinds, as stored.
inline const std::vector<std::string>& OrgKinds() {
  static const std::vector<std::string> kKinds = {"national", "secretariat", "provincial",
                                                  "member",   "operator",    "government"};
  return kKinds;
}

struct Org {
  int64_t id = 0;
  std::string code;        // stable, URL-safe: "hubei"
  std::string name;        // 湖北省通信行业协会
  std::string short_name;  // 湖北行协
  std::string kind;
  int64_t parent_id = 0;  // 0 for a root
  std::string parent_code;
  EditStamp stamp;  // version (If-Match), who saved it last and when
  // Optional contact address: where documents go to an organisation without
  // accounts (a government body), "" = delivered on paper.
  std::string email;
};

struct User {
  int64_t id = 0;
  std::string login;
  std::string name;
  int64_t org_id = 0;
  std::string org_code;
  std::string org_name;
  std::string org_short_name;
  std::vector<std::string> roles;
  bool disabled = false;
  std::string created_at;
  std::string email;  // optional; where bulletins are e-mailed ("" = none)
  EditStamp stamp;    // version (If-Match), who saved it last and when
};

// Someone who has a record open (presence: a heartbeat kept in the database,
// so that it works across several app servers).
struct Presence {
  int64_t user_id = 0;
  std::string login, name;
  int64_t seen_at = 0;  // unix seconds of the last heartbeat
};

struct UserFilter {
  std::vector<int64_t> org_ids;  // users of any of these organisations
  std::string role;              // "" = any
  std::string text;              // matches login or name; "" = any
  int offset = 0;
  int limit = 20;
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;
  int64_t actor_id = 0;
  std::string actor_login;
  std::string org_code;
  std::string action;       // "user.create"
  std::string entity;       // "user"
  std::string entity_id;    // "42"
  std::string before_json;  // "" when none
  std::string after_json;
  std::string ip;
};

struct AuditFilter {
  std::vector<int64_t> org_ids;  // entries of these organisations; empty = all
  std::string actor_login;
  std::string action;  // prefix match
  std::string entity;
  std::string from_date;  // "YYYY-MM-DD" inclusive, Asia/Shanghai is not applied: UTC dates
  std::string to_date;
  int offset = 0;
  int limit = 20;
};

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_MODEL_H_
