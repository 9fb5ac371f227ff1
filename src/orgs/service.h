// Copyright 2026 The Jianbao Authors.
//
// OrgService: the organisation tree, users and roles, sign-in and sessions,
// and the audit log. Roles and organisation scope are checked here, not in
// handlers: an admin manages only their own organisation's subtree.

#ifndef JIANBAO_ORGS_SERVICE_H_
#define JIANBAO_ORGS_SERVICE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/config.h"
#include "core/status.h"
#include "orgs/model.h"
#include "orgs/throttle.h"
#include "orgs/tree.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::orgs {

struct NewOrg {
  std::string code, name, short_name, kind, parent_code;
};

struct NewUser {
  std::string login, password, name, org_code;
  std::vector<std::string> roles;
  std::string email;  // optional
};

struct UserPatch {
  std::optional<std::string> name;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> disabled;
  std::optional<std::string> email;  // "" clears it
  std::optional<int64_t> version;    // the version edited (If-Match); nullopt: any
};

struct SignIn {
  std::string token;  // goes into the session cookie; only its digest is stored
  std::string csrf_token;
  User user;
};

// A live session: who is signed in, and the CSRF token their requests carry.
struct ActiveSession {
  Actor actor;
  std::string csrf_token;
};

// Thread safety: every method may be called from any thread (the server runs
// several handler threads); state lives in the database and LoginThrottle.
class OrgService {
 public:
  // REQUIRES: `db` outlives the service and has this module's migrations applied.
  OrgService(store::Database* db, const Config& config);

  // Sign-in from client address `ip`. Always issues a new session token; the
  // session of `previous_token` (the cookie the client still had, "" for
  // none) ends. Returns kUnauthenticated ("bad_credentials") for a wrong login
  // or password, kTooManyRequests with retry_after_seconds() when this login
  // failed from this address just before, or the address failed too often
  // (LoginThrottle).
  Result<SignIn> Login(const std::string& login, const std::string& password, const std::string& ip,
                       const std::string& previous_token = "");
  // Ends the session of `token`. Returns OK also for an unknown token.
  Status Logout(const Actor& actor, const std::string& token);
  // Returns the live session for a cookie token, or nullopt when the token is
  // unknown, expired, its user disabled, or the database cannot answer.
  std::optional<ActiveSession> Resolve(const std::string& token);
  // Changes the actor's own password and ends the actor's other sessions
  // (all but the one of `current_token`). kInvalidArgument "wrong_password"
  // when `old_password` is wrong, or the policy's errors
  // (CheckPasswordStrength) for `new_password`.
  Status ChangePassword(const Actor& actor, const std::string& old_password,
                        const std::string& new_password, const std::string& current_token);

  // Sets the actor's own e-mail address ("" removes it); kInvalidArgument "invalid_email".
  Result<User> SetOwnEmail(const Actor& actor, const std::string& email);

  // Returns every organisation, parents before children (any signed-in user).
  Result<std::vector<Org>> ListOrgs(const Actor& actor);
  // Returns the whole organisation tree, shared: loaded once and reused until
  // an organisation is added or changed (checked with one cheap statement per
  // call, so every app server on one database sees a change at once).
  Result<std::shared_ptr<const OrgTree>> Tree(const Actor& actor);
  // Creates an organisation under `org.parent_code` (a root when empty: the
  // system actor only). Admins over the parent. Errors: kInvalidArgument
  // "invalid_code", "invalid_org_kind", "parent_not_found"; kPermissionDenied
  // "outside_scope"; kConflict "code_taken". Audited.
  Result<Org> CreateOrg(const Actor& actor, const NewOrg& org);
  // Renames organisation `code` (each of name, short_name, email only when
  // given; email "" removes the contact address). Admins over it; kNotFound
  // "org_not_found"; kInvalidArgument "email" ("invalid_email");
  // kPreconditionFailed "edit_conflict" when `version` is given and no
  // longer current. Audited.
  Result<Org> UpdateOrg(const Actor& actor, const std::string& code,
                        const std::optional<std::string>& name,
                        const std::optional<std::string>& short_name,
                        const std::optional<int64_t>& version = std::nullopt,
                        const std::optional<std::string>& email = std::nullopt);

  // Returns a user: the actor themself, or a user an admin manages.
  // kNotFound "user_not_found"; kPermissionDenied otherwise.
  Result<User> GetUser(const Actor& actor, int64_t id);
  // Lists users of `org_code`'s subtree (the actor's own org when empty; for
  // the system actor, every organisation when empty). Admins only.
  Result<Page<User>> ListUsers(const Actor& actor, const std::string& org_code,
                               const std::string& role, const std::string& text, int offset,
                               int limit);
  // Creates a user in `user.org_code` (admins over it) with the password
  // policy, known roles and a valid login and e-mail; kConflict "login_taken".
  // Audited without any password material.
  Result<User> CreateUser(const Actor& actor, const NewUser& user);
  // Changes a user (admins over the user's organisation). A change of roles,
  // like disabling, ends every session of the user: they sign in again.
  // kPreconditionFailed "edit_conflict" when patch.version is given and no
  // longer current.
  Result<User> UpdateUser(const Actor& actor, int64_t id, const UserPatch& patch);
  // Sets a user's password (admins over the user's organisation; checked
  // before the password policy) and ends every session of the user.
  Status ResetPassword(const Actor& actor, int64_t id, const std::string& password);

  // Presence. Records that the actor has `record` open now ("bulletin_issue:12",
  // "piece:7": a kind of lower-case letters and '_', ':' and a positive id)
  // and returns who else of the actor's organisation has had it open within
  // kPresenceSeconds. Names are only shown within one organisation, so that
  // nobody learns who works on a record they may not see. Errors:
  // kInvalidArgument "wrong_type" (field "record"). Thread safe.
  Result<std::vector<Presence>> Heartbeat(const Actor& actor, const std::string& record);
  // Forgets that the actor has `record` open (the page was left). Thread safe.
  Status Leave(const Actor& actor, const std::string& record);
  static constexpr int kPresenceSeconds = 30;

  // Returns audit entries of the actor's subtree (everything for a root admin). Admins only.
  Result<Page<AuditEntry>> ListAudit(const Actor& actor, AuditFilter filter);

  // Returns true when the database has no users yet (demo data may be loaded).
  Result<bool> IsEmpty();

 private:
  Status RequireAdminOver(soci::session& s, const Actor& actor, int64_t org_id,
                          std::vector<Org>* orgs);
  int session_hours_;
  store::Database* db_;
  LoginThrottle throttle_;
  std::mutex tree_mu_;    // guards the two below
  std::string tree_key_;  // OrgsFingerprint of tree_
  std::shared_ptr<const OrgTree> tree_;
};

// Appends an audit entry inside the caller's transaction. `before`/`after` are
// JSON texts ("" for none). Other modules call this for their state changes.
void Audit(soci::session& s, const Actor& actor, const std::string& action,
           const std::string& entity, const std::string& entity_id, const std::string& before,
           const std::string& after);

// Returns login → {display name, unit (the organisation's short name, else its
// name)} for those of `logins` that are users, read on the caller's session in
// one statement. Other modules call this to show people by name.
std::map<std::string, std::pair<std::string, std::string>> NamesOf(
    soci::session& s, const std::vector<std::string>& logins);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_SERVICE_H_
