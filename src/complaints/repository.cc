// Copyright 2026 The Jianbao Authors.

#include "complaints/repository.h"

#include <soci/soci.h>

#include "complaints/calendar.h"
#include "core/bytes.h"
#include "store/changes.h"

namespace jianbao::complaints::repo {
namespace {

// The shipped holiday table as INSERT statements (migration 2).
std::string ShippedCalendarSql() {
  std::string sql;
  for (const CalendarDay& d : ShippedCalendar()) {
    sql += "INSERT INTO complaint_calendar (date, kind, name, updated_by, updated_at) VALUES ('" +
           d.date + "', '" + d.kind + "', '" + d.name + "', 'system', '2026-01-01T00:00:00Z');\n";
  }
  return sql;
}

long long GetInt(const soci::row& row, size_t i) {
  if (row.get_indicator(i) == soci::i_null) return 0;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(i));
    default:
      return std::stoll(row.get<std::string>(i));
  }
}

std::string GetStr(const soci::row& row, size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "";
  return row.get<std::string>(i);
}

const char* kCaseColumns =
    "c.id, c.number, c.kind, c.category, c.operator_code, c.region, c.channel, c.name, c.phone, "
    "c.description, c.operator_contacted_on, c.operator_answer, c.status, c.received_at, "
    "c.received_on, c.accepted_on, c.forwarded_on, c.replied_on, c.closed_on, c.finished_on, "
    "c.accept_due, c.reply_due, c.close_due, c.handling, c.refuse_reason, c.reply_text, "
    "c.reply_outcome, c.outcome, c.satisfaction, c.merged_into, "
    "COALESCE((SELECT m.number FROM complaints m WHERE m.id = c.merged_into), ''), c.purged_at";

Complaint CaseFromRow(const soci::row& r) {
  Complaint c;
  size_t i = 0;
  c.id = GetInt(r, i++);
  for (std::string* f : {&c.number,
                         &c.kind,
                         &c.category,
                         &c.operator_code,
                         &c.region,
                         &c.channel,
                         &c.name,
                         &c.phone,
                         &c.description,
                         &c.operator_contacted_on,
                         &c.operator_answer,
                         &c.status,
                         &c.received_at,
                         &c.received_on,
                         &c.accepted_on,
                         &c.forwarded_on,
                         &c.replied_on,
                         &c.closed_on,
                         &c.finished_on,
                         &c.accept_due,
                         &c.reply_due,
                         &c.close_due,
                         &c.handling,
                         &c.refuse_reason,
                         &c.reply_text,
                         &c.reply_outcome,
                         &c.outcome}) {
    *f = GetStr(r, i++);
  }
  c.satisfaction = static_cast<int>(GetInt(r, i++));
  c.merged_into = GetInt(r, i++);
  c.merged_into_number = GetStr(r, i++);
  c.purged_at = GetStr(r, i++);
  return c;
}

// The filter of ListCases: every parameter always bound (SOCI binds each name once).
const char* kFilterWhere =
    " WHERE (:all_regions = 1 OR c.region = :region)"
    " AND (:lop = '' OR (c.operator_code = :lop2 AND c.forwarded_on <> ''))"
    " AND (:st = '' OR c.status = :st2)"
    " AND (:cat = '' OR c.category = :cat2)"
    " AND (:op = '' OR c.operator_code = :op2)"
    " AND (:kind = '' OR c.kind = :kind2)"
    " AND (:dfrom = '' OR c.received_on >= :dfrom2)"
    " AND (:dto = '' OR c.received_on <= :dto2)"
    " AND (:q = '' OR c.number = :q2 OR c.description LIKE :qlike ESCAPE '!')"
    " AND (:ovd = 0 OR (c.status = 'received' AND c.accept_due < :t1)"
    "   OR (c.status = 'forwarded' AND c.reply_due < :t2)"
    "   OR (c.status IN ('accepted', 'resolved', 'forwarded', 'replied', 'verified')"
    "       AND c.close_due <> '' AND c.close_due < :t3))";

struct FilterParams {
  int all_regions = 0, ovd = 0;
  std::string region, lop, st, cat, op, kind, dfrom, dto, q, qlike, today;
};

FilterParams ParamsOf(const CaseFilter& f) {
  FilterParams p;
  p.all_regions = f.all_regions ? 1 : 0;
  p.region = f.regions.empty() ? "" : f.regions.front();
  if (!f.forwarded_only_region.empty()) p.region = f.forwarded_only_region;
  p.lop = f.operator_only;
  p.st = f.status;
  p.cat = f.category;
  p.op = f.operator_code;
  p.kind = f.kind;
  p.dfrom = f.from;
  p.dto = f.to;
  p.q = f.text;
  std::string escaped;
  for (char ch : f.text) {
    if (ch == '%' || ch == '_' || ch == '!') escaped += '!';
    escaped += ch;
  }
  p.qlike = "%" + escaped + "%";
  p.ovd = f.overdue_only ? 1 : 0;
  p.today = f.today;
  return p;
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{1, "complaint desk: cases, history, attachments, calendar, org settings", R"SQL(
CREATE TABLE complaints (
  id {{pk}},
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  operator_code TEXT NOT NULL,
  region TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT 'web',
  name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  operator_contacted_on TEXT NOT NULL DEFAULT '',
  operator_answer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  accepted_on TEXT NOT NULL DEFAULT '',
  forwarded_on TEXT NOT NULL DEFAULT '',
  replied_on TEXT NOT NULL DEFAULT '',
  closed_on TEXT NOT NULL DEFAULT '',
  finished_on TEXT NOT NULL DEFAULT '',
  accept_due TEXT NOT NULL DEFAULT '',
  reply_due TEXT NOT NULL DEFAULT '',
  close_due TEXT NOT NULL DEFAULT '',
  handling TEXT NOT NULL DEFAULT '',
  refuse_reason TEXT NOT NULL DEFAULT '',
  reply_text TEXT NOT NULL DEFAULT '',
  reply_outcome TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  satisfaction {{int}} NOT NULL DEFAULT 0,
  merged_into {{int}} NOT NULL DEFAULT 0,
  purged_at TEXT NOT NULL DEFAULT '',
  created_by {{int}} NOT NULL DEFAULT 0
);
CREATE INDEX complaints_region ON complaints(region, received_on);
CREATE INDEX complaints_status ON complaints(status);
CREATE INDEX complaints_finished ON complaints(finished_on);
CREATE TABLE complaint_events (
  id {{pk}},
  complaint_id {{int}} NOT NULL REFERENCES complaints(id),
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_id {{int}} NOT NULL DEFAULT 0,
  actor_login TEXT NOT NULL DEFAULT '',
  actor_role TEXT NOT NULL DEFAULT '',
  from_state TEXT NOT NULL DEFAULT '',
  to_state TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  is_public {{int}} NOT NULL DEFAULT 0
);
CREATE INDEX complaint_events_case ON complaint_events(complaint_id, id);
CREATE TABLE complaint_attachments (
  id {{pk}},
  complaint_id {{int}} NOT NULL REFERENCES complaints(id),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  data_base64 TEXT NOT NULL DEFAULT '',
  uploaded_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX complaint_attachments_case ON complaint_attachments(complaint_id);
CREATE TABLE complaint_calendar (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE complaint_org_settings (
  org_id {{int}} PRIMARY KEY,
  region TEXT NOT NULL DEFAULT '',
  operator_code TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT ''
);
CREATE TABLE complaint_public_hits (
  id {{pk}},
  address TEXT NOT NULL,
  at {{int}} NOT NULL
);
CREATE INDEX complaint_public_hits_address ON complaint_public_hits(address, at);
CREATE TABLE complaint_nonces (
  nonce TEXT PRIMARY KEY,
  expires_at {{int}} NOT NULL
);
CREATE TABLE complaint_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE complaint_reminders (
  complaint_id {{int}} NOT NULL,
  clock TEXT NOT NULL,
  due TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (complaint_id, clock, due)
);
)SQL"},
          {2, "the shipped holiday calendar: 2020 and 2026", ShippedCalendarSql()}};
}

int64_t InsertCase(soci::session& s, const Complaint& c, int64_t created_by) {
  long long id = 0, by = created_by;
  s << "INSERT INTO complaints (number, kind, category, operator_code, region, channel, name, "
       "phone, description, operator_contacted_on, operator_answer, status, received_at, "
       "received_on, accept_due, created_by) VALUES (:number, :kind, :category, :op, :region, "
       ":channel, :name, :phone, :description, :contacted, :answer, :status, :received_at, "
       ":received_on, :accept_due, :by) RETURNING id",
      soci::use(c.number, "number"), soci::use(c.kind, "kind"), soci::use(c.category, "category"),
      soci::use(c.operator_code, "op"), soci::use(c.region, "region"),
      soci::use(c.channel, "channel"), soci::use(c.name, "name"), soci::use(c.phone, "phone"),
      soci::use(c.description, "description"), soci::use(c.operator_contacted_on, "contacted"),
      soci::use(c.operator_answer, "answer"), soci::use(c.status, "status"),
      soci::use(c.received_at, "received_at"), soci::use(c.received_on, "received_on"),
      soci::use(c.accept_due, "accept_due"), soci::use(by, "by"), soci::into(id);
  store::NotifyChanged(s, "complaint", id);  // the search index (store/changes.h)
  return id;
}

void UpdateCase(soci::session& s, const Complaint& c) {
  long long id = c.id, merged = c.merged_into;
  int satisfaction = c.satisfaction;
  s << "UPDATE complaints SET status = :status, accepted_on = :accepted, forwarded_on = "
       ":forwarded, replied_on = :replied, closed_on = :closed, finished_on = :finished, "
       "accept_due = :adue, reply_due = :rdue, close_due = :cdue, handling = :handling, "
       "refuse_reason = :reason, reply_text = :rtext, reply_outcome = :routcome, outcome = "
       ":outcome, satisfaction = :sat, merged_into = :merged WHERE id = :id",
      soci::use(c.status, "status"), soci::use(c.accepted_on, "accepted"),
      soci::use(c.forwarded_on, "forwarded"), soci::use(c.replied_on, "replied"),
      soci::use(c.closed_on, "closed"), soci::use(c.finished_on, "finished"),
      soci::use(c.accept_due, "adue"), soci::use(c.reply_due, "rdue"),
      soci::use(c.close_due, "cdue"), soci::use(c.handling, "handling"),
      soci::use(c.refuse_reason, "reason"), soci::use(c.reply_text, "rtext"),
      soci::use(c.reply_outcome, "routcome"), soci::use(c.outcome, "outcome"),
      soci::use(satisfaction, "sat"), soci::use(merged, "merged"), soci::use(id, "id");
  store::NotifyChanged(s, "complaint", c.id);
}

std::optional<Complaint> FindCase(soci::session& s, int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kCaseColumns + " FROM complaints c WHERE c.id = :id",
       soci::use(key, "id"));
  for (const soci::row& r : rows) return CaseFromRow(r);
  return std::nullopt;
}

std::vector<int64_t> ListCaseIds(soci::session& s) {
  std::vector<int64_t> out;
  soci::rowset<long long> rows = (s.prepare << "SELECT id FROM complaints ORDER BY id");
  for (long long id : rows) out.push_back(id);
  return out;
}

std::optional<Complaint> FindCaseByNumber(soci::session& s, const std::string& number) {
  soci::rowset<soci::row> rows = (s.prepare << std::string("SELECT ") + kCaseColumns +
                                                   " FROM complaints c WHERE c.number = :number",
                                  soci::use(number, "number"));
  for (const soci::row& r : rows) return CaseFromRow(r);
  return std::nullopt;
}

Page<Complaint> ListCases(soci::session& s, const CaseFilter& f) {
  FilterParams p = ParamsOf(f);
  Page<Complaint> out;
  long long total = 0;
  s << std::string("SELECT COUNT(*) FROM complaints c") + kFilterWhere,
      soci::use(p.all_regions, "all_regions"), soci::use(p.region, "region"),
      soci::use(p.lop, "lop"), soci::use(p.lop, "lop2"), soci::use(p.st, "st"),
      soci::use(p.st, "st2"), soci::use(p.cat, "cat"), soci::use(p.cat, "cat2"),
      soci::use(p.op, "op"), soci::use(p.op, "op2"), soci::use(p.kind, "kind"),
      soci::use(p.kind, "kind2"), soci::use(p.dfrom, "dfrom"), soci::use(p.dfrom, "dfrom2"),
      soci::use(p.dto, "dto"), soci::use(p.dto, "dto2"), soci::use(p.q, "q"), soci::use(p.q, "q2"),
      soci::use(p.qlike, "qlike"), soci::use(p.ovd, "ovd"), soci::use(p.today, "t1"),
      soci::use(p.today, "t2"), soci::use(p.today, "t3"), soci::into(total);
  out.total = total;
  int limit = f.page.page_size, offset = f.page.offset();
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kCaseColumns + " FROM complaints c" + kFilterWhere +
                        " ORDER BY c.received_at DESC, c.id DESC LIMIT :lim OFFSET :off",
       soci::use(p.all_regions, "all_regions"), soci::use(p.region, "region"),
       soci::use(p.lop, "lop"), soci::use(p.lop, "lop2"), soci::use(p.st, "st"),
       soci::use(p.st, "st2"), soci::use(p.cat, "cat"), soci::use(p.cat, "cat2"),
       soci::use(p.op, "op"), soci::use(p.op, "op2"), soci::use(p.kind, "kind"),
       soci::use(p.kind, "kind2"), soci::use(p.dfrom, "dfrom"), soci::use(p.dfrom, "dfrom2"),
       soci::use(p.dto, "dto"), soci::use(p.dto, "dto2"), soci::use(p.q, "q"), soci::use(p.q, "q2"),
       soci::use(p.qlike, "qlike"), soci::use(p.ovd, "ovd"), soci::use(p.today, "t1"),
       soci::use(p.today, "t2"), soci::use(p.today, "t3"), soci::use(limit, "lim"),
       soci::use(offset, "off"));
  for (const soci::row& r : rows) out.items.push_back(CaseFromRow(r));
  return out;
}

std::vector<Complaint> CasesForStats(soci::session& s, const std::string& from,
                                     const std::string& to, const std::string& region) {
  std::vector<Complaint> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT kind, category, operator_code, region, status, received_on, "
                    "accepted_on, replied_on, closed_on, accept_due, reply_due, close_due, "
                    "handling, satisfaction FROM complaints WHERE (:f = '' OR received_on >= :f2) "
                    "AND (:t = '' OR received_on <= :t2) AND (:r = '' OR region = :r2) "
                    "ORDER BY id",
       soci::use(from, "f"), soci::use(from, "f2"), soci::use(to, "t"), soci::use(to, "t2"),
       soci::use(region, "r"), soci::use(region, "r2"));
  for (const soci::row& r : rows) {
    Complaint c;
    size_t i = 0;
    for (std::string* f : {&c.kind, &c.category, &c.operator_code, &c.region, &c.status,
                           &c.received_on, &c.accepted_on, &c.replied_on, &c.closed_on,
                           &c.accept_due, &c.reply_due, &c.close_due, &c.handling}) {
      *f = GetStr(r, i++);
    }
    c.satisfaction = static_cast<int>(GetInt(r, i));
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Complaint> CasesWithClockDue(soci::session& s, const std::string& due) {
  std::vector<Complaint> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kCaseColumns +
                        " FROM complaints c WHERE (c.status = 'received' AND c.accept_due = :d1) "
                        "OR (c.status = 'forwarded' AND c.reply_due = :d2) OR (c.status IN "
                        "('accepted', 'resolved', 'forwarded', 'replied', 'verified') AND "
                        "c.close_due = :d3) ORDER BY c.id",
       soci::use(due, "d1"), soci::use(due, "d2"), soci::use(due, "d3"));
  for (const soci::row& r : rows) out.push_back(CaseFromRow(r));
  return out;
}

void AppendEvent(soci::session& s, int64_t complaint_id, const CaseEvent& e, int64_t actor_id) {
  long long cid = complaint_id, aid = actor_id;
  int pub = e.is_public ? 1 : 0;
  s << "INSERT INTO complaint_events (complaint_id, at, action, actor_id, actor_login, "
       "actor_role, from_state, to_state, text, is_public) VALUES (:cid, :at, :action, :aid, "
       ":login, :role, :from, :to, :text, :pub)",
      soci::use(cid, "cid"), soci::use(e.at, "at"), soci::use(e.action, "action"),
      soci::use(aid, "aid"), soci::use(e.actor_login, "login"), soci::use(e.actor_role, "role"),
      soci::use(e.from_state, "from"), soci::use(e.to_state, "to"), soci::use(e.text, "text"),
      soci::use(pub, "pub");
}

std::vector<CaseEvent> Events(soci::session& s, int64_t complaint_id) {
  std::vector<CaseEvent> out;
  long long cid = complaint_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, at, action, actor_login, actor_role, from_state, to_state, "
                    "text, is_public FROM complaint_events WHERE complaint_id = :cid ORDER BY id",
       soci::use(cid, "cid"));
  for (const soci::row& r : rows) {
    CaseEvent e;
    e.id = GetInt(r, 0);
    e.at = GetStr(r, 1);
    e.action = GetStr(r, 2);
    e.actor_login = GetStr(r, 3);
    e.actor_role = GetStr(r, 4);
    e.from_state = GetStr(r, 5);
    e.to_state = GetStr(r, 6);
    e.text = GetStr(r, 7);
    e.is_public = GetInt(r, 8) != 0;
    out.push_back(std::move(e));
  }
  return out;
}

int64_t InsertAttachment(soci::session& s, const Attachment& a) {
  long long id = 0, cid = a.complaint_id, size = a.size;
  const std::string data = bytes::Base64Encode(a.data);
  s << "INSERT INTO complaint_attachments (complaint_id, name, mime, size, sha256, data_base64, "
       "uploaded_by, created_at) VALUES (:cid, :name, :mime, :size, :sha, :data, :by, :at) "
       "RETURNING id",
      soci::use(cid, "cid"), soci::use(a.name, "name"), soci::use(a.mime, "mime"),
      soci::use(size, "size"), soci::use(a.sha256, "sha"), soci::use(data, "data"),
      soci::use(a.uploaded_by, "by"), soci::use(a.created_at, "at"), soci::into(id);
  return id;
}

std::vector<Attachment> Attachments(soci::session& s, int64_t complaint_id) {
  std::vector<Attachment> out;
  long long cid = complaint_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, name, mime, size, sha256, uploaded_by, created_at FROM "
                    "complaint_attachments WHERE complaint_id = :cid ORDER BY id",
       soci::use(cid, "cid"));
  for (const soci::row& r : rows) {
    Attachment a;
    a.id = GetInt(r, 0);
    a.complaint_id = complaint_id;
    a.name = GetStr(r, 1);
    a.mime = GetStr(r, 2);
    a.size = GetInt(r, 3);
    a.sha256 = GetStr(r, 4);
    a.uploaded_by = GetStr(r, 5);
    a.created_at = GetStr(r, 6);
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<Attachment> FindAttachment(soci::session& s, int64_t complaint_id, int64_t id) {
  long long cid = complaint_id, aid = id;
  Attachment a;
  long long size = 0;
  std::string data;
  s << "SELECT name, mime, size, sha256, data_base64 FROM complaint_attachments WHERE id = :aid "
       "AND complaint_id = :cid",
      soci::use(aid, "aid"), soci::use(cid, "cid"), soci::into(a.name), soci::into(a.mime),
      soci::into(size), soci::into(a.sha256), soci::into(data);
  if (!s.got_data()) return std::nullopt;
  a.id = id;
  a.complaint_id = complaint_id;
  a.size = size;
  a.data = bytes::Base64Decode(data).value_or("");
  return a;
}

int PurgeBefore(soci::session& s, const std::string& before, const std::string& now) {
  std::vector<long long> ids;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id FROM complaints WHERE purged_at = '' AND finished_on <> '' AND "
                      "finished_on < :before AND status IN ('closed', 'not_accepted', 'merged')",
         soci::use(before, "before"));
    for (const soci::row& r : rows) ids.push_back(GetInt(r, 0));
  }
  for (long long id : ids) {
    s << "UPDATE complaints SET name = '', phone = '', description = '', operator_answer = '', "
         "reply_text = '', purged_at = :now WHERE id = :id",
        soci::use(now, "now"), soci::use(id, "id");
    s << "UPDATE complaint_events SET text = '' WHERE complaint_id = :id", soci::use(id, "id");
    s << "DELETE FROM complaint_attachments WHERE complaint_id = :id", soci::use(id, "id");
    store::NotifyChanged(s, "complaint", id);  // erased text leaves the index too
  }
  return static_cast<int>(ids.size());
}

std::vector<CalendarDay> CalendarDays(soci::session& s, const std::string& year) {
  std::vector<CalendarDay> out;
  const std::string from = year.empty() ? "" : year + "-01-01";
  const std::string to = year.empty() ? "" : year + "-12-31";
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT date, kind, name FROM complaint_calendar WHERE (:f = '' OR date >= "
                    ":f2) AND (:t = '' OR date <= :t2) ORDER BY date",
       soci::use(from, "f"), soci::use(from, "f2"), soci::use(to, "t"), soci::use(to, "t2"));
  for (const soci::row& r : rows) out.push_back({GetStr(r, 0), GetStr(r, 1), GetStr(r, 2)});
  return out;
}

void UpsertCalendarDay(soci::session& s, const CalendarDay& d, const std::string& by,
                       const std::string& now) {
  s << "DELETE FROM complaint_calendar WHERE date = :date", soci::use(d.date, "date");
  s << "INSERT INTO complaint_calendar (date, kind, name, updated_by, updated_at) VALUES (:date, "
       ":kind, :name, :by, :now)",
      soci::use(d.date, "date"), soci::use(d.kind, "kind"), soci::use(d.name, "name"),
      soci::use(by, "by"), soci::use(now, "now");
}

bool DeleteCalendarDay(soci::session& s, const std::string& date) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM complaint_calendar WHERE date = :date", soci::use(date, "date"),
      soci::into(n);
  s << "DELETE FROM complaint_calendar WHERE date = :date", soci::use(date, "date");
  return n > 0;
}

std::vector<OrgSetting> OrgSettings(soci::session& s) {
  std::vector<OrgSetting> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT org_id, region, operator_code, province FROM complaint_org_settings "
                    "ORDER BY org_id");
  for (const soci::row& r : rows) {
    OrgSetting o;
    o.org_id = GetInt(r, 0);
    o.region = GetStr(r, 1);
    o.operator_code = GetStr(r, 2);
    o.province = GetStr(r, 3);
    out.push_back(std::move(o));
  }
  return out;
}

std::optional<OrgSetting> FindOrgSetting(soci::session& s, int64_t org_id) {
  long long id = org_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT org_id, region, operator_code, province FROM complaint_org_settings "
                    "WHERE org_id = :id",
       soci::use(id, "id"));
  for (const soci::row& r : rows) {
    OrgSetting o;
    o.org_id = GetInt(r, 0);
    o.region = GetStr(r, 1);
    o.operator_code = GetStr(r, 2);
    o.province = GetStr(r, 3);
    return o;
  }
  return std::nullopt;
}

void UpsertOrgSetting(soci::session& s, const OrgSetting& o) {
  long long id = o.org_id;
  s << "DELETE FROM complaint_org_settings WHERE org_id = :id", soci::use(id, "id");
  s << "INSERT INTO complaint_org_settings (org_id, region, operator_code, province) VALUES "
       "(:id, :region, :op, :province)",
      soci::use(id, "id"), soci::use(o.region, "region"), soci::use(o.operator_code, "op"),
      soci::use(o.province, "province");
}

std::vector<int64_t> DeskOrgs(soci::session& s, const std::string& region) {
  std::vector<int64_t> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT org_id FROM complaint_org_settings WHERE region = :r ORDER BY org_id",
       soci::use(region, "r"));
  for (const soci::row& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

std::vector<int64_t> LiaisonOrgs(soci::session& s, const std::string& operator_code,
                                 const std::string& province) {
  std::vector<int64_t> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT org_id FROM complaint_org_settings WHERE operator_code = :op AND "
                    "province = :p ORDER BY org_id",
       soci::use(operator_code, "op"), soci::use(province, "p"));
  for (const soci::row& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

std::pair<int64_t, int64_t> CountHits(soci::session& s, const std::string& address, int64_t since) {
  long long n = 0, oldest = 0, from = since;
  soci::indicator ind = soci::i_ok;
  s << "SELECT COUNT(*), MIN(at) FROM complaint_public_hits WHERE address = :a AND at >= :since",
      soci::use(address, "a"), soci::use(from, "since"), soci::into(n), soci::into(oldest, ind);
  return {n, ind == soci::i_ok ? oldest : 0};
}

void RecordHit(soci::session& s, const std::string& address, int64_t now, int64_t forget_before) {
  long long at = now, before = forget_before;
  s << "DELETE FROM complaint_public_hits WHERE at < :before", soci::use(before, "before");
  s << "INSERT INTO complaint_public_hits (address, at) VALUES (:a, :at)", soci::use(address, "a"),
      soci::use(at, "at");
}

bool UseNonce(soci::session& s, const std::string& nonce, int64_t expires_at, int64_t now) {
  long long t = now, exp = expires_at, n = 0;
  s << "DELETE FROM complaint_nonces WHERE expires_at < :now", soci::use(t, "now");
  s << "SELECT COUNT(*) FROM complaint_nonces WHERE nonce = :n", soci::use(nonce, "n"),
      soci::into(n);
  if (n > 0) return false;
  s << "INSERT INTO complaint_nonces (nonce, expires_at) VALUES (:n, :exp)", soci::use(nonce, "n"),
      soci::use(exp, "exp");
  return true;
}

std::string Secret(soci::session& s, const std::string& name, const std::string& fresh) {
  std::string value;
  soci::indicator ind = soci::i_ok;
  s << "SELECT value FROM complaint_secrets WHERE name = :n", soci::use(name, "n"),
      soci::into(value, ind);
  if (s.got_data() && ind == soci::i_ok && !value.empty()) return value;
  s << "INSERT INTO complaint_secrets (name, value) VALUES (:n, :v)", soci::use(name, "n"),
      soci::use(fresh, "v");
  return fresh;
}

bool RecordReminder(soci::session& s, int64_t id, const std::string& clock, const std::string& due,
                    const std::string& now) {
  long long cid = id, n = 0;
  s << "SELECT COUNT(*) FROM complaint_reminders WHERE complaint_id = :id AND clock = :c AND "
       "due = :d",
      soci::use(cid, "id"), soci::use(clock, "c"), soci::use(due, "d"), soci::into(n);
  if (n > 0) return false;
  s << "INSERT INTO complaint_reminders (complaint_id, clock, due, sent_at) VALUES (:id, :c, :d, "
       ":now)",
      soci::use(cid, "id"), soci::use(clock, "c"), soci::use(due, "d"), soci::use(now, "now");
  return true;
}

}  // namespace jianbao::complaints::repo
