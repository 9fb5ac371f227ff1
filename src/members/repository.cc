// Copyright 2026 The Jianbao Authors.

#include "members/repository.h"

#include <soci/soci.h>

#include "core/clock.h"
#include "members/library_repository.h"
#include "members/repository_notices.h"

namespace jianbao::members::repo {

std::vector<store::Migration> Migrations() {
  std::vector<store::Migration> out = {
      {1, "member profiles, work-resumption reports, schedules, follow-ups, supplies ledger",
       R"SQL(
CREATE TABLE member_profiles (
  org_id {{int}} PRIMARY KEY,
  credit_code TEXT UNIQUE,
  sector TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE resumption_reports (
  id {{pk}},
  org_id {{int}} NOT NULL,
  date TEXT NOT NULL,
  day {{int}} NOT NULL,
  status TEXT NOT NULL,
  staff_back_pct INTEGER NOT NULL,
  capacity_pct INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  submitted_unix {{int}} NOT NULL,
  submitted_by TEXT NOT NULL,
  UNIQUE (org_id, date)
);
CREATE INDEX resumption_reports_org_day ON resumption_reports (org_id, day, submitted_unix);
CREATE INDEX resumption_reports_day ON resumption_reports (day);
CREATE TABLE resumption_difficulties (
  report_id {{int}} NOT NULL REFERENCES resumption_reports(id),
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
);
CREATE TABLE resumption_needs (
  id {{pk}},
  report_id {{int}} NOT NULL REFERENCES resumption_reports(id),
  org_id {{int}} NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX resumption_needs_report ON resumption_needs (report_id);
CREATE INDEX resumption_needs_org ON resumption_needs (org_id, status);
CREATE TABLE resumption_followup_events (
  id {{pk}},
  need_id {{int}} NOT NULL REFERENCES resumption_needs(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX resumption_followup_events_need ON resumption_followup_events (need_id, id);
CREATE TABLE resumption_schedules (
  id {{pk}},
  owner_org_id {{int}} NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  weekday INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  deadline TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE resumption_schedule_units (
  schedule_id {{int}} NOT NULL REFERENCES resumption_schedules(id),
  org_id {{int}} NOT NULL,
  from_day {{int}} NOT NULL,
  PRIMARY KEY (schedule_id, org_id)
);
CREATE INDEX resumption_schedule_units_org ON resumption_schedule_units (org_id);
CREATE TABLE resumption_unit_periods (
  schedule_id {{int}} NOT NULL REFERENCES resumption_schedules(id),
  period {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  first_unix {{int}} NOT NULL,
  on_time INTEGER NOT NULL,
  PRIMARY KEY (schedule_id, period, org_id)
);
CREATE TABLE resumption_period_stats (
  schedule_id {{int}} NOT NULL REFERENCES resumption_schedules(id),
  period {{int}} NOT NULL,
  reported {{int}} NOT NULL,
  on_time {{int}} NOT NULL,
  PRIMARY KEY (schedule_id, period)
);
CREATE TABLE supplies_transactions (
  id {{pk}},
  item TEXT NOT NULL,
  quantity {{int}} NOT NULL CHECK (quantity > 0),
  from_org_id {{int}},
  from_name TEXT NOT NULL,
  to_org_id {{int}},
  to_name TEXT NOT NULL,
  date TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX supplies_transactions_date ON supplies_transactions (date);
CREATE TABLE supplies_balances (
  holder_org_id {{int}} NOT NULL,
  item TEXT NOT NULL,
  balance {{int}} NOT NULL CHECK (balance >= 0),
  PRIMARY KEY (holder_org_id, item)
);
)SQL"}};
  // Notices: versions 10 and up (repository_notices.cc).
  for (store::Migration& m : NoticeMigrations()) out.push_back(std::move(m));
  // The policy library and training own versions 20–29 (library_repository.cc).
  for (store::Migration& m : library_repo::Migrations()) out.push_back(std::move(m));
  return out;
}

namespace {

// "(1,2,3)" for an IN clause; "(NULL)" matches nothing.
std::string IdList(const std::vector<int64_t>& ids) {
  if (ids.empty()) return "(NULL)";
  std::string out = "(";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + ")";
}

}  // namespace

// ---- member profiles ----

std::map<int64_t, Member> LoadProfiles(soci::session& s) {
  std::map<int64_t, Member> out;
  long long org = 0;
  std::string code;
  soci::indicator code_ind = soci::i_ok;
  Member m;
  soci::statement st = (s.prepare << "SELECT org_id, credit_code, sector, contact, phone, email "
                                     "FROM member_profiles",
                        soci::into(org), soci::into(code, code_ind), soci::into(m.sector),
                        soci::into(m.contact), soci::into(m.phone), soci::into(m.email));
  st.execute();
  while (st.fetch()) {
    m.org_id = org;
    m.credit_code = code_ind == soci::i_ok ? code : "";
    out[org] = m;
  }
  return out;
}

std::map<int64_t, std::string> SectorsOf(soci::session& s, int64_t schedule_id) {
  std::map<int64_t, std::string> out;
  long long sid = schedule_id, org = 0;
  std::string sector;
  soci::statement st = (s.prepare << "SELECT p.org_id, p.sector FROM member_profiles p JOIN "
                                     "resumption_schedule_units u ON u.org_id = p.org_id WHERE "
                                     "u.schedule_id = :s",
                        soci::use(sid), soci::into(org), soci::into(sector));
  st.execute();
  while (st.fetch()) out.emplace_hint(out.end(), org, sector);
  return out;
}

std::optional<int64_t> OrgOfCreditCode(soci::session& s, const std::string& credit_code) {
  long long org = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT org_id FROM member_profiles WHERE credit_code = :c", soci::use(credit_code),
      soci::into(org, ind);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  return org;
}

void SaveProfile(soci::session& s, const Member& m, const std::string& now) {
  long long org = m.org_id;
  soci::indicator code_ind = m.credit_code.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO member_profiles (org_id, credit_code, sector, contact, phone, email, "
       "updated_at) VALUES (:org, :code, :sector, :contact, :phone, :email, :now) "
       "ON CONFLICT (org_id) DO UPDATE SET credit_code = excluded.credit_code, "
       "sector = excluded.sector, contact = excluded.contact, phone = excluded.phone, "
       "email = excluded.email, updated_at = excluded.updated_at",
      soci::use(org), soci::use(m.credit_code, code_ind), soci::use(m.sector), soci::use(m.contact),
      soci::use(m.phone), soci::use(m.email), soci::use(now);
}

void SaveProfiles(soci::session& s, const std::vector<Member>& members, const std::string& now) {
  constexpr size_t kChunk = 200;
  for (size_t begin = 0; begin < members.size(); begin += kChunk) {
    const size_t end = std::min(members.size(), begin + kChunk);
    // Bound values live here until the statement ran (reserved: no reallocation).
    std::vector<long long> ids;
    std::vector<std::string> texts;
    std::vector<soci::indicator> inds;
    ids.reserve(end - begin);
    texts.reserve((end - begin) * 6);
    inds.reserve(end - begin);
    std::string sql =
        "INSERT INTO member_profiles (org_id, credit_code, sector, contact, phone, email, "
        "updated_at) VALUES ";
    soci::statement st(s);
    st.alloc();
    for (size_t i = begin; i < end; ++i) {
      const Member& m = members[i];
      const std::string n = std::to_string(i - begin);
      sql += std::string(i > begin ? ", " : "") + "(:o" + n + ", :c" + n + ", :s" + n + ", :k" + n +
             ", :p" + n + ", :e" + n + ", :t" + n + ")";
      ids.push_back(m.org_id);
      inds.push_back(m.credit_code.empty() ? soci::i_null : soci::i_ok);
      st.exchange(soci::use(ids.back(), "o" + n));
      for (const auto& [prefix, value] :
           {std::pair{"c", &m.credit_code}, std::pair{"s", &m.sector}, std::pair{"k", &m.contact},
            std::pair{"p", &m.phone}, std::pair{"e", &m.email}, std::pair{"t", &now}}) {
        texts.push_back(*value);
        if (std::string(prefix) == "c") {
          st.exchange(soci::use(texts.back(), inds.back(), prefix + n));
        } else {
          st.exchange(soci::use(texts.back(), prefix + n));
        }
      }
    }
    sql +=
        " ON CONFLICT (org_id) DO UPDATE SET credit_code = excluded.credit_code, sector = "
        "excluded.sector, contact = excluded.contact, phone = excluded.phone, email = "
        "excluded.email, updated_at = excluded.updated_at";
    st.prepare(sql);
    st.define_and_bind();
    st.execute(true);
  }
}

// ---- reports ----

bool ReportExists(soci::session& s, int64_t org_id, const std::string& date) {
  long long org = org_id, n = 0;
  s << "SELECT COUNT(*) FROM resumption_reports WHERE org_id = :org AND date = :date",
      soci::use(org), soci::use(date), soci::into(n);
  return n > 0;
}

int64_t InsertReport(soci::session& s, int64_t org_id, const ReportInput& in,
                     const std::string& submitted_at, int64_t submitted_unix,
                     const std::string& by) {
  long long id = 0, org = org_id, day = clock::DaysFromDate(in.date), unix = submitted_unix;
  int staff = in.staff_back_pct, capacity = in.capacity_pct;
  s << "INSERT INTO resumption_reports (org_id, date, day, status, staff_back_pct, capacity_pct, "
       "submitted_at, submitted_unix, submitted_by) VALUES (:org, :date, :day, :status, :staff, "
       ":capacity, :at, :unix, :by) RETURNING id",
      soci::use(org), soci::use(in.date), soci::use(day), soci::use(in.status), soci::use(staff),
      soci::use(capacity), soci::use(submitted_at), soci::use(unix), soci::use(by), soci::into(id);
  for (size_t i = 0; i < in.difficulties.size(); ++i) {
    int pos = static_cast<int>(i);
    s << "INSERT INTO resumption_difficulties (report_id, position, category, text) VALUES "
         "(:r, :p, :c, :t)",
        soci::use(id), soci::use(pos), soci::use(in.difficulties[i].category),
        soci::use(in.difficulties[i].text);
  }
  for (size_t i = 0; i < in.needs.size(); ++i) {
    int pos = static_cast<int>(i);
    long long need = 0;
    double q = in.needs[i].quantity;
    s << "INSERT INTO resumption_needs (report_id, org_id, position, kind, quantity, note, status, "
         "owner, created_at, updated_at) VALUES (:r, :org, :p, :k, :q, :n, 'open', '', :at, :at2) "
         "RETURNING id",
        soci::use(id), soci::use(org), soci::use(pos), soci::use(in.needs[i].kind), soci::use(q),
        soci::use(in.needs[i].note), soci::use(submitted_at), soci::use(submitted_at),
        soci::into(need);
    AddFollowupEvent(s, need, FollowupEvent{submitted_at, by, "create", "open", "", ""});
  }
  return id;
}

Page<Report> ListReports(soci::session& s, const std::vector<int64_t>& org_ids,
                         const ReportFilter& f, int64_t filter_org, const PageRequest& page) {
  std::string where = " WHERE r.org_id IN " + IdList(org_ids) +
                      " AND (:org = 0 OR r.org_id = :org2) AND (:from = '' OR r.date >= :from2)"
                      " AND (:to = '' OR r.date <= :to2) AND (:st = '' OR r.status = :st2)";
  long long org = filter_org, org2 = filter_org;
  std::string from = f.from, from2 = f.from, to = f.to, to2 = f.to, st = f.status, st2 = f.status;
  Page<Report> out;
  long long total = 0;
  s << "SELECT COUNT(*) FROM resumption_reports r" + where, soci::use(org, "org"),
      soci::use(org2, "org2"), soci::use(from, "from"), soci::use(from2, "from2"),
      soci::use(to, "to"), soci::use(to2, "to2"), soci::use(st, "st"), soci::use(st2, "st2"),
      soci::into(total);
  out.total = total;
  int lim = page.page_size, off = page.offset();
  Report r;
  long long id = 0, rorg = 0;
  soci::statement stmt =
      (s.prepare << "SELECT r.id, r.org_id, r.date, r.status, r.staff_back_pct, r.capacity_pct, "
                    "r.submitted_at, r.submitted_by FROM resumption_reports r" +
                        where + " ORDER BY r.date DESC, r.id DESC LIMIT :lim OFFSET :off",
       soci::use(org, "org"), soci::use(org2, "org2"), soci::use(from, "from"),
       soci::use(from2, "from2"), soci::use(to, "to"), soci::use(to2, "to2"), soci::use(st, "st"),
       soci::use(st2, "st2"), soci::use(lim, "lim"), soci::use(off, "off"), soci::into(id),
       soci::into(rorg), soci::into(r.date), soci::into(r.status), soci::into(r.staff_back_pct),
       soci::into(r.capacity_pct), soci::into(r.submitted_at), soci::into(r.submitted_by));
  stmt.execute();
  std::map<int64_t, size_t> index;
  std::vector<int64_t> ids;
  while (stmt.fetch()) {
    r.id = id;
    r.org_id = rorg;
    index[id] = out.items.size();
    ids.push_back(id);
    out.items.push_back(r);
  }
  if (ids.empty()) return out;
  Difficulty d;
  long long rid = 0;
  soci::statement ds =
      (s.prepare << "SELECT report_id, category, text FROM resumption_difficulties "
                    "WHERE report_id IN " +
                        IdList(ids) + " ORDER BY report_id, position",
       soci::into(rid), soci::into(d.category), soci::into(d.text));
  ds.execute();
  while (ds.fetch()) out.items[index[rid]].difficulties.push_back(d);
  Need n;
  soci::statement ns =
      (s.prepare << "SELECT report_id, kind, quantity, note FROM resumption_needs "
                    "WHERE report_id IN " +
                        IdList(ids) + " ORDER BY report_id, position",
       soci::into(rid), soci::into(n.kind), soci::into(n.quantity), soci::into(n.note));
  ns.execute();
  while (ns.fetch()) out.items[index[rid]].needs.push_back(n);
  return out;
}

// ---- schedules ----

int64_t InsertSchedule(soci::session& s, int64_t owner_org_id, const ScheduleInput& in,
                       const std::string& now, const std::string& by) {
  long long id = 0, owner = owner_org_id;
  int weekday = in.weekday;
  s << "INSERT INTO resumption_schedules (owner_org_id, name, kind, weekday, start_date, deadline, "
       "created_at, created_by) VALUES (:owner, :name, :kind, :wd, :start, :deadline, :now, :by) "
       "RETURNING id",
      soci::use(owner), soci::use(in.name), soci::use(in.kind), soci::use(weekday),
      soci::use(in.start), soci::use(in.deadline), soci::use(now), soci::use(by), soci::into(id);
  return id;
}

void AddScheduleUnit(soci::session& s, int64_t schedule_id, int64_t org_id, int64_t from_day) {
  long long sid = schedule_id, org = org_id, from = from_day;
  s << "INSERT INTO resumption_schedule_units (schedule_id, org_id, from_day) VALUES (:s, :o, :f) "
       "ON CONFLICT DO NOTHING",
      soci::use(sid), soci::use(org), soci::use(from);
}

namespace {

std::vector<Schedule> FetchSchedules(soci::session& s, const std::string& where, long long id) {
  std::vector<Schedule> out;
  Schedule sc;
  long long sid = 0, owner = 0, units = 0;
  soci::statement st =
      (s.prepare << "SELECT s.id, s.owner_org_id, s.name, s.kind, s.weekday, s.start_date, "
                    "s.deadline, s.created_at, s.created_by, (SELECT COUNT(*) FROM "
                    "resumption_schedule_units u WHERE u.schedule_id = s.id) FROM "
                    "resumption_schedules s WHERE " +
                        where + " ORDER BY s.id DESC",
       soci::use(id, "id"), soci::into(sid), soci::into(owner), soci::into(sc.name),
       soci::into(sc.kind), soci::into(sc.weekday), soci::into(sc.start), soci::into(sc.deadline),
       soci::into(sc.created_at), soci::into(sc.created_by), soci::into(units));
  st.execute();
  while (st.fetch()) {
    sc.id = sid;
    sc.owner_org_id = owner;
    sc.unit_count = units;
    out.push_back(sc);
  }
  return out;
}

}  // namespace

std::vector<Schedule> ListSchedules(soci::session& s) {
  return FetchSchedules(s, "(:id = 0 OR 1 = 1)", 0);
}

std::optional<Schedule> FindSchedule(soci::session& s, int64_t id) {
  auto found = FetchSchedules(s, "s.id = :id", id);
  if (found.empty()) return std::nullopt;
  return found[0];
}

std::map<int64_t, int64_t> ScheduleUnits(soci::session& s, int64_t schedule_id) {
  std::map<int64_t, int64_t> out;
  long long sid = schedule_id, org = 0, from = 0;
  soci::statement st = (s.prepare << "SELECT org_id, from_day FROM resumption_schedule_units "
                                     "WHERE schedule_id = :s",
                        soci::use(sid), soci::into(org), soci::into(from));
  st.execute();
  while (st.fetch()) out[org] = from;
  return out;
}

std::vector<int64_t> SchedulesOfOrg(soci::session& s, int64_t org_id) {
  std::vector<int64_t> out;
  long long org = org_id, sid = 0;
  soci::statement st = (s.prepare << "SELECT schedule_id FROM resumption_schedule_units WHERE "
                                     "org_id = :o",
                        soci::use(org), soci::into(sid));
  st.execute();
  while (st.fetch()) out.push_back(sid);
  return out;
}

std::map<int64_t, UnitPeriod> PeriodReports(soci::session& s, int64_t schedule_id, int64_t from_day,
                                            int64_t to_day) {
  std::map<int64_t, UnitPeriod> out;
  long long sid = schedule_id, lo = from_day, hi = to_day, org = 0, unix = 0;
  std::string status, at;
  int staff = 0, capacity = 0;
  soci::statement st =
      (s.prepare << "SELECT r.org_id, r.status, r.staff_back_pct, r.capacity_pct, "
                    "r.submitted_unix, r.submitted_at FROM resumption_reports r JOIN "
                    "resumption_schedule_units u ON u.org_id = r.org_id AND u.schedule_id = :s "
                    "WHERE r.day >= :lo AND r.day <= :hi ORDER BY r.org_id, r.day",
       soci::use(sid), soci::use(lo), soci::use(hi), soci::into(org), soci::into(status),
       soci::into(staff), soci::into(capacity), soci::into(unix), soci::into(at));
  st.execute();
  while (st.fetch()) {
    auto [it, fresh] = out.try_emplace(org);
    UnitPeriod& u = it->second;
    if (fresh || unix < u.first_unix) {
      u.first_unix = unix;
      u.first_at = at;
    }
    u.status = status;
    u.staff_back_pct = staff;
    u.capacity_pct = capacity;
  }
  return out;
}

std::map<std::string, int64_t> PeriodNeeds(soci::session& s, int64_t schedule_id, int64_t from_day,
                                           int64_t to_day) {
  std::map<std::string, int64_t> out;
  long long sid = schedule_id, lo = from_day, hi = to_day, n = 0;
  std::string kind;
  soci::statement st =
      (s.prepare << "SELECT n.kind, COUNT(*) FROM resumption_needs n JOIN resumption_reports r ON "
                    "r.id = n.report_id JOIN resumption_schedule_units u ON u.org_id = r.org_id "
                    "AND u.schedule_id = :s WHERE r.day >= :lo AND r.day <= :hi GROUP BY n.kind",
       soci::use(sid), soci::use(lo), soci::use(hi), soci::into(kind), soci::into(n));
  st.execute();
  while (st.fetch()) out[kind] = n;
  return out;
}

std::vector<UnitSchedule> SchedulesWithUnit(soci::session& s, int64_t org_id) {
  std::vector<UnitSchedule> out;
  long long org = org_id, id = 0, from = 0;
  UnitSchedule u;
  soci::statement st =
      (s.prepare << "SELECT s.id, s.kind, s.weekday, s.start_date, s.deadline, u.from_day FROM "
                    "resumption_schedule_units u JOIN resumption_schedules s ON s.id = "
                    "u.schedule_id WHERE u.org_id = :o",
       soci::use(org), soci::into(id), soci::into(u.kind), soci::into(u.weekday),
       soci::into(u.start), soci::into(u.deadline), soci::into(from));
  st.execute();
  while (st.fetch()) {
    u.schedule_id = id;
    u.from_day = from;
    out.push_back(u);
  }
  return out;
}

bool MarkUnitPeriod(soci::session& s, int64_t schedule_id, int64_t period, int64_t org_id,
                    int64_t first_unix, bool on_time) {
  long long sid = schedule_id, p = period, org = org_id, first = first_unix;
  int ok = on_time ? 1 : 0;
  soci::statement st =
      (s.prepare << "INSERT INTO resumption_unit_periods (schedule_id, period, "
                    "org_id, first_unix, on_time) VALUES (:s, :p, :o, :f, :ok) "
                    "ON CONFLICT DO NOTHING",
       soci::use(sid), soci::use(p), soci::use(org), soci::use(first), soci::use(ok));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  s << "INSERT INTO resumption_period_stats (schedule_id, period, reported, on_time) VALUES "
       "(:s, :p, 1, :ok) ON CONFLICT (schedule_id, period) DO UPDATE SET reported = "
       "resumption_period_stats.reported + 1, on_time = resumption_period_stats.on_time + "
       "excluded.on_time",
      soci::use(sid), soci::use(p), soci::use(ok);
  return true;
}

void CountExistingReports(soci::session& s, int64_t schedule_id, const std::vector<int64_t>& orgs,
                          int64_t anchor, int64_t length, int64_t last_day, int64_t due0) {
  if (orgs.empty()) return;
  std::string ids = "(";
  for (size_t i = 0; i < orgs.size(); ++i) ids += (i ? "," : "") + std::to_string(orgs[i]);
  ids += ")";
  long long sid = schedule_id, sid2 = schedule_id, a1 = anchor, l1 = length, a2 = anchor,
            l2 = length, lo = anchor, hi = last_day, d0 = due0, lsec = length * 86400;
  s << "INSERT INTO resumption_unit_periods (schedule_id, period, org_id, first_unix, on_time) "
       "SELECT :s, t.p, t.org_id, t.first_unix, CASE WHEN t.first_unix < :d0 + (t.p + 1) * :lsec "
       "THEN 1 ELSE 0 END FROM (SELECT r.org_id AS org_id, (r.day - :a1) / :l1 AS p, "
       "MIN(r.submitted_unix) AS first_unix, MIN(u.from_day) AS from_day FROM resumption_reports r "
       "JOIN resumption_schedule_units u ON u.org_id = r.org_id AND u.schedule_id = :s2 WHERE "
       "r.org_id IN " +
           ids +
           " AND r.day >= :lo AND r.day <= :hi GROUP BY r.org_id, p) t WHERE t.from_day <= :a2 + "
           "t.p * :l2 ON CONFLICT DO NOTHING",
      soci::use(sid, "s"), soci::use(d0, "d0"), soci::use(lsec, "lsec"), soci::use(a1, "a1"),
      soci::use(l1, "l1"), soci::use(sid2, "s2"), soci::use(lo, "lo"), soci::use(hi, "hi"),
      soci::use(a2, "a2"), soci::use(l2, "l2");
  long long sid3 = schedule_id, sid4 = schedule_id;
  s << "DELETE FROM resumption_period_stats WHERE schedule_id = :s", soci::use(sid3);
  s << "INSERT INTO resumption_period_stats (schedule_id, period, reported, on_time) SELECT "
       "schedule_id, period, COUNT(*), SUM(on_time) FROM resumption_unit_periods WHERE "
       "schedule_id = :s GROUP BY schedule_id, period",
      soci::use(sid4);
}

std::map<int64_t, SeriesCounts> SeriesOf(soci::session& s, int64_t schedule_id, int64_t first,
                                         int64_t last) {
  std::map<int64_t, SeriesCounts> out;
  long long sid = schedule_id, lo = first, hi = last, p = 0, reported = 0, on_time = 0;
  soci::statement st = (s.prepare << "SELECT period, reported, on_time FROM "
                                     "resumption_period_stats WHERE schedule_id = :s AND period "
                                     ">= :lo AND period <= :hi",
                        soci::use(sid), soci::use(lo), soci::use(hi), soci::into(p),
                        soci::into(reported), soci::into(on_time));
  st.execute();
  while (st.fetch()) out[p] = SeriesCounts{reported, on_time};
  return out;
}

}  // namespace jianbao::members::repo
