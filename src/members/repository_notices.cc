// Copyright 2026 The Jianbao Authors.

#include "members/repository_notices.h"

#include <soci/soci.h>

#include "store/changes.h"

namespace jianbao::members::repo {

std::vector<store::Migration> NoticeMigrations() {
  return {{10, "notices (通知、慰问信、倡议书), their recipients, saved recipient groups",
           R"SQL(
CREATE TABLE notices (
  id {{pk}},
  org_id {{int}} NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  author_id {{int}} NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  version {{int}} NOT NULL DEFAULT 1
);
CREATE INDEX notices_org ON notices (org_id, id);
CREATE TABLE notice_recipients (
  notice_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (notice_id, org_id)
);
CREATE INDEX notice_recipients_org ON notice_recipients (org_id);
CREATE TABLE notice_groups (
  id {{pk}},
  org_id {{int}} NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (org_id, name)
);
CREATE TABLE notice_group_orgs (
  group_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (group_id, org_id)
)
)SQL"}};
}

int64_t InsertNotice(soci::session& s, const Notice& n, int64_t org_id, int64_t author_id,
                     const std::string& now) {
  s << "INSERT INTO notices (org_id, kind, title, body, status, author_id, created_at, "
       "updated_at) VALUES (:o, :k, :t, :b, 'draft', :a, :now, :now2)",
      soci::use(org_id), soci::use(n.kind), soci::use(n.title), soci::use(n.body),
      soci::use(author_id), soci::use(now), soci::use(now);
  int64_t id = 0;
  s << "SELECT MAX(id) FROM notices WHERE org_id = :o AND author_id = :a", soci::use(org_id),
      soci::use(author_id), soci::into(id);
  store::NotifyChanged(s, "notice", id);  // the search index (store/changes.h)
  return id;
}

bool UpdateNotice(soci::session& s, const Notice& n, std::optional<int64_t> version,
                  const std::string& now) {
  long long current = 0;
  s << "SELECT version FROM notices WHERE id = :id", soci::use(n.id), soci::into(current);
  if (version && *version != current) return false;
  s << "UPDATE notices SET kind = :k, title = :t, body = :b, updated_at = :now, "
       "version = version + 1 WHERE id = :id",
      soci::use(n.kind), soci::use(n.title), soci::use(n.body), soci::use(now), soci::use(n.id);
  store::NotifyChanged(s, "notice", n.id);
  return true;
}

void MarkNoticeSent(soci::session& s, int64_t id, const std::string& now) {
  s << "UPDATE notices SET status = 'sent', sent_at = :now, updated_at = :now2, "
       "version = version + 1 WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  store::NotifyChanged(s, "notice", id);  // its recipients may find it now
}

void SetNoticeRecipients(soci::session& s, int64_t id, const std::vector<int64_t>& org_ids) {
  s << "DELETE FROM notice_recipients WHERE notice_id = :id", soci::use(id);
  int position = 0;
  for (int64_t org : org_ids) {
    s << "INSERT INTO notice_recipients (notice_id, org_id, position) VALUES (:n, :o, :p)",
        soci::use(id), soci::use(org), soci::use(position);
    ++position;
  }
  store::NotifyChanged(s, "notice", id);
}

namespace {

constexpr const char* kNoticeSelect =
    "SELECT n.id, n.org_id, o.code, o.name, n.kind, n.title, n.body, n.status, u.login, "
    "n.created_at, n.updated_at, n.sent_at, n.version FROM notices n "
    "JOIN orgs o ON o.id = n.org_id LEFT JOIN users u ON u.id = n.author_id ";

// Binds the columns of kNoticeSelect into `r`.
struct NoticeInto {
  NoticeRow r;
  soci::indicator login_ind = soci::i_ok;
  long long version = 1;
  void Bind(soci::statement& st) {
    st.exchange(soci::into(r.notice.id));
    st.exchange(soci::into(r.org_id));
    st.exchange(soci::into(r.notice.sender.code));
    st.exchange(soci::into(r.notice.sender.name));
    st.exchange(soci::into(r.notice.kind));
    st.exchange(soci::into(r.notice.title));
    st.exchange(soci::into(r.notice.body));
    st.exchange(soci::into(r.notice.status));
    st.exchange(soci::into(r.notice.author, login_ind));
    st.exchange(soci::into(r.notice.created_at));
    st.exchange(soci::into(r.notice.updated_at));
    st.exchange(soci::into(r.notice.sent_at));
    st.exchange(soci::into(version));
  }
  NoticeRow Take() {
    NoticeRow out = r;
    if (login_ind != soci::i_ok) out.notice.author.clear();
    out.notice.version = version;
    return out;
  }
};

std::string LikePattern(const std::string& q) {
  std::string out = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

std::optional<NoticeRow> FindNotice(soci::session& s, int64_t id) {
  NoticeInto into;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string(kNoticeSelect) + "WHERE n.id = :id");
  st.exchange(soci::use(id, "id"));
  into.Bind(st);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  NoticeRow r = into.Take();
  for (const auto& o : NoticeRecipients(s, id)) r.notice.recipients.push_back({o.code, o.name});
  return r;
}

std::vector<receipts::RecipientOrg> NoticeRecipients(soci::session& s, int64_t id) {
  receipts::RecipientOrg o;
  soci::statement st =
      (s.prepare << "SELECT o.id, o.code, o.name, o.email FROM notice_recipients r "
                    "JOIN orgs o ON o.id = r.org_id WHERE r.notice_id = :id "
                    "ORDER BY r.position",
       soci::use(id), soci::into(o.id), soci::into(o.code), soci::into(o.name),
       soci::into(o.email));
  st.execute();
  std::vector<receipts::RecipientOrg> out;
  while (st.fetch()) out.push_back(o);
  return out;
}

Page<NoticeRow> ListNotices(soci::session& s, int64_t org_id, int64_t recipient_org_id,
                            const NoticeFilter& f, int offset, int limit) {
  std::string where = "WHERE 1 = 1";
  std::vector<std::pair<std::string, std::string>> texts;
  const std::string own = "n.org_id = " + std::to_string(org_id);
  const std::string received =
      "(n.status = 'sent' AND EXISTS (SELECT 1 FROM notice_recipients r WHERE "
      "r.notice_id = n.id AND r.org_id = " +
      std::to_string(recipient_org_id) + "))";
  if (org_id > 0 && recipient_org_id > 0) {
    where += " AND (" + own + " OR " + received + ")";
  } else if (org_id > 0) {
    where += " AND " + own;
  } else if (recipient_org_id > 0) {
    where += " AND " + received;
  }
  if (!f.status.empty()) where += " AND n.status = :status", texts.emplace_back("status", f.status);
  if (!f.kind.empty()) where += " AND n.kind = :kind", texts.emplace_back("kind", f.kind);
  if (!f.q.empty()) {
    where += " AND n.title LIKE :q ESCAPE '\\'";
    texts.emplace_back("q", LikePattern(f.q));
  }
  Page<NoticeRow> page;
  {
    soci::statement st(s);
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM notices n " + where);
    for (auto& [name, v] : texts) st.exchange(soci::use(v, name));
    long long total = 0;
    st.exchange(soci::into(total));
    st.define_and_bind();
    st.execute(true);
    page.total = total;
  }
  NoticeInto into;
  soci::statement st(s);
  st.alloc();
  st.prepare(std::string(kNoticeSelect) + where + " ORDER BY n.id DESC LIMIT " +
             std::to_string(limit) + " OFFSET " + std::to_string(offset));
  for (auto& [name, v] : texts) st.exchange(soci::use(v, name));
  into.Bind(st);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) page.items.push_back(into.Take());
  for (NoticeRow& r : page.items) {
    for (const auto& o : NoticeRecipients(s, r.notice.id)) {
      r.notice.recipients.push_back({o.code, o.name});
    }
  }
  return page;
}

namespace {

std::vector<NoticeOrg> GroupOrgs(soci::session& s, int64_t group_id) {
  NoticeOrg o;
  soci::statement st = (s.prepare << "SELECT o.code, o.name FROM notice_group_orgs g JOIN orgs o "
                                     "ON o.id = g.org_id WHERE g.group_id = :id ORDER BY "
                                     "g.position",
                        soci::use(group_id), soci::into(o.code), soci::into(o.name));
  st.execute();
  std::vector<NoticeOrg> out;
  while (st.fetch()) out.push_back(o);
  return out;
}

}  // namespace

std::vector<RecipientGroup> ListGroups(soci::session& s, int64_t org_id) {
  RecipientGroup g;
  std::vector<RecipientGroup> out;
  {
    soci::statement st =
        (s.prepare << "SELECT id, name, created_at FROM notice_groups WHERE "
                      "org_id = :o ORDER BY name",
         soci::use(org_id), soci::into(g.id), soci::into(g.name), soci::into(g.created_at));
    st.execute();
    while (st.fetch()) out.push_back(g);
  }
  for (RecipientGroup& one : out) one.orgs = GroupOrgs(s, one.id);
  return out;
}

std::optional<std::pair<RecipientGroup, int64_t>> FindGroup(soci::session& s, int64_t id) {
  RecipientGroup g;
  long long org = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT id, name, created_at, org_id FROM notice_groups WHERE id = :id", soci::use(id),
      soci::into(g.id), soci::into(g.name), soci::into(g.created_at), soci::into(org, ind);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  g.orgs = GroupOrgs(s, id);
  return std::make_pair(g, static_cast<int64_t>(org));
}

bool GroupNameTaken(soci::session& s, int64_t org_id, const std::string& name) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM notice_groups WHERE org_id = :o AND name = :n", soci::use(org_id),
      soci::use(name), soci::into(n);
  return n > 0;
}

int64_t InsertGroup(soci::session& s, int64_t org_id, const std::string& name,
                    const std::vector<int64_t>& orgs, const std::string& now) {
  s << "INSERT INTO notice_groups (org_id, name, created_at) VALUES (:o, :n, :now)",
      soci::use(org_id), soci::use(name), soci::use(now);
  int64_t id = 0;
  s << "SELECT id FROM notice_groups WHERE org_id = :o AND name = :n", soci::use(org_id),
      soci::use(name), soci::into(id);
  int position = 0;
  for (int64_t org : orgs) {
    s << "INSERT INTO notice_group_orgs (group_id, org_id, position) VALUES (:g, :o, :p)",
        soci::use(id), soci::use(org), soci::use(position);
    ++position;
  }
  return id;
}

void DeleteGroup(soci::session& s, int64_t id) {
  s << "DELETE FROM notice_group_orgs WHERE group_id = :id", soci::use(id);
  s << "DELETE FROM notice_groups WHERE id = :id", soci::use(id);
}

std::vector<int64_t> ListNoticeIds(soci::session& s) {
  std::vector<int64_t> out;
  soci::rowset<long long> rows = (s.prepare << "SELECT id FROM notices ORDER BY id");
  for (long long id : rows) out.push_back(id);
  return out;
}

}  // namespace jianbao::members::repo
