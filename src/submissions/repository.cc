// Copyright 2026 The Jianbao Authors.

#include "submissions/repository.h"

#include <nlohmann/json.hpp>

#include "store/changes.h"
#include "store/versions.h"
#include "submissions/repository_internal.h"

namespace jianbao::submissions::repo {
namespace internal {

std::string IdList(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out.empty() ? "0" : out;
}

std::string PieceColumns(bool with_body) {
  return std::string("p.id, p.title, ") + (with_body ? "p.body" : "''") +
         ", p.authors_json, p.contact, p.tags_json, p.state, p.owner_org_id, p.target_org_id, "
         "COALESCE(p.commission_id, 0), p.version, p.created_by, p.created_by_login, "
         "p.created_by_name, p.created_at, p.updated_at, p.first_submitted_at, p.submitted_at, "
         "p.reviewed_at, p.adopted_at, p.return_reason, COALESCE(c.deadline_at, ''), "
         "p.edit_version, p.edit_by, p.edit_at "
         "FROM pieces p LEFT JOIN commissions c ON c.id = p.commission_id ";
}

void PieceRow::Bind(soci::statement& st) {
  for (auto* v : {&id}) st.exchange(soci::into(*v));
  st.exchange(soci::into(title));
  st.exchange(soci::into(body));
  st.exchange(soci::into(authors));
  st.exchange(soci::into(contact));
  st.exchange(soci::into(tags));
  st.exchange(soci::into(state));
  st.exchange(soci::into(owner));
  st.exchange(soci::into(target));
  st.exchange(soci::into(commission));
  st.exchange(soci::into(version));
  st.exchange(soci::into(created_by));
  st.exchange(soci::into(login));
  st.exchange(soci::into(name));
  st.exchange(soci::into(created_at));
  st.exchange(soci::into(updated_at));
  st.exchange(soci::into(first_submitted_at));
  st.exchange(soci::into(submitted_at));
  st.exchange(soci::into(reviewed_at));
  st.exchange(soci::into(adopted_at));
  st.exchange(soci::into(reason));
  st.exchange(soci::into(deadline_at));
  st.exchange(soci::into(edit_version));
  st.exchange(soci::into(edit_by));
  st.exchange(soci::into(edit_at));
}

Piece PieceRow::ToPiece() const {
  auto list = [](const std::string& json) {
    std::vector<std::string> out;
    nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_array()) {
      for (const auto& v : j) {
        if (v.is_string()) out.push_back(v.get<std::string>());
      }
    }
    return out;
  };
  Piece p;
  p.id = id;
  p.title = title;
  p.body = body;
  p.authors = list(authors);
  p.contact = contact;
  p.tags = list(tags);
  p.state = state;
  p.owner_org_id = owner;
  p.target_org_id = target;
  p.commission_id = commission;
  p.version = version;
  p.created_by = created_by;
  p.created_by_login = login;
  p.created_by_name = name;
  p.created_at = created_at;
  p.updated_at = updated_at;
  p.edit = {edit_version, edit_by, edit_at};
  p.first_submitted_at = first_submitted_at;
  p.submitted_at = submitted_at;
  p.reviewed_at = reviewed_at;
  p.adopted_at = adopted_at;
  p.return_reason = reason;
  p.commission_deadline_at = deadline_at;
  return p;
}

std::vector<Piece> FetchPieces(soci::session& s, const std::string& sql, Binder& binder) {
  std::vector<Piece> out;
  PieceRow row;
  soci::statement st(s);
  st.alloc();
  st.prepare(sql);
  binder.Bind(st);
  row.Bind(st);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.push_back(row.ToPiece());
  return out;
}

int64_t FetchCount(soci::session& s, const std::string& sql, Binder& binder) {
  long long n = 0;
  soci::statement st(s);
  st.alloc();
  st.prepare(sql);
  binder.Bind(st);
  st.exchange(soci::into(n));
  st.define_and_bind();
  st.execute(true);
  return n;
}

}  // namespace internal

using internal::Binder;
using internal::IdList;

namespace {

std::string JsonList(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{1, "pieces, versions, events, comments, attachments, commissions", R"SQL(
CREATE TABLE commissions (
  id {{pk}},
  topic TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  requester_org_id {{int}} NOT NULL,
  org_id {{int}} NOT NULL,
  deadline TEXT NOT NULL,
  deadline_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  created_by {{int}} NOT NULL,
  created_by_login TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX commissions_requester ON commissions(requester_org_id, deadline, org_id);
CREATE INDEX commissions_org ON commissions(org_id, deadline);
CREATE TABLE pieces (
  id {{pk}},
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  authors_json TEXT NOT NULL DEFAULT '[]',
  contact TEXT NOT NULL DEFAULT '',
  tags_json TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL,
  owner_org_id {{int}} NOT NULL,
  target_org_id {{int}} NOT NULL,
  commission_id {{int}} REFERENCES commissions(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by {{int}} NOT NULL,
  created_by_login TEXT NOT NULL,
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  first_submitted_at TEXT NOT NULL DEFAULT '',
  submitted_at TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT NOT NULL DEFAULT '',
  adopted_at TEXT NOT NULL DEFAULT '',
  return_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pieces_owner ON pieces(owner_org_id, updated_at);
CREATE INDEX pieces_target ON pieces(target_org_id, state, updated_at);
CREATE INDEX pieces_stats ON pieces(target_org_id, first_submitted_at, owner_org_id, state);
CREATE INDEX pieces_commission ON pieces(commission_id, first_submitted_at);
CREATE TABLE piece_versions (
  piece_id {{int}} NOT NULL REFERENCES pieces(id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  author_id {{int}} NOT NULL,
  author_login TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (piece_id, number)
);
CREATE TABLE piece_events (
  id {{pk}},
  piece_id {{int}} NOT NULL REFERENCES pieces(id),
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  actor_id {{int}} NOT NULL,
  actor_login TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX piece_events_piece ON piece_events(piece_id, id);
CREATE TABLE piece_comments (
  id {{pk}},
  piece_id {{int}} NOT NULL REFERENCES pieces(id),
  author_id {{int}} NOT NULL,
  author_login TEXT NOT NULL,
  author_name TEXT NOT NULL DEFAULT '',
  author_org_code TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX piece_comments_piece ON piece_comments(piece_id, id);
CREATE TABLE piece_attachments (
  id {{pk}},
  piece_id {{int}} NOT NULL REFERENCES pieces(id),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  data_base64 TEXT NOT NULL,
  created_by {{int}} NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX piece_attachments_piece ON piece_attachments(piece_id, id);
)SQL"},
          {2, "an edit version per piece for If-Match (store/versions.h)", R"SQL(
ALTER TABLE pieces ADD COLUMN edit_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pieces ADD COLUMN edit_by TEXT NOT NULL DEFAULT '';
ALTER TABLE pieces ADD COLUMN edit_at TEXT NOT NULL DEFAULT '';
)SQL"},
          {3, "autosave: a text version stays open for its author's autosaves", R"SQL(
ALTER TABLE piece_versions ADD COLUMN autosave_open INTEGER NOT NULL DEFAULT 0;
)SQL"}};
}

int64_t InsertPiece(soci::session& s, const Piece& p) {
  long long id = 0, owner = p.owner_org_id, target = p.target_org_id, by = p.created_by;
  long long commission = p.commission_id;
  soci::indicator ci = p.commission_id ? soci::i_ok : soci::i_null;
  const std::string authors = JsonList(p.authors), tags = JsonList(p.tags);
  s << "INSERT INTO pieces (title, body, authors_json, contact, tags_json, state, owner_org_id, "
       "target_org_id, commission_id, version, created_by, created_by_login, created_by_name, "
       "created_at, updated_at) VALUES (:title, :body, :authors, :contact, :tags, :state, :owner, "
       ":target, :commission, :version, :by, :login, :name, :created, :updated) RETURNING id",
      soci::use(p.title), soci::use(p.body), soci::use(authors), soci::use(p.contact),
      soci::use(tags), soci::use(p.state), soci::use(owner), soci::use(target),
      soci::use(commission, ci), soci::use(p.version), soci::use(by), soci::use(p.created_by_login),
      soci::use(p.created_by_name), soci::use(p.created_at), soci::use(p.updated_at),
      soci::into(id);
  store::NotifyChanged(s, "piece", id);  // the search index (store/changes.h)
  return id;
}

Status ClaimEditVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                        const std::string& by, const std::string& at) {
  return store::ClaimVersion(s, {"pieces", "id", "edit_version", "edit_by", "edit_at"}, id,
                             expected, by, at);
}

void UpdateContent(soci::session& s, const Piece& p) {
  long long id = p.id, target = p.target_org_id;
  const std::string authors = JsonList(p.authors), tags = JsonList(p.tags);
  s << "UPDATE pieces SET title = :title, body = :body, authors_json = :authors, contact = "
       ":contact, tags_json = :tags, target_org_id = :target, version = :version, updated_at = "
       ":updated WHERE id = :id",
      soci::use(p.title), soci::use(p.body), soci::use(authors), soci::use(p.contact),
      soci::use(tags), soci::use(target), soci::use(p.version), soci::use(p.updated_at),
      soci::use(id);
  store::NotifyChanged(s, "piece", p.id);  // the search index (store/changes.h)
}

void UpdateWorkflow(soci::session& s, const Piece& p) {
  long long id = p.id;
  s << "UPDATE pieces SET state = :state, first_submitted_at = :first, submitted_at = :submitted, "
       "reviewed_at = :reviewed, adopted_at = :adopted, return_reason = :reason, updated_at = "
       ":updated WHERE id = :id",
      soci::use(p.state), soci::use(p.first_submitted_at), soci::use(p.submitted_at),
      soci::use(p.reviewed_at), soci::use(p.adopted_at), soci::use(p.return_reason),
      soci::use(p.updated_at), soci::use(id);
  store::NotifyChanged(s, "piece", p.id);  // the search index (store/changes.h)
}

std::vector<int64_t> ListPieceIds(soci::session& s) {
  std::vector<int64_t> out;
  soci::rowset<long long> rows = (s.prepare << "SELECT id FROM pieces ORDER BY id");
  for (long long id : rows) out.push_back(id);
  return out;
}

std::string OrgCode(soci::session& s, int64_t org_id) {
  std::string code;
  long long id = org_id;
  s << "SELECT code FROM orgs WHERE id = :id", soci::into(code), soci::use(id);
  return code;
}

std::optional<Piece> FindPiece(soci::session& s, int64_t id) {
  Binder b;
  const std::string sql = "SELECT " + internal::PieceColumns(true) + "WHERE p.id = " + b.Int(id);
  std::vector<Piece> found = internal::FetchPieces(s, sql, b);
  if (found.empty()) return std::nullopt;
  return found[0];
}

Page<Piece> ListPieces(soci::session& s, const PieceFilter& f) {
  Binder b;
  std::string where = "WHERE 1 = 1";
  if (!f.owner_org_ids.empty() || !f.target_org_ids.empty()) {
    std::vector<std::string> any;
    if (!f.owner_org_ids.empty())
      any.push_back("p.owner_org_id IN (" + IdList(f.owner_org_ids) + ")");
    if (!f.target_org_ids.empty()) {
      any.push_back("(p.target_org_id IN (" + IdList(f.target_org_ids) + ")" +
                    (f.hide_drafts_of_others ? " AND p.state <> 'draft'" : "") + ")");
    }
    where += " AND (" + any[0] + (any.size() > 1 ? " OR " + any[1] : "") + ")";
  }
  if (!f.states.empty()) {
    std::string in;
    for (const std::string& st : f.states) in += (in.empty() ? "" : ", ") + b.Text(st);
    where += " AND p.state IN (" + in + ")";
  }
  if (f.owner_org_id) where += " AND p.owner_org_id = " + b.Int(f.owner_org_id);
  if (f.commission_id) where += " AND p.commission_id = " + b.Int(f.commission_id);
  if (!f.exclude_ids.empty()) {
    std::string ids;
    for (int64_t id : f.exclude_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    where += " AND p.id NOT IN (" + ids + ")";
  }
  if (!f.text.empty()) {
    std::string pattern = "%";
    for (char c : f.text) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    where += " AND p.title LIKE " + b.Text(pattern + "%") + " ESCAPE '\\'";
  }
  if (!f.from.empty()) where += " AND p.updated_at >= " + b.Text(f.from);
  if (!f.to.empty()) where += " AND p.updated_at < " + b.Text(f.to);
  Page<Piece> page;
  page.total = internal::FetchCount(s, "SELECT COUNT(*) FROM pieces p " + where, b);
  Binder sel = b;
  const std::string sql = "SELECT " + internal::PieceColumns(false) + where +
                          " ORDER BY p.updated_at DESC, p.id DESC LIMIT " + sel.Int(f.limit) +
                          " OFFSET " + sel.Int(f.offset);
  page.items = internal::FetchPieces(s, sql, sel);
  return page;
}

void InsertVersion(soci::session& s, const Version& v, bool open) {
  long long piece = v.piece_id, author = v.author_id;
  int is_open = open ? 1 : 0;
  s << "INSERT INTO piece_versions (piece_id, number, title, body, author_id, author_login, note, "
       "created_at, autosave_open) VALUES (:piece, :number, :title, :body, :author, :login, :note, "
       ":at, "
       ":open)",
      soci::use(piece), soci::use(v.number), soci::use(v.title), soci::use(v.body),
      soci::use(author), soci::use(v.author_login), soci::use(v.note), soci::use(v.created_at),
      soci::use(is_open);
}

bool IsOpenVersion(soci::session& s, int64_t piece_id, int number, int64_t author_id) {
  long long piece = piece_id, author = author_id;
  int n = 0;
  s << "SELECT COUNT(*) FROM piece_versions WHERE piece_id = :piece AND number = :number AND "
       "author_id = :author AND autosave_open = 1",
      soci::use(piece), soci::use(number), soci::use(author), soci::into(n);
  return n > 0;
}

void RewriteVersion(soci::session& s, const Version& v) {
  long long piece = v.piece_id;
  s << "UPDATE piece_versions SET title = :title, body = :body, created_at = :at "
       "WHERE piece_id = :piece AND number = :number",
      soci::use(v.title), soci::use(v.body), soci::use(v.created_at), soci::use(piece),
      soci::use(v.number);
}

void CloseVersions(soci::session& s, int64_t piece_id) {
  long long piece = piece_id;
  s << "UPDATE piece_versions SET autosave_open = 0 WHERE piece_id = :piece AND autosave_open = 1",
      soci::use(piece);
}

void UpdateVersionBody(soci::session& s, int64_t piece_id, int number, const std::string& body) {
  long long piece = piece_id;
  s << "UPDATE piece_versions SET body = :body WHERE piece_id = :piece AND number = :number",
      soci::use(body), soci::use(piece), soci::use(number);
}

std::vector<Version> ListVersions(soci::session& s, int64_t piece_id) {
  std::vector<Version> out;
  long long piece = piece_id, author = 0;
  Version v;
  soci::statement st =
      (s.prepare << "SELECT number, title, author_id, author_login, note, "
                    "created_at FROM piece_versions WHERE piece_id = :piece "
                    "ORDER BY number",
       soci::use(piece), soci::into(v.number), soci::into(v.title), soci::into(author),
       soci::into(v.author_login), soci::into(v.note), soci::into(v.created_at));
  st.execute();
  while (st.fetch()) {
    v.piece_id = piece_id;
    v.author_id = author;
    out.push_back(v);
  }
  return out;
}

std::optional<Version> FindVersion(soci::session& s, int64_t piece_id, int number) {
  long long piece = piece_id, author = 0;
  Version v;
  soci::indicator ind;
  s << "SELECT number, title, body, author_id, author_login, note, created_at FROM "
       "piece_versions WHERE piece_id = :piece AND number = :number",
      soci::use(piece), soci::use(number), soci::into(v.number, ind), soci::into(v.title),
      soci::into(v.body), soci::into(author), soci::into(v.author_login), soci::into(v.note),
      soci::into(v.created_at);
  if (!s.got_data()) return std::nullopt;
  v.piece_id = piece_id;
  v.author_id = author;
  return v;
}

void InsertEvent(soci::session& s, const Event& e) {
  long long piece = e.piece_id, actor = e.actor_id;
  s << "INSERT INTO piece_events (piece_id, action, from_state, to_state, reason, actor_id, "
       "actor_login, at) VALUES (:piece, :action, :from, :to, :reason, :actor, :login, :at)",
      soci::use(piece), soci::use(e.action), soci::use(e.from_state), soci::use(e.to_state),
      soci::use(e.reason), soci::use(actor), soci::use(e.actor_login), soci::use(e.at);
}

std::vector<Event> ListEvents(soci::session& s, int64_t piece_id) {
  std::vector<Event> out;
  long long piece = piece_id, id = 0, actor = 0;
  Event e;
  soci::statement st =
      (s.prepare << "SELECT id, action, from_state, to_state, reason, actor_id, actor_login, at "
                    "FROM piece_events WHERE piece_id = :piece ORDER BY id",
       soci::use(piece), soci::into(id), soci::into(e.action), soci::into(e.from_state),
       soci::into(e.to_state), soci::into(e.reason), soci::into(actor), soci::into(e.actor_login),
       soci::into(e.at));
  st.execute();
  while (st.fetch()) {
    e.id = id;
    e.piece_id = piece_id;
    e.actor_id = actor;
    out.push_back(e);
  }
  return out;
}

}  // namespace jianbao::submissions::repo
