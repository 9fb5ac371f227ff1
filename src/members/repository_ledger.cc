// Copyright 2026 The Jianbao Authors.
//
// The SQL of follow-up items and of the supplies ledger.

#include <soci/soci.h>

#include "members/repository.h"

namespace jianbao::members::repo {
namespace {

std::string IdList(const std::vector<int64_t>& ids) {
  if (ids.empty()) return "(NULL)";
  std::string out = "(";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + ")";
}

const char* kFollowupColumns =
    "SELECT n.id, n.report_id, n.org_id, r.date, n.kind, n.quantity, n.note, n.status, n.owner, "
    "n.created_at, n.updated_at FROM resumption_needs n JOIN resumption_reports r ON r.id = "
    "n.report_id";

}  // namespace

// ---- follow-ups ----

Page<Followup> ListFollowups(soci::session& s, const std::vector<int64_t>& org_ids,
                             const FollowupFilter& f, int64_t filter_org, const PageRequest& page) {
  const std::string where = " WHERE n.org_id IN " + IdList(org_ids) +
                            " AND (:org = 0 OR n.org_id = :org2) AND (:st = '' OR n.status = :st2)"
                            " AND (:kind = '' OR n.kind = :kind2) AND (:ow = '' OR n.owner = :ow2)";
  long long org = filter_org, org2 = filter_org;
  std::string st = f.status, st2 = f.status, kind = f.kind, kind2 = f.kind, ow = f.owner,
              ow2 = f.owner;
  Page<Followup> out;
  long long total = 0;
  s << "SELECT COUNT(*) FROM resumption_needs n" + where, soci::use(org, "org"),
      soci::use(org2, "org2"), soci::use(st, "st"), soci::use(st2, "st2"), soci::use(kind, "kind"),
      soci::use(kind2, "kind2"), soci::use(ow, "ow"), soci::use(ow2, "ow2"), soci::into(total);
  out.total = total;
  int lim = page.page_size, off = page.offset();
  Followup x;
  long long id = 0, report = 0, xorg = 0;
  soci::statement stmt =
      (s.prepare << std::string(kFollowupColumns) + where +
                        " ORDER BY n.id DESC LIMIT :lim OFFSET :off",
       soci::use(org, "org"), soci::use(org2, "org2"), soci::use(st, "st"), soci::use(st2, "st2"),
       soci::use(kind, "kind"), soci::use(kind2, "kind2"), soci::use(ow, "ow"),
       soci::use(ow2, "ow2"), soci::use(lim, "lim"), soci::use(off, "off"), soci::into(id),
       soci::into(report), soci::into(xorg), soci::into(x.report_date), soci::into(x.kind),
       soci::into(x.quantity), soci::into(x.note), soci::into(x.status), soci::into(x.owner),
       soci::into(x.created_at), soci::into(x.updated_at));
  stmt.execute();
  while (stmt.fetch()) {
    x.id = id;
    x.report_id = report;
    x.org_code = std::to_string(xorg);  // the service replaces it with the code
    out.items.push_back(x);
  }
  return out;
}

std::optional<Followup> FindFollowup(soci::session& s, int64_t id, int64_t* org_id) {
  Followup x;
  long long nid = id, report = 0, org = 0, got_id = 0;
  s << std::string(kFollowupColumns) + " WHERE n.id = :id", soci::use(nid), soci::into(got_id),
      soci::into(report), soci::into(org), soci::into(x.report_date), soci::into(x.kind),
      soci::into(x.quantity), soci::into(x.note), soci::into(x.status), soci::into(x.owner),
      soci::into(x.created_at), soci::into(x.updated_at);
  if (!s.got_data()) return std::nullopt;
  x.id = got_id;
  x.report_id = report;
  *org_id = org;
  FollowupEvent e;
  soci::statement st = (s.prepare << "SELECT at, actor, action, status, owner, note FROM "
                                     "resumption_followup_events WHERE need_id = :id ORDER BY id",
                        soci::use(nid), soci::into(e.at), soci::into(e.actor), soci::into(e.action),
                        soci::into(e.status), soci::into(e.owner), soci::into(e.note));
  st.execute();
  while (st.fetch()) x.history.push_back(e);
  return x;
}

void UpdateFollowup(soci::session& s, int64_t id, const std::string& status,
                    const std::string& owner, const std::string& now) {
  long long nid = id;
  s << "UPDATE resumption_needs SET status = :st, owner = :ow, updated_at = :now WHERE id = :id",
      soci::use(status), soci::use(owner), soci::use(now), soci::use(nid);
}

void AddFollowupEvent(soci::session& s, int64_t id, const FollowupEvent& e) {
  long long nid = id;
  s << "INSERT INTO resumption_followup_events (need_id, at, actor, action, status, owner, note) "
       "VALUES (:id, :at, :actor, :action, :status, :owner, :note)",
      soci::use(nid), soci::use(e.at), soci::use(e.actor), soci::use(e.action), soci::use(e.status),
      soci::use(e.owner), soci::use(e.note);
}

// ---- supplies ----

void Credit(soci::session& s, int64_t holder, const std::string& item, int64_t quantity_x100) {
  long long h = holder, q = quantity_x100;
  s << "INSERT INTO supplies_balances (holder_org_id, item, balance) VALUES (:h, :i, :q) "
       "ON CONFLICT (holder_org_id, item) DO UPDATE SET balance = supplies_balances.balance + "
       "excluded.balance",
      soci::use(h), soci::use(item), soci::use(q);
}

bool Debit(soci::session& s, int64_t holder, const std::string& item, int64_t quantity_x100,
           int64_t* balance_x100) {
  long long h = holder, q = quantity_x100, q2 = quantity_x100;
  soci::statement st =
      (s.prepare << "UPDATE supplies_balances SET balance = balance - :q WHERE "
                    "holder_org_id = :h AND item = :i AND balance >= :q2",
       soci::use(q, "q"), soci::use(h, "h"), soci::use(item, "i"), soci::use(q2, "q2"));
  st.execute(true);
  if (st.get_affected_rows() == 1) return true;
  long long balance = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT balance FROM supplies_balances WHERE holder_org_id = :h AND item = :i", soci::use(h),
      soci::use(item), soci::into(balance, ind);
  *balance_x100 = s.got_data() && ind == soci::i_ok ? balance : 0;
  return false;
}

int64_t InsertTransaction(soci::session& s, const TransactionInput& in, int64_t from_org,
                          int64_t to_org, const std::string& now, const std::string& by) {
  long long id = 0, q = in.quantity_x100, from = from_org, to = to_org;
  soci::indicator from_ind = from_org ? soci::i_ok : soci::i_null;
  soci::indicator to_ind = to_org ? soci::i_ok : soci::i_null;
  const std::string from_name = from_org ? "" : in.from;
  const std::string to_name = to_org ? "" : in.to;
  s << "INSERT INTO supplies_transactions (item, quantity, from_org_id, from_name, to_org_id, "
       "to_name, date, note, created_at, created_by) VALUES (:item, :q, :fo, :fn, :to, :tn, :date, "
       ":note, :now, :by) RETURNING id",
      soci::use(in.item), soci::use(q), soci::use(from, from_ind), soci::use(from_name),
      soci::use(to, to_ind), soci::use(to_name), soci::use(in.date), soci::use(in.note),
      soci::use(now), soci::use(by), soci::into(id);
  return id;
}

std::vector<std::pair<int64_t, Balance>> Balances(soci::session& s,
                                                  const std::vector<int64_t>& holders,
                                                  const std::string& item) {
  std::vector<std::pair<int64_t, Balance>> out;
  std::string it = item, it2 = item;
  long long h = 0, balance = 0;
  Balance b;
  soci::statement st =
      (s.prepare << "SELECT holder_org_id, item, balance FROM supplies_balances WHERE "
                    "holder_org_id IN " +
                        IdList(holders) +
                        " AND (:it = '' OR item = :it2) ORDER BY holder_org_id, item",
       soci::use(it, "it"), soci::use(it2, "it2"), soci::into(h), soci::into(b.item),
       soci::into(balance));
  st.execute();
  while (st.fetch()) {
    b.balance_x100 = balance;
    out.emplace_back(h, b);
  }
  return out;
}

Page<TransactionRow> ListTransactions(soci::session& s, const std::vector<int64_t>& org_ids,
                                      bool all, int64_t holder, const TransactionFilter& f,
                                      const std::string& from, const std::string& to,
                                      const PageRequest& page) {
  const std::string ids = IdList(org_ids);
  const std::string where =
      std::string(" WHERE ") +
      (all ? "1 = 1" : "(t.from_org_id IN " + ids + " OR t.to_org_id IN " + ids + ")") +
      " AND (:h = 0 OR t.from_org_id = :h2 OR t.to_org_id = :h3) AND (:it = '' OR t.item = :it2)"
      " AND (:from = '' OR t.date >= :from2) AND (:to = '' OR t.date <= :to2)";
  long long h = holder, h2 = holder, h3 = holder;
  std::string it = f.item, it2 = f.item, fr = from, fr2 = from, t1 = to, t2 = to;
  Page<TransactionRow> out;
  long long total = 0;
  s << "SELECT COUNT(*) FROM supplies_transactions t" + where, soci::use(h, "h"),
      soci::use(h2, "h2"), soci::use(h3, "h3"), soci::use(it, "it"), soci::use(it2, "it2"),
      soci::use(fr, "from"), soci::use(fr2, "from2"), soci::use(t1, "to"), soci::use(t2, "to2"),
      soci::into(total);
  out.total = total;
  int lim = page.page_size, off = page.offset();
  TransactionRow row;
  long long id = 0, q = 0, from_org = 0, to_org = 0;
  soci::indicator from_ind = soci::i_null, to_ind = soci::i_null;
  soci::statement st =
      (s.prepare << "SELECT t.id, t.item, t.quantity, t.from_org_id, t.from_name, t.to_org_id, "
                    "t.to_name, t.date, t.note, t.created_at, t.created_by FROM "
                    "supplies_transactions t" +
                        where + " ORDER BY t.date DESC, t.id DESC LIMIT :lim OFFSET :off",
       soci::use(h, "h"), soci::use(h2, "h2"), soci::use(h3, "h3"), soci::use(it, "it"),
       soci::use(it2, "it2"), soci::use(fr, "from"), soci::use(fr2, "from2"), soci::use(t1, "to"),
       soci::use(t2, "to2"), soci::use(lim, "lim"), soci::use(off, "off"), soci::into(id),
       soci::into(row.tx.item), soci::into(q), soci::into(from_org, from_ind),
       soci::into(row.tx.from_name), soci::into(to_org, to_ind), soci::into(row.tx.to_name),
       soci::into(row.tx.date), soci::into(row.tx.note), soci::into(row.tx.created_at),
       soci::into(row.tx.created_by));
  st.execute();
  while (st.fetch()) {
    row.tx.id = id;
    row.tx.quantity_x100 = q;
    row.from_org = from_ind == soci::i_ok ? from_org : 0;
    row.to_org = to_ind == soci::i_ok ? to_org : 0;
    out.items.push_back(row);
  }
  return out;
}

}  // namespace jianbao::members::repo
