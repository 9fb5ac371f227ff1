// Copyright 2026 The Jianbao Authors.
//
// Comments, attachments, commissions and the statistics queries.

#include <soci/soci.h>

#include "core/bytes.h"
#include "submissions/repository.h"
#include "submissions/repository_internal.h"

namespace jianbao::submissions::repo {

using internal::Binder;
using internal::IdList;

int64_t InsertComment(soci::session& s, const Comment& c) {
  long long id = 0, piece = c.piece_id, author = c.author_id;
  s << "INSERT INTO piece_comments (piece_id, author_id, author_login, author_name, "
       "author_org_code, body, created_at) VALUES (:piece, :author, :login, :name, :org, :body, "
       ":at) RETURNING id",
      soci::use(piece), soci::use(author), soci::use(c.author_login), soci::use(c.author_name),
      soci::use(c.author_org_code), soci::use(c.body), soci::use(c.created_at), soci::into(id);
  return id;
}

std::vector<Comment> ListComments(soci::session& s, int64_t piece_id) {
  std::vector<Comment> out;
  long long piece = piece_id, id = 0, author = 0;
  Comment c;
  soci::statement st =
      (s.prepare << "SELECT id, author_id, author_login, author_name, author_org_code, body, "
                    "created_at FROM piece_comments WHERE piece_id = :piece ORDER BY id",
       soci::use(piece), soci::into(id), soci::into(author), soci::into(c.author_login),
       soci::into(c.author_name), soci::into(c.author_org_code), soci::into(c.body),
       soci::into(c.created_at));
  st.execute();
  while (st.fetch()) {
    c.id = id;
    c.piece_id = piece_id;
    c.author_id = author;
    out.push_back(c);
  }
  return out;
}

int64_t InsertAttachment(soci::session& s, const Attachment& a, int64_t user_id,
                         const std::string& now) {
  long long id = 0, piece = a.piece_id, size = a.size, by = user_id;
  const std::string data = bytes::Base64Encode(a.data);
  s << "INSERT INTO piece_attachments (piece_id, name, mime, size, sha256, data_base64, "
       "created_by, created_at) VALUES (:piece, :name, :mime, :size, :sha, :data, :by, :at) "
       "RETURNING id",
      soci::use(piece), soci::use(a.name), soci::use(a.mime), soci::use(size), soci::use(a.sha256),
      soci::use(data), soci::use(by), soci::use(now), soci::into(id);
  return id;
}

std::vector<Attachment> ListAttachments(soci::session& s, int64_t piece_id) {
  std::vector<Attachment> out;
  long long piece = piece_id, id = 0, size = 0;
  Attachment a;
  soci::statement st =
      (s.prepare << "SELECT id, name, mime, size, sha256, created_at FROM piece_attachments "
                    "WHERE piece_id = :piece ORDER BY id",
       soci::use(piece), soci::into(id), soci::into(a.name), soci::into(a.mime), soci::into(size),
       soci::into(a.sha256), soci::into(a.created_at));
  st.execute();
  while (st.fetch()) {
    a.id = id;
    a.piece_id = piece_id;
    a.size = size;
    out.push_back(a);
  }
  return out;
}

std::optional<Attachment> FindAttachment(soci::session& s, int64_t piece_id, int64_t id) {
  long long piece = piece_id, aid = id, size = 0;
  Attachment a;
  std::string data;
  s << "SELECT name, mime, size, sha256, created_at, data_base64 FROM piece_attachments WHERE "
       "piece_id = :piece AND id = :id",
      soci::use(piece), soci::use(aid), soci::into(a.name), soci::into(a.mime), soci::into(size),
      soci::into(a.sha256), soci::into(a.created_at), soci::into(data);
  if (!s.got_data()) return std::nullopt;
  a.id = id;
  a.piece_id = piece_id;
  a.size = size;
  a.data = bytes::Base64Decode(data).value_or("");
  return a;
}

void DeleteAttachment(soci::session& s, int64_t piece_id, int64_t id) {
  long long piece = piece_id, aid = id;
  s << "DELETE FROM piece_attachments WHERE piece_id = :piece AND id = :id", soci::use(piece),
      soci::use(aid);
}

int64_t InsertCommission(soci::session& s, const Commission& c) {
  long long id = 0, req = c.requester_org_id, org = c.org_id, by = c.created_by;
  s << "INSERT INTO commissions (topic, description, requester_org_id, org_id, deadline, "
       "deadline_at, status, created_by, created_by_login, created_at) VALUES (:topic, :descr, "
       ":req, :org, :deadline, :deadline_at, :status, :by, :login, :at) RETURNING id",
      soci::use(c.topic), soci::use(c.description), soci::use(req), soci::use(org),
      soci::use(c.deadline), soci::use(c.deadline_at), soci::use(c.status), soci::use(by),
      soci::use(c.created_by_login), soci::use(c.created_at), soci::into(id);
  return id;
}

void UpdateCommissionStatus(soci::session& s, int64_t id, const std::string& status) {
  long long cid = id;
  s << "UPDATE commissions SET status = :status WHERE id = :id", soci::use(status), soci::use(cid);
}

namespace {

const char* kCommissionSelect =
    "SELECT c.id, c.topic, c.description, c.requester_org_id, c.org_id, c.deadline, "
    "c.deadline_at, c.status, c.created_by, c.created_by_login, c.created_at, "
    "(SELECT COUNT(*) FROM pieces p WHERE p.commission_id = c.id AND p.first_submitted_at <> '' "
    "AND p.state <> 'draft'), "
    "COALESCE((SELECT MIN(p.first_submitted_at) FROM pieces p WHERE p.commission_id = c.id AND "
    "p.first_submitted_at <> '' AND p.state <> 'draft'), '') FROM commissions c ";

std::vector<Commission> FetchCommissions(soci::session& s, const std::string& sql, Binder& b) {
  std::vector<Commission> out;
  Commission c;
  long long id = 0, req = 0, org = 0, by = 0, answers = 0;
  soci::statement st(s);
  st.alloc();
  st.prepare(sql);
  b.Bind(st);
  for (long long* v : {&id}) st.exchange(soci::into(*v));
  st.exchange(soci::into(c.topic));
  st.exchange(soci::into(c.description));
  st.exchange(soci::into(req));
  st.exchange(soci::into(org));
  st.exchange(soci::into(c.deadline));
  st.exchange(soci::into(c.deadline_at));
  st.exchange(soci::into(c.status));
  st.exchange(soci::into(by));
  st.exchange(soci::into(c.created_by_login));
  st.exchange(soci::into(c.created_at));
  st.exchange(soci::into(answers));
  st.exchange(soci::into(c.answered_at));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    c.id = id;
    c.requester_org_id = req;
    c.org_id = org;
    c.created_by = by;
    c.answers = answers;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::optional<Commission> FindCommission(soci::session& s, int64_t id) {
  Binder b;
  auto found = FetchCommissions(s, std::string(kCommissionSelect) + "WHERE c.id = " + b.Int(id), b);
  if (found.empty()) return std::nullopt;
  return found[0];
}

PageOf<Commission> ListCommissions(soci::session& s, const std::vector<int64_t>& requester_ids,
                                   const std::vector<int64_t>& org_ids, const std::string& status,
                                   int offset, int limit) {
  Binder b;
  std::string where = "WHERE 1 = 1";
  std::vector<std::string> any;
  if (!requester_ids.empty())
    any.push_back("c.requester_org_id IN (" + IdList(requester_ids) + ")");
  if (!org_ids.empty()) any.push_back("c.org_id IN (" + IdList(org_ids) + ")");
  if (!any.empty()) where += " AND (" + any[0] + (any.size() > 1 ? " OR " + any[1] : "") + ")";
  if (!status.empty()) where += " AND c.status = " + b.Text(status);
  PageOf<Commission> page;
  page.total = internal::FetchCount(s, "SELECT COUNT(*) FROM commissions c " + where, b);
  Binder sel = b;
  page.items = FetchCommissions(s,
                                std::string(kCommissionSelect) + where +
                                    " ORDER BY c.deadline DESC, c.id DESC LIMIT " + sel.Int(limit) +
                                    " OFFSET " + sel.Int(offset),
                                sel);
  return page;
}

std::map<int64_t, PieceCounts> CountPieces(soci::session& s, int64_t target,
                                           const std::string& from_utc, const std::string& to_utc) {
  std::map<int64_t, PieceCounts> out;
  long long t = target, org = 0, submitted = 0, adopted = 0;
  soci::statement st =
      (s.prepare << "SELECT owner_org_id, COUNT(*), SUM(CASE WHEN state = 'adopted' THEN 1 ELSE 0 "
                    "END) FROM pieces WHERE target_org_id = :t AND first_submitted_at >= :from "
                    "AND first_submitted_at < :to AND state <> 'draft' GROUP BY owner_org_id",
       soci::use(t), soci::use(from_utc), soci::use(to_utc), soci::into(org), soci::into(submitted),
       soci::into(adopted));
  st.execute();
  while (st.fetch()) out[org] = {submitted, adopted};
  return out;
}

std::map<int64_t, CommissionCounts> CountCommissions(soci::session& s, int64_t target,
                                                     const std::string& from,
                                                     const std::string& to) {
  std::map<int64_t, CommissionCounts> out;
  long long t = target, org = 0, total = 0, on_time = 0, answered = 0;
  soci::statement st =
      (s.prepare << "SELECT c.org_id, COUNT(*), "
                    "SUM(CASE WHEN EXISTS (SELECT 1 FROM pieces p WHERE p.commission_id = c.id "
                    "AND p.first_submitted_at <> '' AND p.state <> 'draft' AND "
                    "p.first_submitted_at < c.deadline_at) "
                    "THEN 1 ELSE 0 END), "
                    "SUM(CASE WHEN EXISTS (SELECT 1 FROM pieces p WHERE p.commission_id = c.id "
                    "AND p.first_submitted_at <> '' AND p.state <> 'draft') THEN 1 ELSE 0 END) "
                    "FROM commissions c WHERE c.requester_org_id = :t AND c.deadline >= :from "
                    "AND c.deadline <= :to GROUP BY c.org_id",
       soci::use(t), soci::use(from), soci::use(to), soci::into(org), soci::into(total),
       soci::into(on_time), soci::into(answered));
  st.execute();
  while (st.fetch()) out[org] = {total, on_time, answered - on_time};
  return out;
}

PageOf<Piece> StatsPieces(soci::session& s, int64_t target, int64_t owner,
                          const std::string& from_utc, const std::string& to_utc,
                          const std::string& kind, int offset, int limit) {
  Binder b;
  std::string where = "WHERE p.target_org_id = " + b.Int(target) +
                      " AND p.first_submitted_at >= " + b.Text(from_utc) +
                      " AND p.first_submitted_at < " + b.Text(to_utc) + " AND p.state <> 'draft'";
  if (owner) where += " AND p.owner_org_id = " + b.Int(owner);
  if (kind == "adopted") where += " AND p.state = 'adopted'";
  PageOf<Piece> page;
  page.total = internal::FetchCount(s, "SELECT COUNT(*) FROM pieces p " + where, b);
  Binder sel = b;
  page.items = internal::FetchPieces(s,
                                     "SELECT " + internal::PieceColumns(false) + where +
                                         " ORDER BY p.first_submitted_at DESC, p.id DESC LIMIT " +
                                         sel.Int(limit) + " OFFSET " + sel.Int(offset),
                                     sel);
  return page;
}

}  // namespace jianbao::submissions::repo
