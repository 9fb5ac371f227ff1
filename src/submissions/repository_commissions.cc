// Copyright 2026 The Jianbao Authors.
//
// SQL of commissions (约稿).

#include <soci/soci.h>

#include "submissions/repository.h"
#include "submissions/repository_internal.h"

namespace jianbao::submissions::repo {

using internal::Binder;
using internal::IdList;

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

Page<Commission> ListCommissions(soci::session& s, const std::vector<int64_t>& requester_ids,
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
  Page<Commission> page;
  page.total = internal::FetchCount(s, "SELECT COUNT(*) FROM commissions c " + where, b);
  Binder sel = b;
  page.items = FetchCommissions(s,
                                std::string(kCommissionSelect) + where +
                                    " ORDER BY c.deadline DESC, c.id DESC LIMIT " + sel.Int(limit) +
                                    " OFFSET " + sel.Int(offset),
                                sel);
  return page;
}

}  // namespace jianbao::submissions::repo
