// Copyright 2026 The Jianbao Authors.
//
// Role names in the visibility condition come from the actor's roles filtered
// through AllRoles() (fixed identifiers), so they are written into the SQL as
// literals; every other value is a bound parameter.

#include "notify/notify.h"

#include <soci/soci.h>

#include <algorithm>

#include "core/clock.h"

namespace jianbao::notify {
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

int64_t Count(soci::session& s, const Actor& a, bool unread) {
  long long n = 0;
  long long uid = a.user_id, uid2 = a.user_id, org = a.org_id;
  int flag = unread ? 1 : 0;
  s << "SELECT COUNT(*) FROM notifications n WHERE " + Visible(a) + kUnread, soci::use(uid, "uid"),
      soci::use(org, "org"), soci::use(flag, "unread"), soci::use(uid2, "uid2"), soci::into(n);
  return n;
}

}  // namespace

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
)SQL"}};
}

void Send(soci::session& s, const Audience& to, const Notification& n) {
  const std::string now = clock::NowIso();
  auto insert = [&](long long user, soci::indicator user_ind, long long org,
                    soci::indicator org_ind) {
    s << "INSERT INTO notifications (user_id, org_id, role, kind, title, body, entity, entity_id, "
         "created_at) VALUES (:u, :o, :role, :kind, :title, :body, :entity, :eid, :now)",
        soci::use(user, user_ind), soci::use(org, org_ind), soci::use(to.role), soci::use(n.kind),
        soci::use(n.title), soci::use(n.body), soci::use(n.entity), soci::use(n.entity_id),
        soci::use(now);
  };
  if (to.user_id) {
    insert(to.user_id, soci::i_ok, 0, soci::i_null);
    return;
  }
  for (int64_t org : to.org_ids) insert(0, soci::i_null, org, soci::i_ok);
}

Result<Page> NotifyService::List(const Actor& a, bool unread_only, int offset, int limit) {
  Page page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page.total = Count(s, a, unread_only);
    page.unread = unread_only ? page.total : Count(s, a, true);
    long long id = 0, uid = a.user_id, uid2 = a.user_id, uid3 = a.user_id, org = a.org_id;
    long long read = 0;
    int lim = limit, off = offset, flag = unread_only ? 1 : 0;
    Notification n;
    soci::statement st =
        (s.prepare << "SELECT n.id, n.kind, n.title, n.body, n.entity, n.entity_id, n.created_at, "
                      "(SELECT COUNT(*) FROM notification_reads r WHERE r.notification_id = n.id "
                      "AND r.user_id = :uid3) FROM notifications n WHERE " +
                          Visible(a) + kUnread + " ORDER BY n.id DESC LIMIT :lim OFFSET :off",
         soci::use(uid3, "uid3"), soci::use(uid, "uid"), soci::use(org, "org"),
         soci::use(flag, "unread"), soci::use(uid2, "uid2"), soci::use(lim, "lim"),
         soci::use(off, "off"), soci::into(id), soci::into(n.kind), soci::into(n.title),
         soci::into(n.body), soci::into(n.entity), soci::into(n.entity_id),
         soci::into(n.created_at), soci::into(read));
    st.execute();
    while (st.fetch()) {
      n.id = id;
      n.read = read > 0;
      page.items.push_back(n);
    }
    return Status::Ok();
  }));
  return page;
}

Result<int64_t> NotifyService::UnreadCount(const Actor& a) {
  int64_t n = 0;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    n = Count(s, a, true);
    return Status::Ok();
  }));
  return n;
}

Status NotifyService::MarkRead(const Actor& a, int64_t id) {
  return db_->Write([&](soci::session& s) {
    long long found = 0, nid = id, uid = a.user_id, org = a.org_id;
    s << "SELECT COUNT(*) FROM notifications n WHERE n.id = :id AND " + Visible(a),
        soci::use(nid, "id"), soci::use(uid, "uid"), soci::use(org, "org"), soci::into(found);
    if (!found) return Status::NotFound("notification_not_found", "no such notification");
    const std::string now = clock::NowIso();
    s << "INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES (:id, :uid, "
         ":now) ON CONFLICT DO NOTHING",
        soci::use(nid), soci::use(uid), soci::use(now);
    return Status::Ok();
  });
}

Status NotifyService::MarkAllRead(const Actor& a) {
  return db_->Write([&](soci::session& s) {
    long long uid = a.user_id, uid2 = a.user_id, uid0 = a.user_id, org = a.org_id;
    int flag = 1;
    const std::string now = clock::NowIso();
    s << "INSERT INTO notification_reads (notification_id, user_id, read_at) SELECT n.id, :uid0, "
         ":now FROM notifications n WHERE " +
             Visible(a) + kUnread,
        soci::use(uid0, "uid0"), soci::use(now, "now"), soci::use(uid, "uid"),
        soci::use(org, "org"), soci::use(flag, "unread"), soci::use(uid2, "uid2");
    return Status::Ok();
  });
}

}  // namespace jianbao::notify
