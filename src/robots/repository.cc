// Copyright 2026 The Jianbao Authors.

#include "robots/repository.h"

#include <soci/soci.h>

namespace jianbao::robots::repo {
namespace {

constexpr const char* kRobotColumns =
    "id, org_id, name, kind, url, secret, enabled, created_at, created_by";

struct RobotRow {
  long long id = 0, org = 0;
  int enabled = 0;
  Robot r;
};

void IntoRobot(soci::statement& st, RobotRow* r) {
  st.exchange(soci::into(r->id));
  st.exchange(soci::into(r->org));
  st.exchange(soci::into(r->r.name));
  st.exchange(soci::into(r->r.kind));
  st.exchange(soci::into(r->r.url));
  st.exchange(soci::into(r->r.secret));
  st.exchange(soci::into(r->enabled));
  st.exchange(soci::into(r->r.created_at));
  st.exchange(soci::into(r->r.created_by));
}

Robot FromRow(const RobotRow& row) {
  Robot r = row.r;
  r.id = row.id;
  r.org = std::to_string(row.org);
  r.enabled = row.enabled != 0;
  return r;
}

constexpr const char* kDeliveryColumns =
    "d.id, d.robot_id, r.name, r.org_id, d.event, d.title, d.number, d.link, d.status, "
    "d.attempts, d.next_unix, d.next_at, d.last_error, d.created_at, d.sent_at";

struct DeliveryRow {
  long long id = 0, robot = 0, org = 0, next_unix = 0;
  int attempts = 0;
  Delivery d;
};

void IntoDelivery(soci::statement& st, DeliveryRow* r) {
  st.exchange(soci::into(r->id));
  st.exchange(soci::into(r->robot));
  st.exchange(soci::into(r->d.robot_name));
  st.exchange(soci::into(r->org));
  st.exchange(soci::into(r->d.event.event));
  st.exchange(soci::into(r->d.event.title));
  st.exchange(soci::into(r->d.event.number));
  st.exchange(soci::into(r->d.event.link));
  st.exchange(soci::into(r->d.status));
  st.exchange(soci::into(r->attempts));
  st.exchange(soci::into(r->next_unix));
  st.exchange(soci::into(r->d.next_at));
  st.exchange(soci::into(r->d.last_error));
  st.exchange(soci::into(r->d.created_at));
  st.exchange(soci::into(r->d.sent_at));
}

Delivery FromRow(const DeliveryRow& row) {
  Delivery d = row.d;
  d.id = row.id;
  d.robot_id = row.robot;
  d.org = std::to_string(row.org);
  d.attempts = row.attempts;
  d.next_unix = row.next_unix;
  return d;
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{1, "group robots and their delivery queue", R"SQL(
CREATE TABLE robots (
  id {{pk}},
  org_id {{int}} NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX robots_org ON robots (org_id);
CREATE TABLE robot_deliveries (
  id {{pk}},
  robot_id {{int}} NOT NULL REFERENCES robots(id),
  event TEXT NOT NULL,
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  link TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_unix {{int}} NOT NULL,
  next_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX robot_deliveries_due ON robot_deliveries (status, next_unix);
CREATE INDEX robot_deliveries_robot ON robot_deliveries (robot_id, id);
)SQL"},
          {2, "deliveries pruned by age (Worker::Prune)", R"SQL(
CREATE INDEX robot_deliveries_done ON robot_deliveries (status, created_at);
)SQL"}};
}

int PruneDeliveries(soci::session& s, const std::string& before) {
  soci::statement st = (s.prepare << "DELETE FROM robot_deliveries WHERE status IN ('sent', "
                                     "'failed') AND created_at < :before",
                        soci::use(before));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

int64_t InsertRobot(soci::session& s, int64_t org_id, const RobotInput& in, const std::string& now,
                    const std::string& by) {
  long long id = 0, org = org_id;
  int enabled = in.enabled ? 1 : 0;
  s << "INSERT INTO robots (org_id, name, kind, url, secret, enabled, created_at, created_by) "
       "VALUES (:o, :n, :k, :u, :s, :e, :c, :b) RETURNING id",
      soci::use(org), soci::use(in.name), soci::use(in.kind), soci::use(in.url),
      soci::use(in.secret), soci::use(enabled), soci::use(now), soci::use(by), soci::into(id);
  return id;
}

void UpdateRobot(soci::session& s, int64_t id, const RobotInput& in) {
  long long rid = id;
  int enabled = in.enabled ? 1 : 0;
  s << "UPDATE robots SET name = :n, kind = :k, url = :u, secret = :s, enabled = :e WHERE id = :id",
      soci::use(in.name), soci::use(in.kind), soci::use(in.url), soci::use(in.secret),
      soci::use(enabled), soci::use(rid);
}

void DeleteRobot(soci::session& s, int64_t id) {
  long long rid = id;
  s << "DELETE FROM robot_deliveries WHERE robot_id = :id", soci::use(rid);
  s << "DELETE FROM robots WHERE id = :id", soci::use(rid);
}

std::optional<Robot> FindRobot(soci::session& s, int64_t id) {
  RobotRow row;
  long long rid = id;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kRobotColumns + " FROM robots WHERE id = :id");
  IntoRobot(st, &row);
  st.exchange(soci::use(rid));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return FromRow(row);
}

std::vector<Robot> ListRobots(soci::session& s, int64_t org_id) {
  RobotRow row;
  long long org = org_id, org2 = org_id;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kRobotColumns +
             " FROM robots WHERE (:o = 0 OR org_id = :o2) ORDER BY id");
  IntoRobot(st, &row);
  st.exchange(soci::use(org, "o"));
  st.exchange(soci::use(org2, "o2"));
  st.define_and_bind();
  st.execute();
  std::vector<Robot> out;
  while (st.fetch()) out.push_back(FromRow(row));
  return out;
}

int64_t InsertDelivery(soci::session& s, int64_t robot_id, const Event& e, const std::string& now,
                       int64_t now_unix) {
  long long id = 0, rid = robot_id, due = now_unix;
  s << "INSERT INTO robot_deliveries (robot_id, event, title, number, link, status, attempts, "
       "next_unix, next_at, created_at) VALUES (:r, :e, :t, :n, :l, 'pending', 0, :u, :a, :c) "
       "RETURNING id",
      soci::use(rid), soci::use(e.event), soci::use(e.title), soci::use(e.number),
      soci::use(e.link), soci::use(due), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

Page<Delivery> ListDeliveries(soci::session& s, int64_t org_id, const std::string& status,
                              const PageRequest& page) {
  const std::string where =
      " FROM robot_deliveries d JOIN robots r ON r.id = d.robot_id WHERE (:o = 0 OR r.org_id = "
      ":o2) AND (:s = '' OR d.status = :s2)";
  long long org = org_id, org2 = org_id, total = 0;
  std::string st1 = status, st2 = status;
  s << "SELECT COUNT(*)" + where, soci::use(org, "o"), soci::use(org2, "o2"), soci::use(st1, "s"),
      soci::use(st2, "s2"), soci::into(total);
  Page<Delivery> out;
  out.total = total;
  int lim = page.page_size, off = page.offset();
  DeliveryRow row;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kDeliveryColumns + where +
             " ORDER BY d.id DESC LIMIT :lim OFFSET :off");
  IntoDelivery(st, &row);
  st.exchange(soci::use(org, "o"));
  st.exchange(soci::use(org2, "o2"));
  st.exchange(soci::use(st1, "s"));
  st.exchange(soci::use(st2, "s2"));
  st.exchange(soci::use(lim, "lim"));
  st.exchange(soci::use(off, "off"));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.items.push_back(FromRow(row));
  return out;
}

std::optional<Delivery> FindDelivery(soci::session& s, int64_t id) {
  DeliveryRow row;
  long long did = id;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kDeliveryColumns +
             " FROM robot_deliveries d JOIN robots r ON r.id = d.robot_id WHERE d.id = :id");
  IntoDelivery(st, &row);
  st.exchange(soci::use(did));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return FromRow(row);
}

std::vector<int64_t> DueDeliveries(soci::session& s, int64_t now_unix, int max) {
  long long now = now_unix, id = 0;
  int lim = max;
  std::vector<int64_t> out;
  soci::statement st = (s.prepare << "SELECT id FROM robot_deliveries WHERE status = 'pending' "
                                     "AND next_unix <= :n ORDER BY next_unix, id LIMIT :l",
                        soci::use(now), soci::use(lim), soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

bool Claim(soci::session& s, int64_t id, int64_t due, int64_t lease) {
  long long did = id, d = due, l = lease;
  soci::statement st = (s.prepare << "UPDATE robot_deliveries SET next_unix = :l WHERE id = :id "
                                     "AND next_unix = :d AND status = 'pending'",
                        soci::use(l), soci::use(did), soci::use(d));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void Finish(soci::session& s, int64_t id, const std::string& status, int attempts,
            int64_t next_unix, const std::string& next_at, const std::string& error,
            const std::string& sent_at) {
  long long did = id, next = next_unix;
  s << "UPDATE robot_deliveries SET status = :s, attempts = :a, next_unix = :n, next_at = :na, "
       "last_error = :e, sent_at = :sa WHERE id = :id",
      soci::use(status), soci::use(attempts), soci::use(next), soci::use(next_at), soci::use(error),
      soci::use(sent_at), soci::use(did);
}

}  // namespace jianbao::robots::repo
