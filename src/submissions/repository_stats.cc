// Copyright 2026 The Jianbao Authors.
//
// SQL of the adoption statistics: counts by organisation and the pieces behind a cell.

#include <soci/soci.h>

#include "submissions/repository.h"
#include "submissions/repository_internal.h"

namespace jianbao::submissions::repo {

using internal::Binder;

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

Page<Piece> StatsPieces(soci::session& s, int64_t target, int64_t owner,
                        const std::string& from_utc, const std::string& to_utc,
                        const std::string& kind, int offset, int limit) {
  Binder b;
  std::string where = "WHERE p.target_org_id = " + b.Int(target) +
                      " AND p.first_submitted_at >= " + b.Text(from_utc) +
                      " AND p.first_submitted_at < " + b.Text(to_utc) + " AND p.state <> 'draft'";
  if (owner) where += " AND p.owner_org_id = " + b.Int(owner);
  if (kind == "adopted") where += " AND p.state = 'adopted'";
  Page<Piece> page;
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
