// Copyright 2026 The Jianbao Authors.

#include "notify/repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace jianbao::notify {

std::vector<store::Migration> Migrations() {
  return {{1, "notifications and per-user read marks", R"SQL(
CREATE TABLE notifications (
  id {{pk}},
  user_id {{int}},
  org_id {{int}},
  role TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  entity TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX notifications_org ON notifications(org_id, role, id);
CREATE TABLE notification_reads (
  notification_id {{int}} NOT NULL REFERENCES notifications(id),
  user_id {{int}} NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
)SQL"},
          {2, "notification titles by message key and parameters, rendered when read", R"SQL(
ALTER TABLE notifications ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN params TEXT NOT NULL DEFAULT '';
)SQL"}};
}

namespace repo {
namespace {

std::string Visible(const Actor& a) {
  std::string roles = "''";
  for (const std::string& r : a.roles) {
    const auto& all = AllRoles();
    if (std::find(all.begin(), all.end(), r) != all.end()) roles += ",'" + r + "'";
  }
  return "(n.user_id = :uid OR (n.org_id = :org AND n.role IN (" + roles + ")))";
}

// Bound always (SOCI binds by name and each name once): :unread = 0 shows everything.
const char* kUnread =
    " AND (:unread = 0 OR NOT EXISTS (SELECT 1 FROM notification_reads r WHERE "
    "r.notification_id = n.id AND r.user_id = :uid2))";

std::string ParamsJson(const std::map<std::string, std::string>& params) {
  return params.empty() ? "" : nlohmann::json(params).dump();
}

// Returns the parameters of a stored row; {} for rows without (or with unreadable) ones.
std::map<std::string, std::string> ParseParams(const std::string& text) {
  std::map<std::string, std::string> out;
  if (text.empty()) return out;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

}  // namespace

void Insert(soci::session& s, int64_t user_id, int64_t org_id, const std::string& role,
            const Notification& n, const std::string& title, const std::string& now) {
  long long user = user_id, org = org_id;
  soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
  soci::indicator org_ind = user_id ? soci::i_null : soci::i_ok;
  const std::string params = ParamsJson(n.params);
  s << "INSERT INTO notifications (user_id, org_id, role, kind, title_key, params, title, body, "
       "entity, entity_id, created_at) VALUES (:u, :o, :role, :kind, :key, :params, :title, "
       ":body, :entity, :eid, :now)",
      soci::use(user, user_ind), soci::use(org, org_ind), soci::use(role), soci::use(n.kind),
      soci::use(n.title_key), soci::use(params), soci::use(title), soci::use(n.body),
      soci::use(n.entity), soci::use(n.entity_id), soci::use(now);
}

int64_t Count(soci::session& s, const Actor& a, bool unread) {
  long long n = 0;
  long long uid = a.user_id, uid2 = a.user_id, org = a.org_id;
  int flag = unread ? 1 : 0;
  s << "SELECT COUNT(*) FROM notifications n WHERE " + Visible(a) + kUnread, soci::use(uid, "uid"),
      soci::use(org, "org"), soci::use(flag, "unread"), soci::use(uid2, "uid2"), soci::into(n);
  return n;
}

std::vector<Notification> List(soci::session& s, const Actor& a, bool unread_only, int offset,
                               int limit) {
  std::vector<Notification> out;
  long long id = 0, uid = a.user_id, uid2 = a.user_id, uid3 = a.user_id, org = a.org_id;
  long long read = 0;
  int lim = limit, off = offset, flag = unread_only ? 1 : 0;
  Notification n;
  std::string params;
  soci::statement st =
      (s.prepare << "SELECT n.id, n.kind, n.title_key, n.params, n.title, n.body, n.entity, "
                    "n.entity_id, n.created_at, (SELECT COUNT(*) FROM notification_reads r "
                    "WHERE r.notification_id = n.id AND r.user_id = :uid3) FROM notifications n "
                    "WHERE " +
                        Visible(a) + kUnread + " ORDER BY n.id DESC LIMIT :lim OFFSET :off",
       soci::use(uid3, "uid3"), soci::use(uid, "uid"), soci::use(org, "org"),
       soci::use(flag, "unread"), soci::use(uid2, "uid2"), soci::use(lim, "lim"),
       soci::use(off, "off"), soci::into(id), soci::into(n.kind), soci::into(n.title_key),
       soci::into(params), soci::into(n.title), soci::into(n.body), soci::into(n.entity),
       soci::into(n.entity_id), soci::into(n.created_at), soci::into(read));
  st.execute();
  while (st.fetch()) {
    n.id = id;
    n.read = read > 0;
    n.params = ParseParams(params);
    out.push_back(n);
  }
  return out;
}

bool IsVisible(soci::session& s, const Actor& a, int64_t id) {
  long long found = 0, nid = id, uid = a.user_id, org = a.org_id;
  s << "SELECT COUNT(*) FROM notifications n WHERE n.id = :id AND " + Visible(a),
      soci::use(nid, "id"), soci::use(uid, "uid"), soci::use(org, "org"), soci::into(found);
  return found > 0;
}

void MarkRead(soci::session& s, const Actor& a, int64_t id, const std::string& now) {
  long long nid = id, uid = a.user_id;
  s << "INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES (:id, :uid, "
       ":now) ON CONFLICT DO NOTHING",
      soci::use(nid), soci::use(uid), soci::use(now);
}

void MarkAllRead(soci::session& s, const Actor& a, const std::string& now) {
  long long uid = a.user_id, uid2 = a.user_id, uid0 = a.user_id, org = a.org_id;
  int flag = 1;
  s << "INSERT INTO notification_reads (notification_id, user_id, read_at) SELECT n.id, :uid0, "
       ":now FROM notifications n WHERE " +
           Visible(a) + kUnread,
      soci::use(uid0, "uid0"), soci::use(now, "now"), soci::use(uid, "uid"), soci::use(org, "org"),
      soci::use(flag, "unread"), soci::use(uid2, "uid2");
}

}  // namespace repo
}  // namespace jianbao::notify
