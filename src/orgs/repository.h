// Copyright 2026 The Jianbao Authors.
//
// All SQL of the organisations module: organisations, users and roles,
// sessions and the audit log. Functions run on a session the caller got from
// store::Database::Read/Write, so they join the caller's transaction; they
// throw soci errors, which Database turns into a Status.
//
// Thread safety: stateless; safe on any thread, each call on the caller's
// session (a session is used by one thread at a time).

#ifndef JIANBAO_ORGS_REPOSITORY_H_
#define JIANBAO_ORGS_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
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
// Returns a value that changes whenever the organisation table changes
// (organisations are never deleted and every update claims a new version, so
// the row count and the sum of versions tell): the key of OrgService's tree cache.
std::string OrgsFingerprint(soci::session& s);
// Returns the organisation with `code`, or nullopt.
std::optional<Org> FindOrg(soci::session& s, const std::string& code);
// Inserts an organisation (parent_id, code, name, short_name, kind) created at
// `now`; returns the new id. A duplicate code throws a unique-key violation,
// which Database turns into kConflict.
int64_t InsertOrg(soci::session& s, const Org& org, const std::string& now);
// Writes the name, short name and e-mail of organisation `org.id`.
void UpdateOrg(soci::session& s, const Org& org);

// Batch forms for imports (members): one statement per 200 organisations, so
// that 5,000 rows cost 25 round trips instead of 5,000 (PostgreSQL). Both
// produce exactly what the single-row functions produce, on both engines.
//
// Inserts every organisation of `orgs` as InsertOrg does (created at `now`);
// returns the new ids in the order of `orgs`. A duplicate code throws a
// unique-key violation (kConflict through Database).
// REQUIRES: inside Database::Write; distinct codes.
std::vector<int64_t> InsertOrgs(soci::session& s, const std::vector<Org>& orgs,
                                const std::string& now);
// For every organisation of `orgs`: claims its next version with no expected
// version (as ClaimOrgVersion(s, id, nullopt, by, at): version + 1, updated_by
// `by`, updated_at `at`) and writes its name, short name and e-mail (as
// UpdateOrg) — each row's version goes up exactly once. Errors kNotFound
// "not_found" when one of them no longer exists (the caller rolls back).
// REQUIRES: inside Database::Write; distinct ids.
Status ClaimAndUpdateOrgs(soci::session& s, const std::vector<Org>& orgs, const std::string& by,
                          const std::string& at);

// Presence: records that `actor` has `record` open at unix time `now`.
void Heartbeat(soci::session& s, const std::string& record, const Actor& actor, int64_t now);
// Forgets that `user_id` has `record` open.
void LeaveRecord(soci::session& s, const std::string& record, int64_t user_id);
// Returns who of organisation `org_id` other than `except_user` has had
// `record` open since unix time `since`, by name.
std::vector<Presence> Present(soci::session& s, const std::string& record, int64_t org_id,
                              int64_t except_user, int64_t since);
// Deletes heartbeats older than unix time `before`.
void ForgetPresence(soci::session& s, int64_t before);
// Claim the next version of organisation / user `id` (store::ClaimVersion):
// errors EditConflict when it no longer has version `expected`.
// REQUIRES: inside Database::Write, before UpdateOrg / UpdateUser.
Status ClaimOrgVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                       const std::string& by, const std::string& at);
Status ClaimUserVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                        const std::string& by, const std::string& at);

// Returns the user with `id` (with organisation code and name, roles and
// e-mail), or nullopt.
std::optional<User> FindUser(soci::session& s, int64_t id);
// Returns the user and stores the password hash in *hash.
// The users with any of `logins` (unknown logins are skipped), with their
// organisation's names.
std::vector<User> FindUsersByLogin(soci::session& s, const std::vector<std::string>& logins);

std::optional<User> FindUserByLogin(soci::session& s, const std::string& login, std::string* hash);
// Inserts a user with password hash `hash` and the user's roles; returns the
// new id. A duplicate login throws a unique-key violation (kConflict).
int64_t InsertUser(soci::session& s, const User& user, const std::string& hash,
                   const std::string& now);
// Writes name, disabled, e-mail and the role set of `user.id`.
void UpdateUser(soci::session& s, const User& user, const std::string& now);
// Replaces the password hash of `user_id`.
void SetPasswordHash(soci::session& s, int64_t user_id, const std::string& hash,
                     const std::string& now);
// Returns one page of the users matching `filter` (by login), with the total
// matching count. Costs the same number of statements for any page size.
Page<User> ListUsers(soci::session& s, const UserFilter& filter);
// Returns the number of users (0 on a fresh database).
int64_t CountUsers(soci::session& s);

struct SessionRow {
  int64_t user_id = 0;
  std::string csrf_token;
  std::string expires_at;
};
// Stores a session under the digest of its token (never the token itself).
void InsertSession(soci::session& s, const std::string& digest, int64_t user_id,
                   const std::string& csrf, const std::string& now, const std::string& expires,
                   const std::string& ip);
// Returns the session stored under `digest`, or nullopt.
std::optional<SessionRow> FindSession(soci::session& s, const std::string& digest);
// Returns the session for `digest` and its user (id, login, name, org id and
// code, roles, disabled; no e-mail) in one statement, or nullopt when there is
// no such session. Expiry and `disabled` are the caller's to check.
std::optional<std::pair<SessionRow, User>> FindSessionUser(soci::session& s,
                                                           const std::string& digest);
// Deletes the session stored under `digest` (nothing when there is none).
void DeleteSession(soci::session& s, const std::string& digest);
// Deletes every session of `user_id`.
void DeleteUserSessions(soci::session& s, int64_t user_id);
// Deletes every session of `user_id` except the one whose digest is `keep_digest`.
void DeleteOtherUserSessions(soci::session& s, int64_t user_id, const std::string& keep_digest);
// Deletes the sessions that expired before `now`.
void DeleteExpiredSessions(soci::session& s, const std::string& now);

// Appends `e` to the audit log (its id is assigned by the database).
void AppendAudit(soci::session& s, const AuditEntry& e);

// Failed sign-ins for the throttle; `kind` is "login" or "ip". Times are Unix seconds.
void AddLoginFailure(soci::session& s, const std::string& kind, const std::string& key, int64_t at);
// Returns the times of `key`'s failures after `after`, oldest first.
std::vector<int64_t> RecentLoginFailures(soci::session& s, const std::string& kind,
                                         const std::string& key, int64_t after);
// Forgets every failure of `key` (after a successful sign-in).
void ClearLoginFailures(soci::session& s, const std::string& kind, const std::string& key);
// Forgets every failure older than `before`, of any key.
void DropLoginFailuresBefore(soci::session& s, int64_t before);
// Returns one page of audit entries matching `filter`, newest first, with the
// total matching count.
Page<AuditEntry> ListAudit(soci::session& s, const AuditFilter& filter);

}  // namespace jianbao::orgs::repo

#endif  // JIANBAO_ORGS_REPOSITORY_H_
