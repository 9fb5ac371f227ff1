// Copyright 2026 The Jianbao Authors.

#include "orgs/service.h"

#include <soci/soci.h>

#include <algorithm>
#include <regex>

#include "core/clock.h"
#include "core/text.h"
#include "orgs/json.h"
#include "orgs/password.h"
#include "orgs/repository.h"
#include "orgs/tree.h"

namespace jianbao::orgs {
namespace {

const Org* FindById(const std::vector<Org>& orgs, int64_t id) {
  for (const Org& o : orgs) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

const Org* FindByCode(const std::vector<Org>& orgs, const std::string& code) {
  for (const Org& o : orgs) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

Status CheckRoles(const std::vector<std::string>& roles) {
  for (const std::string& r : roles) {
    const auto& all = AllRoles();
    if (std::find(all.begin(), all.end(), r) == all.end()) {
      return Status::Invalid("roles", "invalid_role", "invalid role: " + r);
    }
  }
  return Status::Ok();
}

// An address for SMTP: ASCII local part and a dotted domain, no spaces or
// line breaks (it goes into mail headers). "" means none.
Status CheckEmail(const std::string& email) {
  if (email.empty()) return Status::Ok();
  if (!text::IsValidEmail(email)) {
    return Status::Invalid("email", "invalid_email", "invalid e-mail address");
  }
  return Status::Ok();
}

std::vector<std::string> Dedup(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

Status Unauthenticated(const std::string& key, const std::string& msg) {
  return Status(Code::kUnauthenticated, key, msg);
}

}  // namespace

std::map<std::string, std::pair<std::string, std::string>> NamesOf(
    soci::session& s, const std::vector<std::string>& logins) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  for (const User& u : repo::FindUsersByLogin(s, logins)) {
    out[u.login] = {u.name, u.org_short_name.empty() ? u.org_name : u.org_short_name};
  }
  return out;
}

void Audit(soci::session& s, const Actor& actor, const std::string& action,
           const std::string& entity, const std::string& entity_id, const std::string& before,
           const std::string& after) {
  AuditEntry e;
  e.at = clock::NowIso();
  e.actor_id = actor.user_id;
  e.actor_login = actor.login;
  e.org_code = actor.org_code;
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  e.before_json = before;
  e.after_json = after;
  e.ip = actor.ip;
  repo::AppendAudit(s, e);
}

OrgService::OrgService(store::Database* db, const Config& config)
    : session_hours_(static_cast<int>(config.GetInt("security.session_hours", 12))),
      db_(db),
      throttle_(LoginThrottle::Limits{
          static_cast<int>(config.GetInt("security.login_free_failures", 2)),
          static_cast<int>(config.GetInt("security.login_max_wait_seconds", 60)),
          static_cast<int>(config.GetInt("security.ip_max_failures", 30)),
          static_cast<int>(config.GetInt("security.login_window_seconds", 900))}) {}

Status OrgService::RequireAdminOver(soci::session& s, const Actor& actor, int64_t org_id,
                                    std::vector<Org>* orgs) {
  *orgs = repo::LoadOrgs(s);
  if (actor.is_system()) return Status::Ok();
  if (!actor.HasRole(kRoleAdmin)) return Status::Denied("admins only");
  if (!OrgTree(*orgs).IsIdAtOrBelow(org_id, actor.org_id)) {
    return Status(Code::kPermissionDenied, "outside_scope", "outside your organisation's subtree");
  }
  return Status::Ok();
}

Result<SignIn> OrgService::Login(const std::string& login, const std::string& password,
                                 const std::string& ip, const std::string& previous_token) {
  const int64_t now = clock::NowUnix();
  std::optional<User> user;
  std::string hash;
  int wait = 0;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    wait = throttle_.RetryAfter(s, login, ip, now);
    if (wait == 0) user = repo::FindUserByLogin(s, login, &hash);
    return Status::Ok();
  }));
  if (wait > 0) {
    return Status(Code::kTooManyRequests, "too_many_requests", "too many failed sign-ins")
        .set_retry_after_seconds(wait);
  }
  // Verify even for unknown logins so that timing does not reveal which exist.
  static const std::string kDummy = HashPassword("timing-equaliser").value();
  const bool match = VerifyPassword(user ? hash : kDummy, password);
  if (!user || !match) {
    JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
      throttle_.Fail(s, login, ip, now);
      return Status::Ok();
    }));
    return Unauthenticated("bad_credentials", "wrong login or password");
  }
  if (user->disabled) return Unauthenticated("account_disabled", "account disabled");
  SignIn out{RandomToken(), RandomToken(16), *user};
  Actor actor;
  actor.user_id = user->id;
  actor.login = user->login;
  actor.org_code = user->org_code;
  actor.ip = ip;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    const std::string now_iso = clock::FormatIso(now);
    repo::DeleteExpiredSessions(s, now_iso);
    if (!previous_token.empty()) repo::DeleteSession(s, TokenDigest(previous_token));
    throttle_.Succeed(s, login, ip);
    repo::InsertSession(s, TokenDigest(out.token), user->id, out.csrf_token, now_iso,
                        clock::FormatIso(now + session_hours_ * 3600), ip);
    Audit(s, actor, "session.create", "user", std::to_string(user->id), "", "");
    return Status::Ok();
  }));
  return out;
}

Status OrgService::Logout(const Actor& actor, const std::string& token) {
  return db_->Write([&](soci::session& s) {
    repo::DeleteSession(s, TokenDigest(token));
    Audit(s, actor, "session.delete", "user", std::to_string(actor.user_id), "", "");
    return Status::Ok();
  });
}

std::optional<ActiveSession> OrgService::Resolve(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  std::optional<ActiveSession> out;
  Status st = db_->Read([&](soci::session& s) {
    auto found = repo::FindSessionUser(s, TokenDigest(token));
    if (!found || found->first.expires_at < clock::NowIso() || found->second.disabled) {
      return Status::Ok();
    }
    const repo::SessionRow* row = &found->first;
    const User* user = &found->second;
    ActiveSession session;
    session.actor.user_id = user->id;
    session.actor.login = user->login;
    session.actor.name = user->name;
    session.actor.org_id = user->org_id;
    session.actor.org_code = user->org_code;
    session.actor.roles = user->roles;
    session.csrf_token = row->csrf_token;
    out = session;
    return Status::Ok();
  });
  if (!st.ok()) return std::nullopt;
  return out;
}

Status OrgService::ChangePassword(const Actor& actor, const std::string& old_password,
                                  const std::string& new_password,
                                  const std::string& current_token) {
  JB_RETURN_IF_ERROR(CheckPasswordStrength(new_password, "new_password", actor.login));
  std::string hash;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    repo::FindUserByLogin(s, actor.login, &hash);
    return Status::Ok();
  }));
  if (!VerifyPassword(hash, old_password)) {
    return Status::Invalid("old_password", "wrong_password", "the current password is wrong");
  }
  JB_ASSIGN_OR_RETURN(std::string new_hash, HashPassword(new_password));
  return db_->Write([&](soci::session& s) {
    repo::SetPasswordHash(s, actor.user_id, new_hash, clock::NowIso());
    repo::DeleteOtherUserSessions(s, actor.user_id, TokenDigest(current_token));
    Audit(s, actor, "user.password_change", "user", std::to_string(actor.user_id), "", "");
    return Status::Ok();
  });
}

Result<User> OrgService::SetOwnEmail(const Actor& actor, const std::string& email) {
  JB_RETURN_IF_ERROR(CheckEmail(email));
  User after;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    std::optional<User> before = repo::FindUser(s, actor.user_id);
    if (!before) return Status::NotFound("user_not_found", "no such user");
    const std::string now = clock::NowIso();
    JB_RETURN_IF_ERROR(repo::ClaimUserVersion(s, before->id, {}, EditorName(actor), now));
    after = *before;
    after.stamp = {before->stamp.version + 1, EditorName(actor), now};
    after.email = email;
    repo::UpdateUser(s, after, now);
    Audit(s, actor, "user.email_change", "user", std::to_string(actor.user_id),
          nlohmann::json{{"email", before->email}}.dump(), nlohmann::json{{"email", email}}.dump());
    return Status::Ok();
  }));
  return after;
}

Result<std::vector<Org>> OrgService::ListOrgs(const Actor& actor) {
  JB_ASSIGN_OR_RETURN(std::shared_ptr<const OrgTree> tree, Tree(actor));
  return tree->orgs();
}

Result<std::shared_ptr<const OrgTree>> OrgService::Tree(const Actor& actor) {
  std::shared_ptr<const OrgTree> tree;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    std::string key = repo::OrgsFingerprint(s);
    {
      std::lock_guard<std::mutex> lock(tree_mu_);
      if (tree_ && key == tree_key_) {
        tree = tree_;
        return Status::Ok();
      }
    }
    tree = std::make_shared<const OrgTree>(repo::LoadOrgs(s));
    std::lock_guard<std::mutex> lock(tree_mu_);
    tree_key_ = std::move(key);
    tree_ = tree;
    return Status::Ok();
  }));
  return tree;
}

Result<Org> OrgService::CreateOrg(const Actor& actor, const NewOrg& in) {
  if (!text::IsValidCode(in.code)) {
    return Status::Invalid("code", "invalid_code", "invalid organisation code");
  }
  const auto& kinds = OrgKinds();
  if (std::find(kinds.begin(), kinds.end(), in.kind) == kinds.end()) {
    return Status::Invalid("kind", "invalid_org_kind", "invalid organisation kind: " + in.kind);
  }
  Org created;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    std::vector<Org> orgs = repo::LoadOrgs(s);
    std::optional<Org> parent;
    if (const Org* p = FindByCode(orgs, in.parent_code)) parent = *p;
    if (!in.parent_code.empty() && !parent) {
      return Status::Invalid("parent", "parent_not_found", "no such parent: " + in.parent_code);
    }
    if (!parent && !actor.is_system()) return Status::Denied("only the system creates roots");
    if (parent) JB_RETURN_IF_ERROR(RequireAdminOver(s, actor, parent->id, &orgs));
    if (FindByCode(orgs, in.code)) {
      return Status::Conflict("code_taken", "organisation code taken", "code");
    }
    created = Org{0,
                  in.code,
                  in.name,
                  in.short_name,
                  in.kind,
                  parent ? parent->id : 0,
                  parent ? parent->code : "",
                  {},
                  ""};
    created.id = repo::InsertOrg(s, created, clock::NowIso());
    Audit(s, actor, "org.create", "org", created.code, "", OrgJson(created).dump());
    return Status::Ok();
  }));
  return created;
}

Result<Org> OrgService::UpdateOrg(const Actor& actor, const std::string& code,
                                  const std::optional<std::string>& name,
                                  const std::optional<std::string>& short_name,
                                  const std::optional<int64_t>& version,
                                  const std::optional<std::string>& email) {
  if (email) JB_RETURN_IF_ERROR(CheckEmail(*email));
  Org after;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    std::optional<Org> org = repo::FindOrg(s, code);
    if (!org) return Status::NotFound("org_not_found", "no such organisation: " + code);
    std::vector<Org> orgs;
    JB_RETURN_IF_ERROR(RequireAdminOver(s, actor, org->id, &orgs));
    const std::string now = clock::NowIso();
    JB_RETURN_IF_ERROR(repo::ClaimOrgVersion(s, org->id, version, EditorName(actor), now));
    after = *org;
    if (name) after.name = *name;
    if (short_name) after.short_name = *short_name;
    if (email) after.email = *email;
    repo::UpdateOrg(s, after);
    after.stamp = {org->stamp.version + 1, EditorName(actor), now};
    Audit(s, actor, "org.update", "org", code, OrgJson(*org).dump(), OrgJson(after).dump());
    return Status::Ok();
  }));
  return after;
}

Result<User> OrgService::GetUser(const Actor& actor, int64_t id) {
  std::optional<User> user;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    user = repo::FindUser(s, id);
    if (!user) return Status::NotFound("user_not_found", "no such user");
    std::vector<Org> orgs;
    if (actor.user_id == id) return Status::Ok();
    return RequireAdminOver(s, actor, user->org_id, &orgs);
  }));
  return *user;
}

Result<Page<User>> OrgService::ListUsers(const Actor& actor, const std::string& org_code,
                                         const std::string& role, const std::string& text,
                                         int offset, int limit) {
  Page<User> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    std::vector<Org> orgs = repo::LoadOrgs(s);
    UserFilter f{{}, role, text, offset, limit};
    if (org_code.empty() && actor.is_system()) {
      for (const Org& o : orgs) f.org_ids.push_back(o.id);  // the CLI: every organisation
    } else {
      const Org* org = FindByCode(orgs, org_code.empty() ? actor.org_code : org_code);
      if (!org) {
        return Status::Invalid("org", "org_not_found", "no such organisation: " + org_code);
      }
      const int64_t org_id = org->id;  // RequireAdminOver may reload `orgs`
      JB_RETURN_IF_ERROR(RequireAdminOver(s, actor, org_id, &orgs));
      f.org_ids = OrgTree(orgs).SubtreeIds(org_id);
    }
    page = repo::ListUsers(s, f);
    return Status::Ok();
  }));
  return page;
}

Result<User> OrgService::CreateUser(const Actor& actor, const NewUser& in) {
  if (!text::IsValidLogin(in.login)) {
    return Status::Invalid("login", "invalid_login", "invalid login");
  }
  JB_RETURN_IF_ERROR(CheckPasswordStrength(in.password, "password", in.login));
  JB_RETURN_IF_ERROR(CheckRoles(in.roles));
  JB_RETURN_IF_ERROR(CheckEmail(in.email));
  if (in.roles.empty()) return Status::Invalid("roles", "required", "at least one role");
  JB_ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password));
  User created;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    std::optional<Org> org = repo::FindOrg(s, in.org_code);
    if (!org)
      return Status::Invalid("org", "org_not_found", "no such organisation: " + in.org_code);
    std::vector<Org> orgs;
    JB_RETURN_IF_ERROR(RequireAdminOver(s, actor, org->id, &orgs));
    std::string ignored;
    if (repo::FindUserByLogin(s, in.login, &ignored)) {
      return Status::Conflict("login_taken", "login taken", "login");
    }
    User u;
    u.login = in.login;
    u.name = in.name;
    u.org_id = org->id;
    u.roles = Dedup(in.roles);
    u.email = in.email;
    const int64_t id = repo::InsertUser(s, u, hash, clock::NowIso());
    created = *repo::FindUser(s, id);
    Audit(s, actor, "user.create", "user", std::to_string(id), "", UserJson(created).dump());
    return Status::Ok();
  }));
  return created;
}

Result<User> OrgService::UpdateUser(const Actor& actor, int64_t id, const UserPatch& patch) {
  if (patch.roles) JB_RETURN_IF_ERROR(CheckRoles(*patch.roles));
  if (patch.email) JB_RETURN_IF_ERROR(CheckEmail(*patch.email));
  User after;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    std::optional<User> before = repo::FindUser(s, id);
    if (!before) return Status::NotFound("user_not_found", "no such user");
    std::vector<Org> orgs;
    JB_RETURN_IF_ERROR(RequireAdminOver(s, actor, before->org_id, &orgs));
    const std::string now = clock::NowIso();
    JB_RETURN_IF_ERROR(repo::ClaimUserVersion(s, id, patch.version, EditorName(actor), now));
    after = *before;
    after.stamp = {before->stamp.version + 1, EditorName(actor), now};
    if (patch.name) after.name = *patch.name;
    if (patch.roles) after.roles = Dedup(*patch.roles);
    if (patch.disabled) after.disabled = *patch.disabled;
    if (patch.email) after.email = *patch.email;
    if (after.roles.empty()) return Status::Invalid("roles", "required", "at least one role");
    const bool self = id == actor.user_id;
    if (self && (after.disabled || std::find(after.roles.begin(), after.roles.end(), kRoleAdmin) ==
                                       after.roles.end())) {
      return Status::Conflict("last_admin", "you cannot remove your own admin access", "roles");
    }
    repo::UpdateUser(s, after, now);
    // Disabling ends the user's sessions; so does a change of roles, so that
    // no session outlives the privileges it was signed in with.
    if (after.disabled || Dedup(after.roles) != Dedup(before->roles)) {
      repo::DeleteUserSessions(s, id);
    }
    Audit(s, actor, "user.update", "user", std::to_string(id), UserJson(*before).dump(),
          UserJson(after).dump());
    return Status::Ok();
  }));
  return after;
}

Status OrgService::ResetPassword(const Actor& actor, int64_t id, const std::string& password) {
  auto scoped = [&](soci::session& s) -> Result<User> {
    std::optional<User> user = repo::FindUser(s, id);
    if (!user) return Status::NotFound("user_not_found", "no such user");
    std::vector<Org> orgs;
    JB_RETURN_IF_ERROR(RequireAdminOver(s, actor, user->org_id, &orgs));
    return *user;
  };
  std::string login;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(User user, scoped(s));
    login = user.login;
    return Status::Ok();
  }));
  JB_RETURN_IF_ERROR(CheckPasswordStrength(password, "password", login));
  JB_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  return db_->Write([&](soci::session& s) {
    JB_RETURN_IF_ERROR(scoped(s).status());
    repo::SetPasswordHash(s, id, hash, clock::NowIso());
    repo::DeleteUserSessions(s, id);  // every session of the user ends
    Audit(s, actor, "user.password_reset", "user", std::to_string(id), "", "");
    return Status::Ok();
  });
}

namespace {

Status CheckRecord(const std::string& record) {
  static const std::regex kRecord("[a-z_]{1,32}:[1-9][0-9]{0,17}");
  if (!std::regex_match(record, kRecord)) {
    return Status::Invalid("record", "wrong_type", "record must be kind:id");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<Presence>> OrgService::Heartbeat(const Actor& actor, const std::string& record) {
  JB_RETURN_IF_ERROR(CheckRecord(record));
  std::vector<Presence> out;
  const int64_t now = clock::NowUnix();
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    repo::Heartbeat(s, record, actor, now);
    if (now % 60 == 0) repo::ForgetPresence(s, now - 3600);
    return Status::Ok();
  }));
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    out = repo::Present(s, record, actor.org_id, actor.user_id, now - kPresenceSeconds);
    return Status::Ok();
  }));
  return out;
}

Status OrgService::Leave(const Actor& actor, const std::string& record) {
  JB_RETURN_IF_ERROR(CheckRecord(record));
  return db_->Write([&](soci::session& s) {
    repo::LeaveRecord(s, record, actor.user_id);
    return Status::Ok();
  });
}

Result<Page<AuditEntry>> OrgService::ListAudit(const Actor& actor, AuditFilter filter) {
  if (!actor.HasRole(kRoleAdmin)) return Status::Denied("admins only");
  for (const auto* d : {&filter.from_date, &filter.to_date}) {
    if (!d->empty() && !clock::IsValidDate(*d)) {
      return Status::Invalid(d == &filter.from_date ? "from" : "to", "invalid_date", "bad date");
    }
  }
  if (!filter.to_date.empty())
    filter.to_date = clock::DateFromDays(clock::DaysFromDate(filter.to_date) + 1);
  Page<AuditEntry> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    std::vector<Org> orgs = repo::LoadOrgs(s);
    const Org* own = FindById(orgs, actor.org_id);
    if (!actor.is_system() && own && own->parent_id != 0) {
      filter.org_ids = OrgTree(orgs).SubtreeIds(actor.org_id);
    }
    page = repo::ListAudit(s, filter);
    return Status::Ok();
  }));
  return page;
}

Result<bool> OrgService::IsEmpty() {
  int64_t n = 0;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    n = repo::CountUsers(s);
    return Status::Ok();
  }));
  return n == 0;
}

}  // namespace jianbao::orgs
