// Copyright 2026 The Jianbao Authors.
//
// Rendered files are stored base64-encoded in a TEXT column: the same code
// path on SQLite and PostgreSQL (SOCI's PostgreSQL blobs are large objects).
// Text values are always bound; IN (…) lists of ids hold only integers.

#include "bulletins/repository.h"

#include <soci/soci.h>

#include <map>

#include "bulletins/json.h"
#include "core/bytes.h"
#include "store/changes.h"
#include "store/versions.h"

namespace jianbao::bulletins::repo {
namespace {

using nlohmann::json;

const char* kSeriesCols =
    "id, code, title, subtitle, masthead, issuer, owner_org, numbering, is_public, "
    "distribution_json";

struct SeriesRow {
  long long id = 0;
  int is_public = 0;
  std::string code, title, subtitle, masthead, issuer, owner, numbering, dist;
  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(title));
    st.exchange(soci::into(subtitle));
    st.exchange(soci::into(masthead));
    st.exchange(soci::into(issuer));
    st.exchange(soci::into(owner));
    st.exchange(soci::into(numbering));
    st.exchange(soci::into(is_public));
    st.exchange(soci::into(dist));
  }
  Series Get() const {
    Series s{id, code, title, subtitle, masthead, issuer, owner, numbering, is_public != 0, {}};
    auto d = ParseDistribution(json::parse(dist, nullptr, false), "distribution");
    if (d.ok()) s.distribution = d.value();
    return s;
  }
};

std::vector<Series> QuerySeries(soci::session& s, const std::string& where, const std::string& text,
                                long long id) {
  SeriesRow row;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kSeriesCols + " FROM bulletin_series " + where);
  std::string t = text;
  if (!where.empty() && where.find(":code") != std::string::npos) st.exchange(soci::use(t, "code"));
  if (!where.empty() && where.find(":id") != std::string::npos) st.exchange(soci::use(id, "id"));
  row.Bind(st);
  st.define_and_bind();
  st.execute(false);
  std::vector<Series> out;
  while (st.fetch()) out.push_back(row.Get());
  return out;
}

// The issue columns. Without content, the sections JSON is replaced by its
// section count and the distribution by '' (a list row needs neither, and
// parsing every row's sections cost most of the list's time, bench/http).
std::string IssueCols(soci::session& s, bool with_content) {
  std::string content = "i.content_json, i.distribution_json";
  if (!with_content) {
    content =
        s.get_backend_name() == "postgresql"
            ? "CAST(COALESCE(json_array_length(CAST(i.content_json AS json) -> 'sections'), 0) "
              "AS TEXT), ''"
            : "CAST(COALESCE(json_array_length(i.content_json, '$.sections'), 0) AS TEXT), ''";
  }
  return "i.id, i.series_id, ser.code, i.year, i.number, i.supplement, i.status, i.date, " +
         content +
         ", i.copies, i.revision, i.revises_id, i.revision_note, "
         "i.created_by, i.approved_by, i.published_by, i.created_at, i.approved_at, "
         "i.published_at, i.imported, i.version, i.updated_by, i.updated_at, i.approved_hash";
}

struct IssueRow {
  bool with_content = true;  // false: `content` holds the section count (IssueCols)
  long long id = 0, series_id = 0, revises = 0, version = 1;
  std::string updated_by, updated_at;
  int year = 0, number = 0, supplement = 0, copies = 0, revision = 0, imported = 0;
  std::string code, status, date, content, dist, note, cby, aby, pby, cat, aat, pat, ahash;
  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(series_id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(year));
    st.exchange(soci::into(number));
    st.exchange(soci::into(supplement));
    st.exchange(soci::into(status));
    st.exchange(soci::into(date));
    st.exchange(soci::into(content));
    st.exchange(soci::into(dist));
    st.exchange(soci::into(copies));
    st.exchange(soci::into(revision));
    st.exchange(soci::into(revises));
    st.exchange(soci::into(note));
    st.exchange(soci::into(cby));
    st.exchange(soci::into(aby));
    st.exchange(soci::into(pby));
    st.exchange(soci::into(cat));
    st.exchange(soci::into(aat));
    st.exchange(soci::into(pat));
    st.exchange(soci::into(imported));
    st.exchange(soci::into(version));
    st.exchange(soci::into(updated_by));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(ahash));
  }
  IssueRecord Get() const {
    IssueRecord r;
    r.id = id, r.series_id = series_id, r.series_code = code, r.year = year, r.number = number;
    r.supplement = supplement != 0, r.date = date, r.copies = copies;
    r.status = ParseState(status).value_or(kInitialState);
    r.revision = revision, r.revises_id = revises, r.revision_note = note;
    r.created_by = cby, r.approved_by = aby, r.published_by = pby;
    r.created_at = cat, r.approved_at = aat, r.published_at = pat, r.imported = imported != 0;
    r.stamp = {version, updated_by, updated_at};
    r.approved_hash = ahash;
    if (!with_content) {
      r.section_count = std::atoi(content.c_str());
      return r;
    }
    json c = json::parse(content, nullptr, false);
    if (c.is_object()) {
      auto secs = ParseSections(c.value("sections", json::array()));
      if (secs.ok()) r.sections = secs.value();
      r.closing_note = c.value("closing_note", "");
    }
    r.section_count = static_cast<int>(r.sections.size());
    auto d = ParseDistribution(json::parse(dist, nullptr, false), "distribution");
    if (d.ok()) r.distribution = d.value();
    return r;
  }
};

std::string ContentJson(const IssueRecord& i) {
  return json{{"sections", SectionsJson(i.sections)}, {"closing_note", i.closing_note}}.dump();
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{1, "bulletin series, issues, files, deliveries", R"SQL(
CREATE TABLE bulletin_series (
  id {{pk}},
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  subtitle TEXT NOT NULL DEFAULT '',
  masthead TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  owner_org TEXT NOT NULL,
  numbering TEXT NOT NULL,
  is_public INTEGER NOT NULL DEFAULT 0,
  distribution_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE TABLE bulletin_issues (
  id {{pk}},
  series_id {{int}} NOT NULL REFERENCES bulletin_series(id),
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  supplement INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL,
  date TEXT NOT NULL,
  content_json TEXT NOT NULL,
  distribution_json TEXT NOT NULL DEFAULT '[]',
  copies INTEGER NOT NULL DEFAULT 0,
  revises_id {{int}} NOT NULL DEFAULT 0,
  revision_note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  approved_by TEXT NOT NULL DEFAULT '',
  published_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  approved_at TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL DEFAULT '',
  imported INTEGER NOT NULL DEFAULT 0,
  UNIQUE (series_id, year, number, supplement, revision)
);
CREATE INDEX bulletin_issues_status ON bulletin_issues(status);
CREATE TABLE bulletin_files (
  issue_id {{int}} NOT NULL REFERENCES bulletin_issues(id),
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  data_b64 TEXT NOT NULL,
  PRIMARY KEY (issue_id, format)
);
CREATE TABLE bulletin_deliveries (
  issue_id {{int}} NOT NULL REFERENCES bulletin_issues(id),
  user_id {{int}} NOT NULL,
  login TEXT NOT NULL,
  name TEXT NOT NULL,
  org_code TEXT NOT NULL,
  org_name TEXT NOT NULL,
  delivered_at TEXT NOT NULL,
  read_at TEXT NOT NULL DEFAULT '',
  acknowledged_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (issue_id, user_id)
);
CREATE INDEX bulletin_deliveries_user ON bulletin_deliveries(user_id);
)SQL"},
          {2, "e-mail copies of deliveries", R"SQL(
ALTER TABLE bulletin_deliveries ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE bulletin_deliveries ADD COLUMN mail_status TEXT NOT NULL DEFAULT '';
ALTER TABLE bulletin_deliveries ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bulletin_deliveries ADD COLUMN mail_error TEXT NOT NULL DEFAULT '';
ALTER TABLE bulletin_deliveries ADD COLUMN mail_next_at TEXT NOT NULL DEFAULT '';
ALTER TABLE bulletin_deliveries ADD COLUMN mailed_at TEXT NOT NULL DEFAULT '';
CREATE INDEX bulletin_deliveries_mail ON bulletin_deliveries(mail_status, mail_next_at);
)SQL"},
          {3, "who edited each issue", R"SQL(
CREATE TABLE bulletin_issue_editors (
  issue_id {{int}} NOT NULL REFERENCES bulletin_issues(id),
  login TEXT NOT NULL,
  PRIMARY KEY (issue_id, login)
);
)SQL"},
          {4, "government recipients each association allows", R"SQL(
CREATE TABLE bulletin_government_recipients (
  association TEXT NOT NULL,
  org_code TEXT NOT NULL,
  PRIMARY KEY (association, org_code)
);
)SQL"},
          {5, "a version per issue for If-Match (store/versions.h)", R"SQL(
ALTER TABLE bulletin_issues ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE bulletin_issues ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE bulletin_issues ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
)SQL"},
          {6, "the hand-off thread of each issue (送审, 退回, 签发, comments)", R"SQL(
CREATE TABLE bulletin_issue_comments (
  id {{pk}},
  issue_id {{int}} NOT NULL REFERENCES bulletin_issues(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  author_id {{int}} NOT NULL DEFAULT 0,
  author_login TEXT NOT NULL,
  author_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX bulletin_issue_comments_issue ON bulletin_issue_comments(issue_id, id);
)SQL"},
          {8, "the content hash the approver signed (签发)", R"SQL(
ALTER TABLE bulletin_issues ADD COLUMN approved_hash TEXT NOT NULL DEFAULT '';
)SQL"}};
}

std::vector<Series> ListSeries(soci::session& s) { return QuerySeries(s, "ORDER BY id", "", 0); }

std::optional<Series> FindSeries(soci::session& s, const std::string& code) {
  auto v = QuerySeries(s, "WHERE code = :code", code, 0);
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::optional<Series> FindSeriesById(soci::session& s, int64_t id) {
  auto v = QuerySeries(s, "WHERE id = :id", "", id);
  if (v.empty()) return std::nullopt;
  return v[0];
}

int64_t InsertSeries(soci::session& s, const Series& x, const std::string& now) {
  long long id = 0;
  int pub = x.is_public ? 1 : 0;
  const std::string dist = DistributionJson(x.distribution).dump();
  s << "INSERT INTO bulletin_series (code, title, subtitle, masthead, issuer, owner_org, "
       "numbering, "
       "is_public, distribution_json, created_at) VALUES (:code, :title, :sub, :mast, :iss, "
       ":owner, "
       ":num, :pub, :dist, :now) RETURNING id",
      soci::use(x.code), soci::use(x.title), soci::use(x.subtitle), soci::use(x.masthead),
      soci::use(x.issuer), soci::use(x.owner_org), soci::use(x.numbering), soci::use(pub),
      soci::use(dist), soci::use(now), soci::into(id);
  return id;
}

namespace {

// The WHERE clause of ListIssues and the values it binds, by name.
struct IssueWhere {
  std::string sql = " WHERE 1 = 1";
  std::vector<std::pair<std::string, std::string>> texts;
  std::vector<std::pair<std::string, long long>> ints;

  void Bind(soci::statement& st) {
    for (auto& [name, v] : texts) st.exchange(soci::use(v, name));
    for (auto& [name, v] : ints) st.exchange(soci::use(v, name));
  }
  // Appends " AND column IN (:p0, :p1, …)" binding `values`; nothing matches when empty.
  void In(const std::string& column, const std::string& prefix,
          const std::vector<std::string>& values) {
    if (values.empty()) {
      sql += " AND 1 = 0";
      return;
    }
    sql += " AND " + column + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      const std::string name = prefix + std::to_string(i);
      sql += (i ? ", :" : ":") + name;
      texts.emplace_back(name, values[i]);
    }
    sql += ")";
  }
};

IssueWhere WhereOf(const IssueFilter& f) {
  IssueWhere w;
  if (f.series_id) {
    w.sql += " AND i.series_id = :series";
    w.ints.emplace_back("series", f.series_id);
  }
  if (f.year) {
    w.sql += " AND i.year = :year";
    w.ints.emplace_back("year", f.year);
  }
  if (!f.states.empty()) {
    std::vector<std::string> names;
    for (IssueState state : f.states) names.push_back(StateName(state));
    w.In("i.status", "st", names);
  }
  if (f.returned) {
    w.sql +=
        " AND (SELECT c.kind FROM bulletin_issue_comments c WHERE c.issue_id = i.id AND c.kind "
        "IN ('submit', 'return', 'approve') ORDER BY c.id DESC LIMIT 1) = 'return'";
  }
  if (!f.include_all) {
    // Staff see every issue of their series; others published issues of a
    // public series or of which they are a recipient (BulletinService::CanRead).
    std::string staff = "1 = 0";
    for (size_t i = 0; i < f.owner_orgs.size(); ++i) {
      const std::string name = "own" + std::to_string(i);
      staff += (i ? ", :" : " OR ser.owner_org IN (:") + name;
      w.texts.emplace_back(name, f.owner_orgs[i]);
    }
    if (!f.owner_orgs.empty()) staff += ")";
    w.sql += " AND (" + staff +
             " OR (i.status IN (:released0, :released1) AND (ser.is_public = 1 OR EXISTS "
             "(SELECT 1 FROM bulletin_deliveries d WHERE d.issue_id = i.id AND d.user_id = "
             ":reader))))";
    w.ints.emplace_back("reader", f.reader_user_id);
    w.texts.emplace_back("released0", StateName(IssueState::kPublished));  // IsReleased
    w.texts.emplace_back("released1", StateName(IssueState::kSuperseded));
  }
  return w;
}

}  // namespace

Page<IssueRecord> ListIssues(soci::session& s, const IssueFilter& f) {
  IssueWhere where = WhereOf(f);
  const std::string from =
      " FROM bulletin_issues i JOIN bulletin_series ser ON ser.id = i.series_id";
  long long total = 0;
  {
    soci::statement st(s);
    st.alloc();
    st.prepare("SELECT COUNT(*)" + from + where.sql);
    st.exchange(soci::into(total));
    where.Bind(st);
    st.define_and_bind();
    st.execute(true);
  }
  IssueRow row;
  row.with_content = f.with_content;
  soci::statement st(s);
  st.alloc();
  st.prepare("SELECT " + IssueCols(s, f.with_content) + from + where.sql +
             " ORDER BY i.date DESC, i.number DESC, i.revision DESC LIMIT " +
             std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset));
  row.Bind(st);
  where.Bind(st);
  st.define_and_bind();
  st.execute(false);
  Page<IssueRecord> out;
  out.total = total;
  while (st.fetch()) out.items.push_back(row.Get());
  return out;
}

void RecordEditor(soci::session& s, int64_t issue_id, const std::string& login) {
  if (HasEdited(s, issue_id, login)) return;
  long long id = issue_id;
  s << "INSERT INTO bulletin_issue_editors (issue_id, login) VALUES (:i, :l)", soci::use(id),
      soci::use(login);
}

bool HasEdited(soci::session& s, int64_t issue_id, const std::string& login) {
  long long id = issue_id;
  int n = 0;
  s << "SELECT COUNT(*) FROM bulletin_issue_editors WHERE issue_id = :i AND login = :l",
      soci::use(id), soci::use(login), soci::into(n);
  return n > 0;
}

int64_t InsertComment(soci::session& s, const IssueComment& c) {
  long long id = 0, issue = c.issue_id, author = c.author_id;
  s << "INSERT INTO bulletin_issue_comments (issue_id, kind, body, author_id, author_login, "
       "author_name, created_at) VALUES (:i, :k, :b, :a, :l, :n, :t) RETURNING id",
      soci::use(issue), soci::use(c.kind), soci::use(c.body), soci::use(author),
      soci::use(c.author_login), soci::use(c.author_name), soci::use(c.created_at), soci::into(id);
  return id;
}

std::vector<IssueComment> ListComments(soci::session& s, int64_t issue_id) {
  long long issue = issue_id, id = 0, author = 0;
  IssueComment c;
  c.issue_id = issue_id;
  soci::statement st =
      (s.prepare << "SELECT id, kind, body, author_id, author_login, author_name, created_at "
                    "FROM bulletin_issue_comments WHERE issue_id = :i ORDER BY id",
       soci::use(issue), soci::into(id), soci::into(c.kind), soci::into(c.body), soci::into(author),
       soci::into(c.author_login), soci::into(c.author_name), soci::into(c.created_at));
  st.execute();
  std::vector<IssueComment> out;
  while (st.fetch()) {
    c.id = id;
    c.author_id = author;
    out.push_back(c);
  }
  return out;
}

int64_t LastSubmitter(soci::session& s, int64_t issue_id) {
  long long issue = issue_id, author = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT author_id FROM bulletin_issue_comments WHERE issue_id = :i AND kind = 'submit' "
       "ORDER BY id DESC LIMIT 1",
      soci::use(issue), soci::into(author, ind);
  return ind == soci::i_ok ? author : 0;
}

void DeleteIssue(soci::session& s, int64_t issue_id) {
  long long id = issue_id;
  s << "DELETE FROM bulletin_issue_comments WHERE issue_id = :i", soci::use(id);
  s << "DELETE FROM bulletin_issue_editors WHERE issue_id = :i", soci::use(id);
  s << "DELETE FROM bulletin_issues WHERE id = :i", soci::use(id);
}

bool NumberTaken(soci::session& s, int64_t series_id, int year, int number) {
  long long series = series_id;
  int n = 0;
  s << "SELECT COUNT(*) FROM bulletin_issues WHERE series_id = :s AND year = :y AND number = :n "
       "AND supplement = 0",
      soci::use(series), soci::use(year), soci::use(number), soci::into(n);
  return n > 0;
}

std::optional<IssueRecord> FindIssue(soci::session& s, int64_t id) {
  IssueRow row;
  long long key = id;
  soci::statement st(s);
  st.alloc();
  st.prepare("SELECT " + IssueCols(s, true) +
             " FROM bulletin_issues i JOIN bulletin_series ser ON ser.id = i.series_id "
             "WHERE i.id = :id");
  st.exchange(soci::use(key, "id"));
  row.Bind(st);
  st.define_and_bind();
  st.execute(false);
  if (!st.fetch()) return std::nullopt;
  return row.Get();
}

int NextNumber(soci::session& s, int64_t series_id, int year, bool supplement) {
  long long sid = series_id;
  int sup = supplement ? 1 : 0;
  // Gaps in the archive (imported issues) are old numbers, not free ones:
  // numbering resumes after the highest imported issue.
  int floor = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(number) FROM bulletin_issues WHERE series_id = :s AND year = :y AND "
       "supplement = :sup AND imported = 1",
      soci::use(sid), soci::use(year), soci::use(sup), soci::into(floor, ind);
  if (ind != soci::i_ok) floor = 0;
  int number = 0;
  // Every number in use above it, ascending; the first gap is the next number.
  soci::statement st =
      (s.prepare << "SELECT DISTINCT number FROM bulletin_issues "
                    "WHERE series_id = :s AND year = :y AND supplement = :sup "
                    "AND number > :floor ORDER BY number",
       soci::use(sid), soci::use(year), soci::use(sup), soci::use(floor), soci::into(number));
  st.execute();
  int next = floor + 1;
  while (st.fetch()) {
    if (number > next) break;
    if (number == next) ++next;
  }
  return next;
}

int64_t InsertIssue(soci::session& s, const IssueRecord& i) {
  long long id = 0, sid = i.series_id, revises = i.revises_id;
  int sup = i.supplement ? 1 : 0, imported = i.imported ? 1 : 0;
  const std::string content = ContentJson(i), dist = DistributionJson(i.distribution).dump();
  const std::string status = StateName(i.status);
  s << "INSERT INTO bulletin_issues (series_id, year, number, supplement, revision, status, date, "
       "content_json, distribution_json, copies, revises_id, revision_note, created_by, "
       "created_at, imported) VALUES (:sid, :year, :num, :sup, :rev, :status, :date, :content, "
       ":dist, :copies, :revises, :note, :by, :at, :imported) RETURNING id",
      soci::use(sid), soci::use(i.year), soci::use(i.number), soci::use(sup), soci::use(i.revision),
      soci::use(status), soci::use(i.date), soci::use(content), soci::use(dist),
      soci::use(i.copies), soci::use(revises), soci::use(i.revision_note), soci::use(i.created_by),
      soci::use(i.created_at), soci::use(imported), soci::into(id);
  store::NotifyChanged(s, "issue", id);  // the search index (store/changes.h)
  return id;
}

Status ClaimIssueVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                         const std::string& by, const std::string& at) {
  return store::ClaimVersion(s, {"bulletin_issues", "id"}, id, expected, by, at);
}

void UpdateIssue(soci::session& s, const IssueRecord& i) {
  long long id = i.id;
  const std::string content = ContentJson(i), dist = DistributionJson(i.distribution).dump();
  const std::string status = StateName(i.status);
  s << "UPDATE bulletin_issues SET status = :status, date = :date, content_json = :content, "
       "distribution_json = :dist, copies = :copies, revision_note = :note, approved_by = :aby, "
       "approved_at = :aat, published_by = :pby, published_at = :pat, approved_hash = :ahash "
       "WHERE id = :id",
      soci::use(status), soci::use(i.date), soci::use(content), soci::use(dist),
      soci::use(i.copies), soci::use(i.revision_note), soci::use(i.approved_by),
      soci::use(i.approved_at), soci::use(i.published_by), soci::use(i.published_at),
      soci::use(i.approved_hash), soci::use(id);
  store::NotifyChanged(s, "issue", i.id);  // the search index (store/changes.h)
}

std::optional<IssueRecord> PreviousIssue(soci::session& s, const IssueRecord& issue) {
  long long sid = issue.series_id, id = issue.id;
  int sup = issue.supplement ? 1 : 0;
  long long pid = 0;
  int year = 0, number = 0;
  std::string date;
  s << "SELECT id, year, number, date FROM bulletin_issues WHERE series_id = :s AND "
       "supplement = :sup AND id <> :id AND status <> 'superseded' AND "
       "(year < :y1 OR (year = :y2 AND number < :n)) ORDER BY year DESC, number DESC, "
       "revision DESC LIMIT 1",
      soci::use(sid), soci::use(sup), soci::use(id), soci::use(issue.year), soci::use(issue.year),
      soci::use(issue.number), soci::into(pid), soci::into(year), soci::into(number),
      soci::into(date);
  if (!s.got_data()) return std::nullopt;
  IssueRecord r;
  r.id = pid, r.series_id = issue.series_id, r.year = year, r.number = number, r.date = date;
  return r;
}

std::map<int64_t, std::vector<PieceUse>> PieceUses(soci::session& s,
                                                   const std::vector<int64_t>& piece_ids) {
  std::map<int64_t, std::vector<PieceUse>> out;
  if (piece_ids.empty()) return out;
  std::string in;
  for (int64_t id : piece_ids) in += (in.empty() ? "" : ",") + std::to_string(id);
  const bool pg = s.get_backend_name() == "postgresql";
  const std::string sql =
      pg ? "SELECT i.id, i.year, i.number, i.status, CAST(e ->> 'piece_id' AS BIGINT) "
           "FROM bulletin_issues i, json_array_elements(CAST(i.content_json AS json) -> "
           "'sections') e WHERE i.status <> 'superseded' AND e ->> 'kind' = 'piece' AND "
           "CAST(e ->> 'piece_id' AS BIGINT) IN (" +
               in + ") ORDER BY i.year, i.number, i.id"
         : "SELECT i.id, i.year, i.number, i.status, "
           "CAST(json_extract(e.value, '$.piece_id') AS INTEGER) "
           "FROM bulletin_issues i, json_each(i.content_json, '$.sections') e "
           "WHERE i.status <> 'superseded' AND json_extract(e.value, '$.kind') = 'piece' AND "
           "CAST(json_extract(e.value, '$.piece_id') AS INTEGER) IN (" +
               in + ") ORDER BY i.year, i.number, i.id";
  long long issue_id = 0, piece_id = 0;
  int year = 0, number = 0;
  std::string status;
  soci::statement st = (s.prepare << sql, soci::into(issue_id), soci::into(year),
                        soci::into(number), soci::into(status), soci::into(piece_id));
  st.execute();
  while (st.fetch()) {
    std::vector<PieceUse>& uses = out[piece_id];
    if (!uses.empty() && uses.back().issue_id == issue_id) continue;  // used twice in one issue
    uses.push_back(PieceUse{issue_id, year, number, status});
  }
  return out;
}

std::vector<int64_t> UsedPieceIds(soci::session& s) {
  const std::string sql =
      s.get_backend_name() == "postgresql"
          ? "SELECT DISTINCT CAST(e ->> 'piece_id' AS BIGINT) FROM bulletin_issues i, "
            "json_array_elements(CAST(i.content_json AS json) -> 'sections') e "
            "WHERE i.status <> 'superseded' AND e ->> 'kind' = 'piece'"
          : "SELECT DISTINCT CAST(json_extract(e.value, '$.piece_id') AS INTEGER) "
            "FROM bulletin_issues i, json_each(i.content_json, '$.sections') e "
            "WHERE i.status <> 'superseded' AND json_extract(e.value, '$.kind') = 'piece'";
  std::vector<int64_t> out;
  long long id = 0;
  soci::indicator ind = soci::i_ok;
  soci::statement st = (s.prepare << sql, soci::into(id, ind));
  st.execute();
  while (st.fetch()) {
    if (ind == soci::i_ok) out.push_back(id);
  }
  return out;
}

std::vector<int64_t> ListIssueIds(soci::session& s) {
  std::vector<int64_t> out;
  soci::rowset<long long> rows = (s.prepare << "SELECT id FROM bulletin_issues ORDER BY id");
  for (long long id : rows) out.push_back(id);
  return out;
}

void InsertFile(soci::session& s, int64_t issue_id, const FileInfo& f, const std::string& data) {
  long long id = issue_id, size = f.size;
  const std::string b64 = bytes::Base64Encode(data);
  s << "INSERT INTO bulletin_files (issue_id, format, sha256, size, data_b64) VALUES "
       "(:id, :fmt, :sha, :size, :data)",
      soci::use(id), soci::use(f.format), soci::use(f.sha256), soci::use(size), soci::use(b64);
}

std::vector<FileInfo> ListFiles(soci::session& s, int64_t issue_id) {
  long long id = issue_id, size = 0;
  FileInfo f;
  soci::statement st =
      (s.prepare << "SELECT format, sha256, size FROM bulletin_files WHERE "
                    "issue_id = :id ORDER BY format",
       soci::use(id), soci::into(f.format), soci::into(f.sha256), soci::into(size));
  st.execute();
  std::vector<FileInfo> out;
  while (st.fetch()) {
    f.size = size;
    out.push_back(f);
  }
  return out;
}

std::map<int64_t, std::vector<FileInfo>> ListFilesOf(soci::session& s,
                                                     const std::vector<int64_t>& issue_ids) {
  std::map<int64_t, std::vector<FileInfo>> out;
  if (issue_ids.empty()) return out;
  std::string in;
  for (int64_t id : issue_ids) in += (in.empty() ? "" : ",") + std::to_string(id);
  long long id = 0, size = 0;
  FileInfo f;
  soci::statement st =
      (s.prepare << "SELECT issue_id, format, sha256, size FROM bulletin_files "
                    "WHERE issue_id IN (" +
                        in + ") ORDER BY issue_id, format",
       soci::into(id), soci::into(f.format), soci::into(f.sha256), soci::into(size));
  st.execute();
  while (st.fetch()) {
    f.size = size;
    out[id].push_back(f);
  }
  return out;
}

std::optional<std::string> ReadFile(soci::session& s, int64_t issue_id, const std::string& format,
                                    FileInfo* info) {
  long long id = issue_id, size = 0;
  std::string b64;
  s << "SELECT sha256, size, data_b64 FROM bulletin_files WHERE issue_id = :id AND format = :f",
      soci::use(id), soci::use(format), soci::into(info->sha256), soci::into(size), soci::into(b64);
  if (!s.got_data()) return std::nullopt;
  info->format = format;
  info->size = size;
  return bytes::Base64Decode(b64).value_or("");
}

void InsertDelivery(soci::session& s, int64_t issue_id, const Receipt& r) {
  long long id = issue_id, uid = r.user_id;
  s << "INSERT INTO bulletin_deliveries (issue_id, user_id, login, name, org_code, org_name, "
       "delivered_at, email, mail_status, mail_next_at) VALUES (:i, :u, :l, :n, :oc, :on, :at, "
       ":email, :ms, :next)",
      soci::use(id), soci::use(uid), soci::use(r.login), soci::use(r.name), soci::use(r.org_code),
      soci::use(r.org_name), soci::use(r.delivered_at), soci::use(r.email),
      soci::use(r.mail_status), soci::use(r.delivered_at);
}

std::vector<Receipt> ListReceipts(soci::session& s, int64_t issue_id) {
  long long id = issue_id, uid = 0;
  Receipt r;
  soci::statement st =
      (s.prepare << "SELECT user_id, login, name, org_code, org_name, delivered_at, read_at, "
                    "acknowledged_at, email, mail_status, mail_attempts, mail_error, mailed_at "
                    "FROM bulletin_deliveries WHERE issue_id = :id ORDER BY org_code, login",
       soci::use(id), soci::into(uid), soci::into(r.login), soci::into(r.name),
       soci::into(r.org_code), soci::into(r.org_name), soci::into(r.delivered_at),
       soci::into(r.read_at), soci::into(r.acknowledged_at), soci::into(r.email),
       soci::into(r.mail_status), soci::into(r.mail_attempts), soci::into(r.mail_error),
       soci::into(r.mailed_at));
  st.execute();
  std::vector<Receipt> out;
  while (st.fetch()) {
    r.user_id = uid;
    out.push_back(r);
  }
  return out;
}

std::vector<DueMail> ListDueMail(soci::session& s, const std::string& now, int limit) {
  std::vector<DueMail> out;
  DueMail d;
  long long iid = 0, uid = 0;
  soci::statement st =
      (s.prepare << "SELECT issue_id, user_id, email, name, mail_attempts, mail_status, "
                    "mail_next_at FROM bulletin_deliveries "
                    "WHERE mail_status IN ('queued', 'sending') AND mail_next_at <= :now "
                    "ORDER BY mail_next_at, issue_id, user_id LIMIT :lim",
       soci::use(now), soci::use(limit), soci::into(iid), soci::into(uid), soci::into(d.job.email),
       soci::into(d.job.name), soci::into(d.job.attempts), soci::into(d.status),
       soci::into(d.next_at));
  st.execute();
  while (st.fetch()) {
    d.job.issue_id = iid;
    d.job.user_id = uid;
    out.push_back(d);
  }
  return out;
}

bool ClaimMail(soci::session& s, const DueMail& due, const std::string& lease_until) {
  long long i = due.job.issue_id, u = due.job.user_id;
  soci::statement claim =
      (s.prepare << "UPDATE bulletin_deliveries SET mail_status = 'sending', "
                    "mail_next_at = :lease WHERE issue_id = :i AND user_id = :u "
                    "AND mail_status = :st AND mail_next_at = :next",
       soci::use(lease_until), soci::use(i), soci::use(u), soci::use(due.status),
       soci::use(due.next_at));
  claim.execute(true);
  return claim.get_affected_rows() == 1;
}

bool MarkMailHandedOver(soci::session& s, const MailJob& job, const std::string& lease_until) {
  long long i = job.issue_id, u = job.user_id;
  const std::string marker = kMailInterrupted;
  soci::statement st =
      (s.prepare << "UPDATE bulletin_deliveries SET mail_error = :marker WHERE issue_id = :i "
                    "AND user_id = :u AND mail_status = 'sending' AND mail_next_at = :lease",
       soci::use(marker), soci::use(i), soci::use(u), soci::use(lease_until));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

int FailInterruptedMail(soci::session& s, const std::string& now) {
  const std::string marker = kMailInterrupted;
  soci::statement st =
      (s.prepare << "UPDATE bulletin_deliveries SET mail_status = 'failed', "
                    "mail_attempts = mail_attempts + 1, mail_next_at = '' "
                    "WHERE mail_status = 'sending' AND mail_next_at <= :now AND mail_error = :m",
       soci::use(now), soci::use(marker));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::vector<MailJob> ClaimMailJobs(soci::session& s, const std::string& now,
                                   const std::string& lease_until, int limit) {
  FailInterruptedMail(s, now);
  std::vector<MailJob> out;
  // Room for copies that another server takes first.
  for (const DueMail& due : ListDueMail(s, now, limit + 16)) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (ClaimMail(s, due, lease_until)) out.push_back(due.job);
  }
  return out;
}

void FinishMailJob(soci::session& s, const MailJob& job, const std::string& status,
                   const std::string& error, const std::string& next_at, const std::string& now,
                   bool counted) {
  long long i = job.issue_id, u = job.user_id;
  const int attempts = job.attempts + (counted ? 1 : 0);
  const std::string mailed_at = status == "sent" ? now : "";
  s << "UPDATE bulletin_deliveries SET mail_status = :st, mail_attempts = :n, mail_error = :err, "
       "mail_next_at = :next, mailed_at = :at WHERE issue_id = :i AND user_id = :u",
      soci::use(status), soci::use(attempts), soci::use(error), soci::use(next_at),
      soci::use(mailed_at), soci::use(i), soci::use(u);
}

int RequeueFailedMail(soci::session& s, int64_t issue_id, const std::string& now) {
  long long i = issue_id;
  soci::statement st = (s.prepare << "UPDATE bulletin_deliveries SET mail_status = 'queued', "
                                     "mail_attempts = 0, mail_error = '', mail_next_at = :now "
                                     "WHERE issue_id = :i AND mail_status = 'failed'",
                        soci::use(now), soci::use(i));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

bool IsRecipient(soci::session& s, int64_t issue_id, int64_t user_id) {
  long long id = issue_id, uid = user_id;
  int n = 0;
  s << "SELECT COUNT(*) FROM bulletin_deliveries WHERE issue_id = :i AND user_id = :u",
      soci::use(id), soci::use(uid), soci::into(n);
  return n > 0;
}

bool MarkDelivery(soci::session& s, int64_t issue_id, int64_t user_id, bool ack,
                  const std::string& now) {
  if (!IsRecipient(s, issue_id, user_id)) return false;
  long long id = issue_id, uid = user_id;
  s << "UPDATE bulletin_deliveries SET read_at = :now WHERE issue_id = :i AND user_id = :u AND "
       "read_at = ''",
      soci::use(now), soci::use(id), soci::use(uid);
  if (ack) {
    s << "UPDATE bulletin_deliveries SET acknowledged_at = :now WHERE issue_id = :i AND "
         "user_id = :u AND acknowledged_at = ''",
        soci::use(now), soci::use(id), soci::use(uid);
  }
  return true;
}

Page<InboxItem> Inbox(soci::session& s, int64_t user_id, int offset, int limit) {
  long long uid = user_id, total = 0, iid = 0;
  s << "SELECT COUNT(*) FROM bulletin_deliveries WHERE user_id = :u", soci::use(uid),
      soci::into(total);
  InboxItem it;
  int sup = 0;
  soci::statement st =
      (s.prepare << "SELECT d.issue_id, ser.title, i.number, i.supplement, i.revision, i.date, "
                    "d.delivered_at, d.read_at, d.acknowledged_at FROM bulletin_deliveries d "
                    "JOIN bulletin_issues i ON i.id = d.issue_id JOIN bulletin_series ser ON "
                    "ser.id = i.series_id WHERE d.user_id = :u ORDER BY d.delivered_at DESC, "
                    "d.issue_id DESC LIMIT " +
                        std::to_string(limit) + " OFFSET " + std::to_string(offset),
       soci::use(uid), soci::into(iid), soci::into(it.series_title), soci::into(it.number),
       soci::into(sup), soci::into(it.revision), soci::into(it.date), soci::into(it.delivered_at),
       soci::into(it.read_at), soci::into(it.acknowledged_at));
  st.execute();
  Page<InboxItem> out;
  out.total = total;
  while (st.fetch()) {
    it.issue_id = iid;
    it.supplement = sup != 0;
    out.items.push_back(it);
  }
  return out;
}

int64_t UnreadCount(soci::session& s, int64_t user_id) {
  long long uid = user_id, n = 0;
  s << "SELECT COUNT(*) FROM bulletin_deliveries WHERE user_id = :u AND read_at = ''",
      soci::use(uid), soci::into(n);
  return n;
}

std::vector<std::string> ListGovernmentRecipients(soci::session& s,
                                                  const std::string& association) {
  std::vector<std::string> out;
  std::string code;
  soci::statement st = (s.prepare << "SELECT org_code FROM bulletin_government_recipients "
                                     "WHERE association = :a ORDER BY org_code",
                        soci::use(association), soci::into(code));
  st.execute(false);
  while (st.fetch()) out.push_back(code);
  return out;
}

void ReplaceGovernmentRecipients(soci::session& s, const std::string& association,
                                 const std::vector<std::string>& org_codes) {
  s << "DELETE FROM bulletin_government_recipients WHERE association = :a", soci::use(association);
  for (const std::string& code : org_codes) {
    s << "INSERT INTO bulletin_government_recipients (association, org_code) VALUES (:a, :o)",
        soci::use(association), soci::use(code);
  }
}

}  // namespace jianbao::bulletins::repo
