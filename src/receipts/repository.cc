// Copyright 2026 The Jianbao Authors.
//
// All SQL of the receipts module.

#include <soci/soci.h>

#include "receipts/mailer.h"
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
)SQL"},
          {2, "the e-mail outbox of reminders and of documents to external units", R"SQL(
CREATE TABLE receipt_mails (
  id {{pk}},
  doc_kind TEXT NOT NULL,
  doc_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL DEFAULT 0,
  document INTEGER NOT NULL DEFAULT 0,
  to_email TEXT NOT NULL,
  to_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'queued',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at TEXT NOT NULL,
  handed_over INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX receipt_mails_due ON receipt_mails (status, next_at);
CREATE INDEX receipt_mails_doc ON receipt_mails (doc_kind, doc_id, org_id)
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

void QueueMail(soci::session& s, const DocRef& doc, const Mail& m, const std::string& now) {
  s << "INSERT INTO receipt_mails (doc_kind, doc_id, to_email, to_name, subject, body, next_at, "
       "created_at) VALUES (:k, :d, :to, :name, :subject, :body, :next, :now)",
      soci::use(doc.kind), soci::use(doc.id), soci::use(m.to), soci::use(m.name),
      soci::use(m.subject), soci::use(m.text), soci::use(now), soci::use(now);
}

void QueueDocument(soci::session& s, const DocRef& doc, const RecipientOrg& org,
                   const std::string& now) {
  s << "INSERT INTO receipt_mails (doc_kind, doc_id, org_id, document, to_email, to_name, "
       "next_at, created_at) VALUES (:k, :d, :o, 1, :to, :name, :next, :now)",
      soci::use(doc.kind), soci::use(doc.id), soci::use(org.id), soci::use(org.email),
      soci::use(org.name), soci::use(now), soci::use(now);
}

void AddMailStatus(soci::session& s, const DocRef& doc, Summary* summary) {
  std::string code, status, sent_at;
  // The latest e-mail of the document to each unit.
  soci::statement st =
      (s.prepare << "SELECT o.code, m.status, m.sent_at FROM receipt_mails m JOIN orgs o ON "
                    "o.id = m.org_id WHERE m.doc_kind = :k AND m.doc_id = :d AND m.document = 1 "
                    "ORDER BY m.id",
       soci::use(doc.kind), soci::use(doc.id), soci::into(code), soci::into(status),
       soci::into(sent_at));
  st.execute();
  while (st.fetch()) {
    for (Unit& u : summary->units) {
      if (u.org_code != code || !u.external) continue;
      u.delivery = "email";  // what happened, even if the address was removed since
      u.mail_status = status == "sending" ? "queued" : status;
      u.mailed_at = sent_at;
    }
  }
}

namespace internal {

std::optional<OutboxMail> ClaimMail(soci::session& s, const std::string& now,
                                    const std::string& lease_until) {
  // An e-mail whose sender stopped after the SMTP server took it may have
  // arrived: failed, never sent again on its own.
  const std::string interrupted = kInterrupted;
  s << "UPDATE receipt_mails SET status = 'failed', attempts = attempts + 1, error = :e, "
       "next_at = '' WHERE status = 'sending' AND next_at <= :now AND handed_over = 1",
      soci::use(interrupted), soci::use(now);
  OutboxMail m;
  std::string status, next_at;
  int document = 0;
  soci::statement st =
      (s.prepare << "SELECT id, doc_kind, doc_id, document, to_email, to_name, subject, body, "
                    "attempts, status, next_at FROM receipt_mails WHERE status IN ('queued', "
                    "'sending') AND next_at <= :now ORDER BY next_at, id LIMIT 8",
       soci::use(now), soci::into(m.id), soci::into(m.doc.kind), soci::into(m.doc.id),
       soci::into(document), soci::into(m.to), soci::into(m.name), soci::into(m.subject),
       soci::into(m.text), soci::into(m.attempts), soci::into(status), soci::into(next_at));
  st.execute();
  std::vector<std::pair<OutboxMail, std::pair<std::string, std::string>>> due;
  while (st.fetch()) {
    m.document = document != 0;
    due.push_back({m, {status, next_at}});
  }
  for (auto& [queued, was] : due) {
    soci::statement claim =
        (s.prepare
             << "UPDATE receipt_mails SET status = 'sending', next_at = :lease WHERE id = :id "
                "AND status = :st AND next_at = :next",
         soci::use(lease_until), soci::use(queued.id), soci::use(was.first), soci::use(was.second));
    claim.execute(true);
    if (claim.get_affected_rows() == 1) return queued;
  }
  return std::nullopt;
}

bool MarkMailHandedOver(soci::session& s, int64_t id, const std::string& lease_until) {
  soci::statement st = (s.prepare << "UPDATE receipt_mails SET handed_over = 1 WHERE id = :id "
                                     "AND status = 'sending' AND next_at = :lease",
                        soci::use(id), soci::use(lease_until));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void FinishMail(soci::session& s, int64_t id, const std::string& status, int attempts,
                const std::string& error, const std::string& next_at, const std::string& now) {
  const std::string sent_at = status == "sent" ? now : "";
  s << "UPDATE receipt_mails SET status = :st, attempts = :n, error = :e, next_at = :next, "
       "sent_at = :at, handed_over = 0 WHERE id = :id",
      soci::use(status), soci::use(attempts), soci::use(error), soci::use(next_at),
      soci::use(sent_at), soci::use(id);
}

void InsertReminder(soci::session& s, const DocRef& doc, const Reminder& r, int64_t by_user_id) {
  s << "INSERT INTO receipt_reminders (doc_kind, doc_id, org_code, by_user_id, by_login, at, "
       "at_unix, notified, emailed) VALUES (:k, :d, :o, :u, :l, :at, :unix, :n, :e)",
      soci::use(doc.kind), soci::use(doc.id), soci::use(r.org_code), soci::use(by_user_id),
      soci::use(r.by), soci::use(r.at), soci::use(r.at_unix), soci::use(r.notified),
      soci::use(r.emailed);
}

}  // namespace internal

}  // namespace jianbao::receipts
