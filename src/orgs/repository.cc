// Copyright 2026 The Jianbao Authors.
//
// IN (…) lists are built from int64 ids formatted by this file, never from
// user text; every other value is a bound parameter.

#include "orgs/repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "store/versions.h"

namespace jianbao::orgs::repo {
namespace {

std::string IdList(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out.empty() ? "0" : out;
}

// Escapes LIKE wildcards; the query uses ESCAPE '\'.
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

const char* kUserSelect =
    "SELECT u.id, u.login, u.name, u.org_id, o.code, o.name, o.short_name, u.disabled, "
    "u.created_at, u.email, u.version, u.updated_by, u.edited_at FROM users u JOIN orgs o ON o.id "
    "= u.org_id ";

struct UserRow {
  long long id = 0, org_id = 0;
  int disabled = 0;
  std::string login, name, org_code, org_name, org_short, created_at, email;
  long long version = 1;
  std::string updated_by, edited_at;
  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(login));
    st.exchange(soci::into(name));
    st.exchange(soci::into(org_id));
    st.exchange(soci::into(org_code));
    st.exchange(soci::into(org_name));
    st.exchange(soci::into(org_short));
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(email));
    st.exchange(soci::into(version));
    st.exchange(soci::into(updated_by));
    st.exchange(soci::into(edited_at));
  }
  User ToUser() const {
    User u;
    u.id = id;
    u.login = login;
    u.name = name;
    u.org_id = org_id;
    u.org_code = org_code;
    u.org_name = org_name;
    u.org_short_name = org_short;
    u.disabled = disabled != 0;
    u.created_at = created_at;
    u.email = email;
    u.stamp = {version, updated_by, edited_at};
    return u;
  }
};

void LoadRoles(soci::session& s, std::vector<User>* users) {
  if (users->empty()) return;
  std::vector<int64_t> ids;
  std::map<int64_t, User*> by_id;
  for (User& u : *users) {
    ids.push_back(u.id);
    by_id[u.id] = &u;
  }
  long long uid = 0;
  std::string role;
  soci::statement st = (s.prepare << "SELECT user_id, role FROM user_roles WHERE user_id IN (" +
                                         IdList(ids) + ") ORDER BY user_id, role",
                        soci::into(uid), soci::into(role));
  st.execute();
  while (st.fetch()) by_id[uid]->roles.push_back(role);
}

std::vector<User> FetchUsers(soci::session& s, const std::string& where,
                             const std::vector<std::pair<std::string, std::string>>& text_params,
                             const std::vector<std::pair<std::string, long long>>& int_params) {
  std::vector<User> out;
  UserRow row;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string(kUserSelect) + where);
  // Copies keep the bound values alive for the statement's lifetime.
  std::vector<std::string> texts;
  std::vector<long long> ints;
  texts.reserve(text_params.size());
  ints.reserve(int_params.size());
  for (const auto& [name, v] : text_params) {
    texts.push_back(v);
    st.exchange(soci::use(texts.back(), name));
  }
  for (const auto& [name, v] : int_params) {
    ints.push_back(v);
    st.exchange(soci::use(ints.back(), name));
  }
  row.Bind(st);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.push_back(row.ToUser());
  LoadRoles(s, &out);
  return out;
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{1, "organisations, users, sessions, audit log", R"SQL(
CREATE TABLE orgs (
  id {{pk}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  parent_id {{int}} REFERENCES orgs(id),
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  id {{pk}},
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  org_id {{int}} NOT NULL REFERENCES orgs(id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_org ON users(org_id);
CREATE TABLE user_roles (
  user_id {{int}} NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE TABLE sessions (
  token_digest TEXT PRIMARY KEY,
  user_id {{int}} NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE audit_log (
  id {{pk}},
  at TEXT NOT NULL,
  actor_id {{int}},
  actor_login TEXT NOT NULL,
  org_id {{int}},
  org_code TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json TEXT,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_org ON audit_log(org_id);
)SQL"},
          {2, "users: e-mail address", R"SQL(
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
)SQL"},
          {3, "failed sign-ins, shared by every server", R"SQL(
CREATE TABLE login_failures (
  id {{pk}},
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  at {{int}} NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(kind, key, at);
CREATE INDEX login_failures_at ON login_failures(at);
)SQL"},
          {4, "a version per organisation and user for If-Match (store/versions.h)", R"SQL(
ALTER TABLE orgs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE orgs ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE orgs ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN edited_at TEXT NOT NULL DEFAULT '';
)SQL"},
          {5, "presence: who has a record open", R"SQL(
CREATE TABLE presence (
  record TEXT NOT NULL,
  user_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  login TEXT NOT NULL,
  name TEXT NOT NULL,
  seen_at {{int}} NOT NULL,
  PRIMARY KEY (record, user_id)
);
CREATE INDEX presence_seen ON presence(seen_at);
)SQL"},
          {6, "organisations: contact e-mail address", R"SQL(
ALTER TABLE orgs ADD COLUMN email TEXT NOT NULL DEFAULT '';
)SQL"}};
}

std::string OrgsFingerprint(soci::session& s) {
  long long count = 0, versions = 0;
  s << "SELECT COUNT(*), COALESCE(SUM(version), 0) FROM orgs", soci::into(count),
      soci::into(versions);
  return std::to_string(count) + "/" + std::to_string(versions);
}

std::vector<Org> LoadOrgs(soci::session& s) {
  std::vector<Org> out;
  long long id = 0, parent = 0, version = 1;
  soci::indicator parent_ind;
  std::string code, name, short_name, kind, updated_by, updated_at, email;
  soci::statement st =
      (s.prepare << "SELECT id, code, name, short_name, kind, parent_id, version, updated_by, "
                    "updated_at, email FROM orgs ORDER BY id",
       soci::into(id), soci::into(code), soci::into(name), soci::into(short_name), soci::into(kind),
       soci::into(parent, parent_ind), soci::into(version), soci::into(updated_by),
       soci::into(updated_at), soci::into(email));
  st.execute();
  std::map<int64_t, std::string> codes;
  while (st.fetch()) {
    Org o{id,   code,
          name, short_name,
          kind, parent_ind == soci::i_ok ? parent : 0,
          "",   {version, updated_by, updated_at},
          email};
    codes[o.id] = o.code;
    out.push_back(o);
  }
  for (Org& o : out) {
    if (o.parent_id) o.parent_code = codes[o.parent_id];
  }
  return out;
}

std::optional<Org> FindOrg(soci::session& s, const std::string& code) {
  for (const Org& o : LoadOrgs(s)) {
    if (o.code == code) return o;
  }
  return std::nullopt;
}

int64_t InsertOrg(soci::session& s, const Org& org, const std::string& now) {
  long long id = 0;
  long long parent = org.parent_id;
  soci::indicator ind = org.parent_id ? soci::i_ok : soci::i_null;
  s << "INSERT INTO orgs (code, name, short_name, kind, parent_id, created_at) VALUES "
       "(:code, :name, :short, :kind, :parent, :now) RETURNING id",
      soci::use(org.code), soci::use(org.name), soci::use(org.short_name), soci::use(org.kind),
      soci::use(parent, ind), soci::use(now), soci::into(id);
  return id;
}

namespace {
constexpr size_t kBatch = 200;  // rows per statement (1,200 parameters at most)
}  // namespace

std::vector<int64_t> InsertOrgs(soci::session& s, const std::vector<Org>& orgs,
                                const std::string& now) {
  std::vector<int64_t> out(orgs.size());
  for (size_t begin = 0; begin < orgs.size(); begin += kBatch) {
    const size_t end = std::min(orgs.size(), begin + kBatch);
    // Bound values live here until the statement ran (reserved: no reallocation).
    std::vector<long long> parents;
    std::vector<soci::indicator> inds;
    parents.reserve(end - begin);
    inds.reserve(end - begin);
    std::map<std::string, size_t> index;  // code → position in `orgs`
    std::string sql =
        "INSERT INTO orgs (code, name, short_name, kind, parent_id, created_at) VALUES ";
    long long id = 0;
    std::string code;
    soci::statement st(s);
    st.alloc();
    for (size_t i = begin; i < end; ++i) {
      const Org& o = orgs[i];
      const std::string n = std::to_string(i - begin);
      sql += std::string(i > begin ? ", " : "") + "(:c" + n + ", :n" + n + ", :s" + n + ", :k" + n +
             ", :p" + n + ", :t" + n + ")";
      parents.push_back(o.parent_id);
      inds.push_back(o.parent_id ? soci::i_ok : soci::i_null);
      st.exchange(soci::use(o.code, "c" + n));
      st.exchange(soci::use(o.name, "n" + n));
      st.exchange(soci::use(o.short_name, "s" + n));
      st.exchange(soci::use(o.kind, "k" + n));
      st.exchange(soci::use(parents.back(), inds.back(), "p" + n));
      st.exchange(soci::use(now, "t" + n));  // a name used twice is not portable in soci
      index[o.code] = i;
    }
    // RETURNING order is unspecified on SQLite: match the ids by code.
    sql += " RETURNING id, code";
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out[index.at(code)] = id;
  }
  return out;
}

Status ClaimAndUpdateOrgs(soci::session& s, const std::vector<Org>& orgs, const std::string& by,
                          const std::string& at) {
  for (size_t begin = 0; begin < orgs.size(); begin += kBatch) {
    const size_t end = std::min(orgs.size(), begin + kBatch);
    // A VALUES list's columns are column1, column2, … on both engines; UPDATE
    // … FROM needs SQLite 3.33. Ids are formatted here, texts are bound.
    std::string sql =
        "UPDATE orgs SET name = v.column2, short_name = v.column3, email = v.column4, "
        "version = orgs.version + 1, updated_by = :by, updated_at = :at FROM (VALUES ";
    soci::statement st(s);
    st.alloc();
    st.exchange(soci::use(by, "by"));
    st.exchange(soci::use(at, "at"));
    for (size_t i = begin; i < end; ++i) {
      const Org& o = orgs[i];
      const std::string n = std::to_string(i - begin);
      sql += std::string(i > begin ? ", " : "") + "(" + std::to_string(o.id) + ", :n" + n + ", :s" +
             n + ", :e" + n + ")";
      st.exchange(soci::use(o.name, "n" + n));
      st.exchange(soci::use(o.short_name, "s" + n));
      st.exchange(soci::use(o.email, "e" + n));
    }
    sql += ") AS v WHERE orgs.id = v.column1";
    st.prepare(sql);
    st.define_and_bind();
    st.execute(true);
    if (st.get_affected_rows() != static_cast<long long>(end - begin)) {
      return Status::NotFound("not_found", "the record no longer exists");
    }
  }
  return Status::Ok();
}

Status ClaimOrgVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                       const std::string& by, const std::string& at) {
  return store::ClaimVersion(s, {"orgs", "id"}, id, expected, by, at);
}

Status ClaimUserVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                        const std::string& by, const std::string& at) {
  // users.updated_at already follows every change (password resets too).
  return store::ClaimVersion(s, {"users", "id", "version", "updated_by", "edited_at"}, id, expected,
                             by, at);
}

void Heartbeat(soci::session& s, const std::string& record, const Actor& actor, int64_t now) {
  long long uid = actor.user_id, org = actor.org_id, at = now;
  s << "INSERT INTO presence (record, user_id, org_id, login, name, seen_at) VALUES "
       "(:r, :u, :o, :l, :n, :at) ON CONFLICT (record, user_id) DO UPDATE SET seen_at = :at2",
      soci::use(record), soci::use(uid), soci::use(org), soci::use(actor.login),
      soci::use(actor.name), soci::use(at), soci::use(at);
}

void LeaveRecord(soci::session& s, const std::string& record, int64_t user_id) {
  long long uid = user_id;
  s << "DELETE FROM presence WHERE record = :r AND user_id = :u", soci::use(record), soci::use(uid);
}

std::vector<Presence> Present(soci::session& s, const std::string& record, int64_t org_id,
                              int64_t except_user, int64_t since) {
  long long org = org_id, except = except_user, from = since, uid = 0, seen = 0;
  Presence p;
  soci::statement st =
      (s.prepare << "SELECT user_id, login, name, seen_at FROM presence WHERE record = :r AND "
                    "org_id = :o AND user_id <> :u AND seen_at >= :since ORDER BY name",
       soci::use(record), soci::use(org), soci::use(except), soci::use(from), soci::into(uid),
       soci::into(p.login), soci::into(p.name), soci::into(seen));
  st.execute();
  std::vector<Presence> out;
  while (st.fetch()) {
    p.user_id = uid;
    p.seen_at = seen;
    out.push_back(p);
  }
  return out;
}

void ForgetPresence(soci::session& s, int64_t before) {
  long long b = before;
  s << "DELETE FROM presence WHERE seen_at < :b", soci::use(b);
}

void UpdateOrg(soci::session& s, const Org& org) {
  long long id = org.id;
  s << "UPDATE orgs SET name = :name, short_name = :short, email = :email WHERE id = :id",
      soci::use(org.name), soci::use(org.short_name), soci::use(org.email), soci::use(id);
}

std::optional<User> FindUser(soci::session& s, int64_t id) {
  auto users = FetchUsers(s, "WHERE u.id = :id", {}, {{"id", id}});
  if (users.empty()) return std::nullopt;
  return users[0];
}

std::vector<User> FindUsersByLogin(soci::session& s, const std::vector<std::string>& logins) {
  if (logins.empty()) return {};
  std::string where = "WHERE u.login IN (";
  std::vector<std::pair<std::string, std::string>> texts;
  for (size_t i = 0; i < logins.size(); ++i) {
    texts.emplace_back("l" + std::to_string(i), logins[i]);
    where += (i ? ", :" : ":") + texts.back().first;
  }
  return FetchUsers(s, where + ")", texts, {});
}

std::optional<User> FindUserByLogin(soci::session& s, const std::string& login, std::string* hash) {
  auto users = FetchUsers(s, "WHERE u.login = :login", {{"login", login}}, {});
  if (users.empty()) return std::nullopt;
  long long id = users[0].id;
  s << "SELECT password_hash FROM users WHERE id = :id", soci::use(id), soci::into(*hash);
  return users[0];
}

namespace {

void WriteRoles(soci::session& s, int64_t user_id, const std::vector<std::string>& roles) {
  long long id = user_id;
  s << "DELETE FROM user_roles WHERE user_id = :id", soci::use(id);
  for (const std::string& role : roles) {
    s << "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)", soci::use(id),
        soci::use(role);
  }
}

}  // namespace

int64_t InsertUser(soci::session& s, const User& user, const std::string& hash,
                   const std::string& now) {
  long long id = 0;
  long long org = user.org_id;
  int disabled = user.disabled ? 1 : 0;
  s << "INSERT INTO users (login, name, org_id, password_hash, disabled, created_at, updated_at, "
       "email) VALUES (:login, :name, :org, :hash, :disabled, :now, :now2, :email) RETURNING id",
      soci::use(user.login), soci::use(user.name), soci::use(org), soci::use(hash),
      soci::use(disabled), soci::use(now), soci::use(now), soci::use(user.email), soci::into(id);
  WriteRoles(s, id, user.roles);
  return id;
}

void UpdateUser(soci::session& s, const User& user, const std::string& now) {
  long long id = user.id;
  int disabled = user.disabled ? 1 : 0;
  s << "UPDATE users SET name = :name, disabled = :disabled, email = :email, updated_at = :now "
       "WHERE id = :id",
      soci::use(user.name), soci::use(disabled), soci::use(user.email), soci::use(now),
      soci::use(id);
  WriteRoles(s, user.id, user.roles);
}

void SetPasswordHash(soci::session& s, int64_t user_id, const std::string& hash,
                     const std::string& now) {
  long long id = user_id;
  s << "UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id", soci::use(hash),
      soci::use(now), soci::use(id);
}

Page<User> ListUsers(soci::session& s, const UserFilter& f) {
  std::string where = "WHERE u.org_id IN (" + IdList(f.org_ids) + ")";
  std::vector<std::pair<std::string, std::string>> texts;
  if (!f.role.empty()) {
    where += " AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = :role)";
    texts.emplace_back("role", f.role);
  }
  if (!f.text.empty()) {
    where += " AND (LOWER(u.login) LIKE LOWER(:t1) ESCAPE '\\' OR u.name LIKE :t2 ESCAPE '\\')";
    texts.emplace_back("t1", LikePattern(f.text));
    texts.emplace_back("t2", LikePattern(f.text));
  }
  Page<User> page;
  {
    soci::statement st(s);
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM users u " + where);
    std::vector<std::string> keep;
    keep.reserve(texts.size());
    for (const auto& [name, v] : texts) {
      keep.push_back(v);
      st.exchange(soci::use(keep.back(), name));
    }
    long long total = 0;
    st.exchange(soci::into(total));
    st.define_and_bind();
    st.execute(true);
    page.total = total;
  }
  page.items = FetchUsers(s, where + " ORDER BY u.org_id, u.login LIMIT :lim OFFSET :off", texts,
                          {{"lim", f.limit}, {"off", f.offset}});
  return page;
}

int64_t CountUsers(soci::session& s) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM users", soci::into(n);
  return n;
}

void InsertSession(soci::session& s, const std::string& digest, int64_t user_id,
                   const std::string& csrf, const std::string& now, const std::string& expires,
                   const std::string& ip) {
  long long uid = user_id;
  s << "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, expires_at, ip) "
       "VALUES (:d, :u, :c, :now, :exp, :ip)",
      soci::use(digest), soci::use(uid), soci::use(csrf), soci::use(now), soci::use(expires),
      soci::use(ip);
}

std::optional<SessionRow> FindSession(soci::session& s, const std::string& digest) {
  SessionRow row;
  long long uid = 0;
  s << "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_digest = :d",
      soci::use(digest), soci::into(uid), soci::into(row.csrf_token), soci::into(row.expires_at);
  if (!s.got_data()) return std::nullopt;
  row.user_id = uid;
  return row;
}

std::optional<std::pair<SessionRow, User>> FindSessionUser(soci::session& s,
                                                           const std::string& digest) {
  SessionRow row;
  User user;
  long long uid = 0, org_id = 0;
  int disabled = 0;
  std::string role;
  soci::indicator role_ind = soci::i_null;
  soci::statement st =
      (s.prepare << "SELECT s.user_id, s.csrf_token, s.expires_at, u.login, u.name, u.org_id, "
                    "o.code, u.disabled, r.role FROM sessions s JOIN users u ON u.id = s.user_id "
                    "JOIN orgs o ON o.id = u.org_id LEFT JOIN user_roles r ON r.user_id = u.id "
                    "WHERE s.token_digest = :d ORDER BY r.role",
       soci::use(digest), soci::into(uid), soci::into(row.csrf_token), soci::into(row.expires_at),
       soci::into(user.login), soci::into(user.name), soci::into(org_id), soci::into(user.org_code),
       soci::into(disabled), soci::into(role, role_ind));
  st.execute();
  bool found = false;
  while (st.fetch()) {
    found = true;
    if (role_ind == soci::i_ok) user.roles.push_back(role);
  }
  if (!found) return std::nullopt;
  row.user_id = user.id = uid;
  user.org_id = org_id;
  user.disabled = disabled != 0;
  return std::make_pair(std::move(row), std::move(user));
}

void DeleteSession(soci::session& s, const std::string& digest) {
  s << "DELETE FROM sessions WHERE token_digest = :d", soci::use(digest);
}

void DeleteUserSessions(soci::session& s, int64_t user_id) {
  long long uid = user_id;
  s << "DELETE FROM sessions WHERE user_id = :u", soci::use(uid);
}

void DeleteOtherUserSessions(soci::session& s, int64_t user_id, const std::string& keep_digest) {
  long long uid = user_id;
  s << "DELETE FROM sessions WHERE user_id = :u AND token_digest <> :keep", soci::use(uid),
      soci::use(keep_digest);
}

void DeleteExpiredSessions(soci::session& s, const std::string& now) {
  s << "DELETE FROM sessions WHERE expires_at < :now", soci::use(now);
}

void AppendAudit(soci::session& s, const AuditEntry& e) {
  long long actor = e.actor_id;
  soci::indicator actor_ind = e.actor_id ? soci::i_ok : soci::i_null;
  long long org = 0;
  soci::indicator org_ind = soci::i_null;
  if (!e.org_code.empty()) {
    s << "SELECT id FROM orgs WHERE code = :c", soci::use(e.org_code), soci::into(org);
    if (s.got_data()) org_ind = soci::i_ok;
  }
  soci::indicator bi = e.before_json.empty() ? soci::i_null : soci::i_ok;
  soci::indicator ai = e.after_json.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO audit_log (at, actor_id, actor_login, org_id, org_code, action, entity, "
       "entity_id, before_json, after_json, ip) VALUES (:at, :actor, :login, :org, :code, "
       ":action, :entity, :eid, :before, :after, :ip)",
      soci::use(e.at), soci::use(actor, actor_ind), soci::use(e.actor_login),
      soci::use(org, org_ind), soci::use(e.org_code), soci::use(e.action), soci::use(e.entity),
      soci::use(e.entity_id), soci::use(e.before_json, bi), soci::use(e.after_json, ai),
      soci::use(e.ip);
}

Page<AuditEntry> ListAudit(soci::session& s, const AuditFilter& f) {
  std::string where = "WHERE 1 = 1";
  if (!f.org_ids.empty()) where += " AND org_id IN (" + IdList(f.org_ids) + ")";
  std::vector<std::pair<std::string, std::string>> params;
  if (!f.actor_login.empty())
    where += " AND actor_login = :actor", params.emplace_back("actor", f.actor_login);
  if (!f.action.empty())
    where += " AND action LIKE :action ESCAPE '\\'",
        params.emplace_back("action", LikePattern(f.action));
  if (!f.entity.empty()) where += " AND entity = :entity", params.emplace_back("entity", f.entity);
  if (!f.from_date.empty()) where += " AND at >= :from", params.emplace_back("from", f.from_date);
  if (!f.to_date.empty()) where += " AND at < :to", params.emplace_back("to", f.to_date);

  auto prepare = [&](soci::statement& st, const std::string& sql, std::vector<std::string>& keep) {
    st.alloc();
    st.prepare(sql);
    keep.reserve(params.size() + 2);
    for (const auto& [name, v] : params) {
      keep.push_back(v);
      st.exchange(soci::use(keep.back(), name));
    }
  };
  Page<AuditEntry> page;
  {
    soci::statement st(s);
    std::vector<std::string> keep;
    prepare(st, "SELECT COUNT(*) FROM audit_log " + where, keep);
    long long total = 0;
    st.exchange(soci::into(total));
    st.define_and_bind();
    st.execute(true);
    page.total = total;
  }
  soci::statement st(s);
  std::vector<std::string> keep;
  prepare(st,
          "SELECT id, at, actor_id, actor_login, org_code, action, entity, entity_id, "
          "before_json, after_json, ip FROM audit_log " +
              where + " ORDER BY id DESC LIMIT " + std::to_string(f.limit) + " OFFSET " +
              std::to_string(f.offset),
          keep);
  AuditEntry e;
  long long id = 0, actor = 0;
  soci::indicator actor_ind, bi, ai;
  st.exchange(soci::into(id));
  st.exchange(soci::into(e.at));
  st.exchange(soci::into(actor, actor_ind));
  st.exchange(soci::into(e.actor_login));
  st.exchange(soci::into(e.org_code));
  st.exchange(soci::into(e.action));
  st.exchange(soci::into(e.entity));
  st.exchange(soci::into(e.entity_id));
  st.exchange(soci::into(e.before_json, bi));
  st.exchange(soci::into(e.after_json, ai));
  st.exchange(soci::into(e.ip));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    AuditEntry out = e;
    out.id = id;
    out.actor_id = actor_ind == soci::i_ok ? actor : 0;
    if (bi != soci::i_ok) out.before_json.clear();
    if (ai != soci::i_ok) out.after_json.clear();
    page.items.push_back(out);
  }
  return page;
}

void AddLoginFailure(soci::session& s, const std::string& kind, const std::string& key,
                     int64_t at) {
  long long t = at;
  s << "INSERT INTO login_failures (kind, key, at) VALUES (:kind, :key, :at)", soci::use(kind),
      soci::use(key), soci::use(t);
}

std::vector<int64_t> RecentLoginFailures(soci::session& s, const std::string& kind,
                                         const std::string& key, int64_t after) {
  long long cutoff = after, at = 0;
  soci::statement st = (s.prepare << "SELECT at FROM login_failures WHERE kind = :kind AND "
                                     "key = :key AND at > :cutoff ORDER BY at",
                        soci::use(kind), soci::use(key), soci::use(cutoff), soci::into(at));
  st.execute();
  std::vector<int64_t> out;
  while (st.fetch()) out.push_back(at);
  return out;
}

void ClearLoginFailures(soci::session& s, const std::string& kind, const std::string& key) {
  s << "DELETE FROM login_failures WHERE kind = :kind AND key = :key", soci::use(kind),
      soci::use(key);
}

void DropLoginFailuresBefore(soci::session& s, int64_t before) {
  long long t = before;
  s << "DELETE FROM login_failures WHERE at <= :t", soci::use(t);
}

}  // namespace jianbao::orgs::repo
