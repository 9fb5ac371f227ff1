// Copyright 2026 The Jianbao Authors.
//
// All SQL of the organisations module: organisations, users and roles,
// sessions and the audit log. Functions run on a session the caller got from
// store::Database::Read/Write, so they join the caller's transaction; they
// throw soci errors, which Database turns into a Status.

#ifndef JIANBAO_ORGS_REPOSITORY_H_
#define JIANBAO_ORGS_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "orgs/model.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::orgs::repo {

// Returns this module's migrations (module name "orgs").
std::vector<store::Migration> Migrations();

// Returns every organisation, parents before children.
std::vector<Org> LoadOrgs(soci::session& s);
std::optional<Org> FindOrg(soci::session& s, const std::string& code);
// Returns the new id.
int64_t InsertOrg(soci::session& s, const Org& org, const std::string& now);
void UpdateOrg(soci::session& s, const Org& org);

std::optional<User> FindUser(soci::session& s, int64_t id);
// Returns the user and stores the password hash in *hash.
std::optional<User> FindUserByLogin(soci::session& s, const std::string& login, std::string* hash);
int64_t InsertUser(soci::session& s, const User& user, const std::string& hash,
                   const std::string& now);
// Writes name, disabled and the role set.
void UpdateUser(soci::session& s, const User& user, const std::string& now);
void SetPasswordHash(soci::session& s, int64_t user_id, const std::string& hash,
                     const std::string& now);
PageOf<User> ListUsers(soci::session& s, const UserFilter& filter);
int64_t CountUsers(soci::session& s);

struct SessionRow {
  int64_t user_id = 0;
  std::string csrf_token;
  std::string expires_at;
};
void InsertSession(soci::session& s, const std::string& digest, int64_t user_id,
                   const std::string& csrf, const std::string& now, const std::string& expires,
                   const std::string& ip);
std::optional<SessionRow> FindSession(soci::session& s, const std::string& digest);
// Returns the session for `digest` and its user (id, login, name, org id and
// code, roles, disabled; no e-mail) in one statement, or nullopt when there is
// no such session. Expiry and `disabled` are the caller's to check.
std::optional<std::pair<SessionRow, User>> FindSessionUser(soci::session& s,
                                                           const std::string& digest);
void DeleteSession(soci::session& s, const std::string& digest);
void DeleteUserSessions(soci::session& s, int64_t user_id);
// Deletes every session of `user_id` except the one whose digest is `keep_digest`.
void DeleteOtherUserSessions(soci::session& s, int64_t user_id, const std::string& keep_digest);
void DeleteExpiredSessions(soci::session& s, const std::string& now);

void AppendAudit(soci::session& s, const AuditEntry& e);

// Failed sign-ins for the throttle; `kind` is "login" or "ip". Times are Unix seconds.
void AddLoginFailure(soci::session& s, const std::string& kind, const std::string& key, int64_t at);
// Returns the times of `key`'s failures after `after`, oldest first.
std::vector<int64_t> RecentLoginFailures(soci::session& s, const std::string& kind,
                                         const std::string& key, int64_t after);
void ClearLoginFailures(soci::session& s, const std::string& kind, const std::string& key);
void DropLoginFailuresBefore(soci::session& s, int64_t before);
PageOf<AuditEntry> ListAudit(soci::session& s, const AuditFilter& filter);

}  // namespace jianbao::orgs::repo

#endif  // JIANBAO_ORGS_REPOSITORY_H_
