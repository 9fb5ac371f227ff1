// Copyright 2026 The Jianbao Authors.
//
// All SQL of the receipts module.

#include <soci/soci.h>

#include "receipts/receipts.h"

namespace jianbao::receipts {

std::vector<store::Migration> Migrations() {
  return {{1, "per-person receipts of notices, 催办 reminders", R"SQL(
CREATE TABLE receipt_copies (
  doc_kind TEXT NOT NULL,
  doc_id {{int}} NOT NULL,
  user_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  delivered_at TEXT NOT NULL,
  read_at TEXT NOT NULL DEFAULT '',
  acknowledged_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (doc_kind, doc_id, user_id)
);
CREATE INDEX receipt_copies_user ON receipt_copies (user_id, doc_kind);
CREATE TABLE receipt_reminders (
  id {{pk}},
  doc_kind TEXT NOT NULL,
  doc_id {{int}} NOT NULL,
  org_code TEXT NOT NULL,
  by_user_id {{int}} NOT NULL,
  by_login TEXT NOT NULL,
  at TEXT NOT NULL,
  at_unix {{int}} NOT NULL,
  notified INTEGER NOT NULL,
  emailed INTEGER NOT NULL
);
CREATE INDEX receipt_reminders_doc ON receipt_reminders (doc_kind, doc_id, org_code, at_unix)
)SQL"}};
}

void Deliver(soci::session& s, const DocRef& doc, const std::vector<Person>& people,
             const std::string& now) {
  for (const Person& p : people) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM receipt_copies WHERE doc_kind = :k AND doc_id = :d AND user_id = :u",
        soci::use(doc.kind), soci::use(doc.id), soci::use(p.user_id), soci::into(n);
    if (n) continue;
    int64_t org_id = 0;
    s << "SELECT org_id FROM users WHERE id = :u", soci::use(p.user_id), soci::into(org_id);
    if (!s.got_data()) continue;
    s << "INSERT INTO receipt_copies (doc_kind, doc_id, user_id, org_id, delivered_at) "
         "VALUES (:k, :d, :u, :o, :now)",
        soci::use(doc.kind), soci::use(doc.id), soci::use(p.user_id), soci::use(org_id),
        soci::use(now);
  }
}

bool Mark(soci::session& s, const DocRef& doc, int64_t user_id, bool acknowledge,
          const std::string& now) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM receipt_copies WHERE doc_kind = :k AND doc_id = :d AND user_id = :u",
      soci::use(doc.kind), soci::use(doc.id), soci::use(user_id), soci::into(n);
  if (!n) return false;
  s << "UPDATE receipt_copies SET read_at = :now WHERE doc_kind = :k AND doc_id = :d AND "
       "user_id = :u AND read_at = ''",
      soci::use(now), soci::use(doc.kind), soci::use(doc.id), soci::use(user_id);
  if (acknowledge) {
    s << "UPDATE receipt_copies SET acknowledged_at = :now WHERE doc_kind = :k AND doc_id = :d "
         "AND user_id = :u AND acknowledged_at = ''",
        soci::use(now), soci::use(doc.kind), soci::use(doc.id), soci::use(user_id);
  }
  return true;
}

namespace {

constexpr const char* kPersonSelect =
    "SELECT c.user_id, u.login, u.name, o.code, o.name, c.delivered_at, c.read_at, "
    "c.acknowledged_at FROM receipt_copies c JOIN users u ON u.id = c.user_id "
    "JOIN orgs o ON o.id = c.org_id ";

std::vector<Person> Query(soci::session& s, const std::string& where, const DocRef& doc,
                          int64_t user_id) {
  Person p;
  soci::statement st =
      (s.prepare << std::string(kPersonSelect) + where, soci::use(doc.kind, "k"),
       soci::use(doc.id, "d"), soci::use(user_id, "u"), soci::into(p.user_id), soci::into(p.login),
       soci::into(p.name), soci::into(p.org_code), soci::into(p.org_name),
       soci::into(p.delivered_at), soci::into(p.read_at), soci::into(p.acknowledged_at));
  st.execute();
  std::vector<Person> out;
  while (st.fetch()) out.push_back(p);
  return out;
}

}  // namespace

std::optional<Person> CopyOf(soci::session& s, const DocRef& doc, int64_t user_id) {
  auto v = Query(s, "WHERE c.doc_kind = :k AND c.doc_id = :d AND c.user_id = :u", doc, user_id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Person> People(soci::session& s, const DocRef& doc) {
  return Query(s,
               "WHERE c.doc_kind = :k AND c.doc_id = :d AND c.user_id <> :u "
               "ORDER BY o.id, u.login",
               doc, -1);
}

std::vector<int64_t> DeliveredTo(soci::session& s, const std::string& kind, int64_t user_id) {
  int64_t id = 0;
  soci::statement st = (s.prepare << "SELECT doc_id FROM receipt_copies WHERE doc_kind = :k AND "
                                     "user_id = :u",
                        soci::use(kind), soci::use(user_id), soci::into(id));
  st.execute();
  std::vector<int64_t> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

std::vector<Reminder> Reminders(soci::session& s, const DocRef& doc) {
  Reminder r;
  soci::statement st =
      (s.prepare << "SELECT org_code, at, at_unix, by_login, notified, emailed FROM "
                    "receipt_reminders WHERE doc_kind = :k AND doc_id = :d ORDER BY id",
       soci::use(doc.kind), soci::use(doc.id), soci::into(r.org_code), soci::into(r.at),
       soci::into(r.at_unix), soci::into(r.by), soci::into(r.notified), soci::into(r.emailed));
  st.execute();
  std::vector<Reminder> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

namespace internal {

void InsertReminder(soci::session& s, const DocRef& doc, const Reminder& r, int64_t by_user_id) {
  s << "INSERT INTO receipt_reminders (doc_kind, doc_id, org_code, by_user_id, by_login, at, "
       "at_unix, notified, emailed) VALUES (:k, :d, :o, :u, :l, :at, :unix, :n, :e)",
      soci::use(doc.kind), soci::use(doc.id), soci::use(r.org_code), soci::use(by_user_id),
      soci::use(r.by), soci::use(r.at), soci::use(r.at_unix), soci::use(r.notified),
      soci::use(r.emailed);
}

}  // namespace internal

}  // namespace jianbao::receipts
