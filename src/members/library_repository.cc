// Copyright 2026 The Jianbao Authors.

#include "members/library_repository.h"

#include <soci/soci.h>

#include "core/bytes.h"
#include "store/changes.h"

namespace jianbao::members::library_repo {
namespace {

// Tags are kept as "|a|b|" so one LIKE finds a tag.
std::string JoinTags(const std::vector<std::string>& tags) {
  if (tags.empty()) return "";
  std::string out = "|";
  for (const std::string& t : tags) out += t + "|";
  return out;
}

std::vector<std::string> SplitTags(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find('|', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string Like(const std::string& q) {
  std::string out = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

constexpr const char* kPolicyColumns =
    "p.id, p.owner_org_id, p.title, p.issuer, p.issued_on, p.doc_number, p.region, p.tags, "
    "p.summary, p.link, p.created_at, p.created_by, p.updated_at, COALESCE(a.name, ''), "
    "COALESCE(a.mime, ''), COALESCE(a.size, 0)";
// The policies with their file's name, type and size (never its bytes).
constexpr const char* kPolicyFrom =
    " FROM member_policies p LEFT JOIN member_policy_files a ON a.policy_id = p.id";

struct PolicyRow {
  long long id = 0, owner = 0, file_size = 0;
  std::string tags;
  Policy p;
};

void IntoPolicy(soci::statement& st, PolicyRow* r) {
  st.exchange(soci::into(r->id));
  st.exchange(soci::into(r->owner));
  st.exchange(soci::into(r->p.title));
  st.exchange(soci::into(r->p.issuer));
  st.exchange(soci::into(r->p.issued_on));
  st.exchange(soci::into(r->p.doc_number));
  st.exchange(soci::into(r->p.region));
  st.exchange(soci::into(r->tags));
  st.exchange(soci::into(r->p.summary));
  st.exchange(soci::into(r->p.link));
  st.exchange(soci::into(r->p.created_at));
  st.exchange(soci::into(r->p.created_by));
  st.exchange(soci::into(r->p.updated_at));
  st.exchange(soci::into(r->p.attachment.name));
  st.exchange(soci::into(r->p.attachment.mime));
  st.exchange(soci::into(r->file_size));
}

Policy FromRow(const PolicyRow& r) {
  Policy p = r.p;
  p.id = r.id;
  p.owner = std::to_string(r.owner);
  p.tags = SplitTags(r.tags);
  p.attachment.size = r.file_size;
  return p;
}

constexpr const char* kCourseColumns =
    "c.id, c.owner_org_id, c.title, c.provider, c.format, c.start_at, c.end_at, c.link, "
    "c.capacity, c.registered, c.valid_until, c.created_at, c.created_by";

struct CourseRow {
  long long id = 0, owner = 0, capacity = 0, registered = 0;
  Course c;
};

void IntoCourse(soci::statement& st, CourseRow* r) {
  st.exchange(soci::into(r->id));
  st.exchange(soci::into(r->owner));
  st.exchange(soci::into(r->c.title));
  st.exchange(soci::into(r->c.provider));
  st.exchange(soci::into(r->c.format));
  st.exchange(soci::into(r->c.start));
  st.exchange(soci::into(r->c.end));
  st.exchange(soci::into(r->c.link));
  st.exchange(soci::into(r->capacity));
  st.exchange(soci::into(r->registered));
  st.exchange(soci::into(r->c.valid_until));
  st.exchange(soci::into(r->c.created_at));
  st.exchange(soci::into(r->c.created_by));
}

Course FromRow(const CourseRow& r) {
  Course c = r.c;
  c.id = r.id;
  c.owner = std::to_string(r.owner);
  c.capacity = r.capacity;
  c.registered = r.registered;
  return c;
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{20, "policy library and training courses", R"SQL(
CREATE TABLE member_policies (
  id {{pk}},
  owner_org_id {{int}} NOT NULL,
  title TEXT NOT NULL,
  issuer TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  doc_number TEXT NOT NULL,
  region TEXT NOT NULL,
  tags TEXT NOT NULL,
  summary TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX member_policies_issued ON member_policies (issued_on, id);
CREATE TABLE training_courses (
  id {{pk}},
  owner_org_id {{int}} NOT NULL,
  title TEXT NOT NULL,
  provider TEXT NOT NULL,
  format TEXT NOT NULL,
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  link TEXT NOT NULL,
  capacity {{int}} NOT NULL,
  registered {{int}} NOT NULL DEFAULT 0,
  valid_until TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (registered >= 0 AND registered <= capacity)
);
CREATE INDEX training_courses_start ON training_courses (start_at, id);
CREATE TABLE training_registrations (
  id {{pk}},
  course_id {{int}} NOT NULL REFERENCES training_courses(id),
  user_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  registered_at TEXT NOT NULL,
  attended INTEGER NOT NULL DEFAULT 0,
  attendance_by TEXT NOT NULL DEFAULT '',
  attendance_at TEXT NOT NULL DEFAULT '',
  UNIQUE (course_id, user_id)
);
CREATE TABLE training_course_changes (
  id {{pk}},
  course_id {{int}} NOT NULL REFERENCES training_courses(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  before_value TEXT NOT NULL,
  after_value TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX training_course_changes_course ON training_course_changes (course_id, id);
)SQL"},
          {21, "a file attached to a policy", R"SQL(
CREATE TABLE member_policy_files (
  policy_id {{int}} PRIMARY KEY REFERENCES member_policies(id),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  data_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
)SQL"}};
}

// ---- policies ----

int64_t InsertPolicy(soci::session& s, int64_t owner_id, const PolicyInput& in,
                     const std::string& now, const std::string& by) {
  long long id = 0, owner = owner_id;
  const std::string tags = JoinTags(in.tags);
  s << "INSERT INTO member_policies (owner_org_id, title, issuer, issued_on, doc_number, region, "
       "tags, summary, link, created_at, created_by, updated_at) VALUES (:o, :t, :i, :d, :n, :r, "
       ":g, :s, :l, :c, :b, :u) RETURNING id",
      soci::use(owner), soci::use(in.title), soci::use(in.issuer), soci::use(in.issued_on),
      soci::use(in.doc_number), soci::use(in.region), soci::use(tags), soci::use(in.summary),
      soci::use(in.link), soci::use(now), soci::use(by), soci::use(now), soci::into(id);
  store::NotifyChanged(s, "policy", id);  // the search index (store/changes.h)
  return id;
}

void UpdatePolicy(soci::session& s, int64_t id, const PolicyInput& in, const std::string& now) {
  long long pid = id;
  const std::string tags = JoinTags(in.tags);
  s << "UPDATE member_policies SET title = :t, issuer = :i, issued_on = :d, doc_number = :n, "
       "region = :r, tags = :g, summary = :s, link = :l, updated_at = :u WHERE id = :id",
      soci::use(in.title), soci::use(in.issuer), soci::use(in.issued_on), soci::use(in.doc_number),
      soci::use(in.region), soci::use(tags), soci::use(in.summary), soci::use(in.link),
      soci::use(now), soci::use(pid);
  store::NotifyChanged(s, "policy", id);
}

void DeletePolicy(soci::session& s, int64_t id) {
  long long pid = id;
  s << "DELETE FROM member_policy_files WHERE policy_id = :id", soci::use(pid);
  s << "DELETE FROM member_policies WHERE id = :id", soci::use(pid);
  store::NotifyChanged(s, "policy", id);  // leaves the index
}

void SaveAttachment(soci::session& s, int64_t policy_id, const PolicyFile& f,
                    const std::string& now, const std::string& by) {
  long long pid = policy_id, size = f.size;
  const std::string data = bytes::Base64Encode(f.data);
  s << "DELETE FROM member_policy_files WHERE policy_id = :id", soci::use(pid);
  s << "INSERT INTO member_policy_files (policy_id, name, mime, size, sha256, data_base64, "
       "created_at, created_by) VALUES (:p, :n, :m, :s, :h, :d, :c, :b)",
      soci::use(pid), soci::use(f.name), soci::use(f.mime), soci::use(size), soci::use(f.sha256),
      soci::use(data), soci::use(now), soci::use(by);
}

std::optional<PolicyFile> FindAttachment(soci::session& s, int64_t policy_id) {
  long long pid = policy_id, size = 0;
  PolicyFile f;
  std::string data;
  s << "SELECT name, mime, size, sha256, data_base64 FROM member_policy_files WHERE policy_id = :p",
      soci::use(pid), soci::into(f.name), soci::into(f.mime), soci::into(size),
      soci::into(f.sha256), soci::into(data);
  if (!s.got_data()) return std::nullopt;
  f.size = size;
  f.data = bytes::Base64Decode(data).value_or("");
  return f;
}

bool DeleteAttachment(soci::session& s, int64_t policy_id) {
  long long pid = policy_id;
  soci::statement st =
      (s.prepare << "DELETE FROM member_policy_files WHERE policy_id = :p", soci::use(pid));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Policy> FindPolicy(soci::session& s, int64_t id, int64_t* owner_id) {
  PolicyRow r;
  long long pid = id;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kPolicyColumns + kPolicyFrom + " WHERE p.id = :id");
  IntoPolicy(st, &r);
  st.exchange(soci::use(pid));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  *owner_id = r.owner;
  return FromRow(r);
}

std::vector<int64_t> ListPolicyIds(soci::session& s) {
  std::vector<int64_t> out;
  soci::rowset<long long> rows = (s.prepare << "SELECT id FROM member_policies ORDER BY id");
  for (long long id : rows) out.push_back(id);
  return out;
}

std::string OrgCode(soci::session& s, int64_t org_id) {
  std::string code;
  long long id = org_id;
  soci::indicator ind = soci::i_ok;
  s << "SELECT code FROM orgs WHERE id = :id", soci::use(id), soci::into(code, ind);
  return s.got_data() && ind == soci::i_ok ? code : std::string();
}

Page<Policy> ListPolicies(soci::session& s, const PolicyFilter& f, const PageRequest& page) {
  const std::string where =
      " WHERE (:q = '' OR p.title LIKE :q1 ESCAPE '\\' OR p.summary LIKE :q2 ESCAPE '\\' OR "
      "p.doc_number LIKE :q3 ESCAPE '\\' OR p.issuer LIKE :q4 ESCAPE '\\') AND (:r = '' OR "
      "p.region = :r1) AND (:g = '' OR p.tags LIKE :g1) AND (:y = '' OR p.issued_on LIKE :y1)";
  std::string q = f.q, q1 = Like(f.q), q2 = q1, q3 = q1, q4 = q1, r = f.region, r1 = f.region,
              g = f.tag, g1 = "%|" + f.tag + "|%", y = f.year, y1 = f.year + "-%";
  Page<Policy> out;
  long long total = 0;
  s << "SELECT COUNT(*) FROM member_policies p" + where, soci::use(q, "q"), soci::use(q1, "q1"),
      soci::use(q2, "q2"), soci::use(q3, "q3"), soci::use(q4, "q4"), soci::use(r, "r"),
      soci::use(r1, "r1"), soci::use(g, "g"), soci::use(g1, "g1"), soci::use(y, "y"),
      soci::use(y1, "y1"), soci::into(total);
  out.total = total;
  int lim = page.page_size, off = page.offset();
  PolicyRow row;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kPolicyColumns + kPolicyFrom + where +
             " ORDER BY p.issued_on DESC, p.id DESC LIMIT :lim OFFSET :off");
  IntoPolicy(st, &row);
  st.exchange(soci::use(q, "q"));
  st.exchange(soci::use(q1, "q1"));
  st.exchange(soci::use(q2, "q2"));
  st.exchange(soci::use(q3, "q3"));
  st.exchange(soci::use(q4, "q4"));
  st.exchange(soci::use(r, "r"));
  st.exchange(soci::use(r1, "r1"));
  st.exchange(soci::use(g, "g"));
  st.exchange(soci::use(g1, "g1"));
  st.exchange(soci::use(y, "y"));
  st.exchange(soci::use(y1, "y1"));
  st.exchange(soci::use(lim, "lim"));
  st.exchange(soci::use(off, "off"));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.items.push_back(FromRow(row));
  return out;
}

// ---- courses ----

int64_t InsertCourse(soci::session& s, int64_t owner_id, const CourseInput& in,
                     const std::string& now, const std::string& by) {
  long long id = 0, owner = owner_id, cap = in.capacity;
  s << "INSERT INTO training_courses (owner_org_id, title, provider, format, start_at, end_at, "
       "link, capacity, registered, valid_until, created_at, created_by) VALUES (:o, :t, :p, :f, "
       ":s, :e, :l, :c, 0, :v, :n, :b) RETURNING id",
      soci::use(owner), soci::use(in.title), soci::use(in.provider), soci::use(in.format),
      soci::use(in.start), soci::use(in.end), soci::use(in.link), soci::use(cap),
      soci::use(in.valid_until), soci::use(now), soci::use(by), soci::into(id);
  return id;
}

bool UpdateCourse(soci::session& s, int64_t id, const CourseInput& in) {
  long long cid = id, cap = in.capacity, cap2 = in.capacity;
  soci::statement st =
      (s.prepare << "UPDATE training_courses SET title = :t, provider = :p, format = :f, "
                    "link = :l, capacity = :c WHERE id = :id AND registered <= :c2",
       soci::use(in.title), soci::use(in.provider), soci::use(in.format), soci::use(in.link),
       soci::use(cap), soci::use(cid), soci::use(cap2));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void SetSchedule(soci::session& s, int64_t id, const std::string& start, const std::string& end) {
  long long cid = id;
  s << "UPDATE training_courses SET start_at = :s, end_at = :e WHERE id = :id", soci::use(start),
      soci::use(end), soci::use(cid);
}

void SetValidUntil(soci::session& s, int64_t id, const std::string& valid_until) {
  long long cid = id;
  s << "UPDATE training_courses SET valid_until = :v WHERE id = :id", soci::use(valid_until),
      soci::use(cid);
}

std::optional<Course> FindCourse(soci::session& s, int64_t id, int64_t* owner_id) {
  CourseRow r;
  long long cid = id;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kCourseColumns + " FROM training_courses c WHERE c.id = :id");
  IntoCourse(st, &r);
  st.exchange(soci::use(cid));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  *owner_id = r.owner;
  return FromRow(r);
}

Page<Course> ListCourses(soci::session& s, const CourseFilter& f, const PageRequest& page) {
  const std::string where =
      " WHERE (:q = '' OR c.title LIKE :q1 ESCAPE '\\' OR c.provider LIKE :q2 ESCAPE '\\') AND "
      "(:f = '' OR c.format = :f1) AND (:a = '' OR c.start_at >= :a1) AND (:b = '' OR "
      "c.start_at < :b1)";
  std::string q = f.q, q1 = Like(f.q), q2 = q1, fm = f.format, fm1 = f.format, a = f.from,
              a1 = f.from, b = f.to, b1 = f.to.empty() ? "" : f.to + "~";
  Page<Course> out;
  long long total = 0;
  s << "SELECT COUNT(*) FROM training_courses c" + where, soci::use(q, "q"), soci::use(q1, "q1"),
      soci::use(q2, "q2"), soci::use(fm, "f"), soci::use(fm1, "f1"), soci::use(a, "a"),
      soci::use(a1, "a1"), soci::use(b, "b"), soci::use(b1, "b1"), soci::into(total);
  out.total = total;
  int lim = page.page_size, off = page.offset();
  CourseRow row;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string("SELECT ") + kCourseColumns + " FROM training_courses c" + where +
             " ORDER BY c.start_at DESC, c.id DESC LIMIT :lim OFFSET :off");
  IntoCourse(st, &row);
  st.exchange(soci::use(q, "q"));
  st.exchange(soci::use(q1, "q1"));
  st.exchange(soci::use(q2, "q2"));
  st.exchange(soci::use(fm, "f"));
  st.exchange(soci::use(fm1, "f1"));
  st.exchange(soci::use(a, "a"));
  st.exchange(soci::use(a1, "a1"));
  st.exchange(soci::use(b, "b"));
  st.exchange(soci::use(b1, "b1"));
  st.exchange(soci::use(lim, "lim"));
  st.exchange(soci::use(off, "off"));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.items.push_back(FromRow(row));
  return out;
}

void InsertChange(soci::session& s, int64_t course_id, const CourseChange& c) {
  long long cid = course_id;
  s << "INSERT INTO training_course_changes (course_id, at, actor, kind, before_value, "
       "after_value, reason) VALUES (:c, :at, :a, :k, :b, :f, :r)",
      soci::use(cid), soci::use(c.at), soci::use(c.actor), soci::use(c.kind), soci::use(c.before),
      soci::use(c.after), soci::use(c.reason);
}

std::vector<CourseChange> Changes(soci::session& s, int64_t course_id) {
  long long cid = course_id;
  CourseChange c;
  std::vector<CourseChange> out;
  soci::statement st =
      (s.prepare << "SELECT at, actor, kind, before_value, after_value, reason FROM "
                    "training_course_changes WHERE course_id = :c ORDER BY id",
       soci::use(cid), soci::into(c.at), soci::into(c.actor), soci::into(c.kind),
       soci::into(c.before), soci::into(c.after), soci::into(c.reason));
  st.execute();
  while (st.fetch()) out.push_back(c);
  return out;
}

bool TakeSeat(soci::session& s, int64_t course_id) {
  long long cid = course_id;
  soci::statement st = (s.prepare << "UPDATE training_courses SET registered = registered + 1 "
                                     "WHERE id = :id AND registered < capacity",
                        soci::use(cid));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void ReleaseSeat(soci::session& s, int64_t course_id) {
  long long cid = course_id;
  s << "UPDATE training_courses SET registered = registered - 1 WHERE id = :id AND registered > 0",
      soci::use(cid);
}

bool InsertRegistration(soci::session& s, int64_t course_id, int64_t user_id, int64_t org_id,
                        const std::string& now) {
  long long cid = course_id, uid = user_id, oid = org_id;
  soci::statement st =
      (s.prepare << "INSERT INTO training_registrations (course_id, user_id, org_id, "
                    "registered_at) VALUES (:c, :u, :o, :n) ON CONFLICT DO NOTHING",
       soci::use(cid), soci::use(uid), soci::use(oid), soci::use(now));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool DeleteRegistration(soci::session& s, int64_t course_id, int64_t user_id) {
  long long cid = course_id, uid = user_id;
  soci::statement st = (s.prepare << "DELETE FROM training_registrations WHERE course_id = :c "
                                     "AND user_id = :u",
                        soci::use(cid), soci::use(uid));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool IsRegistered(soci::session& s, int64_t course_id, int64_t user_id) {
  long long cid = course_id, uid = user_id, n = 0;
  s << "SELECT COUNT(*) FROM training_registrations WHERE course_id = :c AND user_id = :u",
      soci::use(cid), soci::use(uid), soci::into(n);
  return n > 0;
}

std::vector<Registration> Registrations(soci::session& s, int64_t course_id, int64_t org_id) {
  long long cid = course_id, oid = org_id, oid2 = org_id, id = 0, org = 0;
  int attended = 0;
  Registration r;
  std::vector<Registration> out;
  soci::statement st =
      (s.prepare << "SELECT r.id, u.login, u.name, r.org_id, r.registered_at, r.attended, "
                    "r.attendance_by, r.attendance_at FROM training_registrations r JOIN users u "
                    "ON u.id = r.user_id WHERE r.course_id = :c AND (:o = 0 OR r.org_id = :o2) "
                    "ORDER BY r.id",
       soci::use(cid, "c"), soci::use(oid, "o"), soci::use(oid2, "o2"), soci::into(id),
       soci::into(r.login), soci::into(r.name), soci::into(org), soci::into(r.registered_at),
       soci::into(attended), soci::into(r.attendance_by), soci::into(r.attendance_at));
  st.execute();
  while (st.fetch()) {
    r.id = id;
    r.org = std::to_string(org);
    r.attended = attended != 0;
    out.push_back(r);
  }
  return out;
}

bool SetAttendance(soci::session& s, int64_t course_id, const std::string& login, bool attended,
                   const std::string& by, const std::string& now) {
  long long cid = course_id;
  int a = attended ? 1 : 0;
  soci::statement st =
      (s.prepare << "UPDATE training_registrations SET attended = :a, attendance_by = :b, "
                    "attendance_at = :n WHERE course_id = :c AND user_id = (SELECT id FROM users "
                    "WHERE login = :l)",
       soci::use(a), soci::use(by), soci::use(now), soci::use(cid), soci::use(login));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace jianbao::members::library_repo
