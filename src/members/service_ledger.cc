// Copyright 2026 The Jianbao Authors.
//
// Follow-ups of needs and the supplies and donations ledger.

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "core/text.h"
#include "members/export.h"
#include "members/repository.h"
#include "members/service.h"
#include "members/service_internal.h"
#include "orgs/repository.h"
#include "orgs/service.h"

namespace jianbao::members {

using internal::LoadScope;
using internal::Scope;

namespace {

Followup Named(Followup f, const Scope& scope, int64_t org_id) {
  if (const orgs::Org* o = scope.Find(org_id)) {
    f.org_code = o->code;
    f.org_name = o->name;
  }
  return f;
}

// The follow-up state machine: the state an action leads to from `from`, or "" when refused.
std::string NextState(const std::string& action, const std::string& from) {
  const bool active = from == "open" || from == "in_progress";
  if (action == "assign" || action == "start") return active ? "in_progress" : "";
  if (action == "resolve") return active ? "resolved" : "";
  if (action == "close") return active ? "closed" : "";
  if (action == "reopen") return active ? "" : "open";
  if (action == "comment") return from;
  return "";
}

}  // namespace

Result<Page<Followup>> MembersService::ListFollowups(const Actor& actor,
                                                     const FollowupFilter& filter,
                                                     const PageRequest& page) {
  Page<Followup> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association() && !scope->member()) {
      return Status::Denied("follow-ups are for member units and their associations");
    }
    int64_t filter_org = 0;
    if (!filter.org_code.empty()) {
      const orgs::Org* o = scope->Find(filter.org_code);
      if (!o) return Status::Invalid("org", "org_not_found", "no such organisation");
      filter_org = o->id;
    }
    out = repo::ListFollowups(s, scope->Ids(), filter, filter_org, page);
    for (Followup& f : out.items) f = Named(f, *scope, std::stoll(f.org_code));
    return Status::Ok();
  }));
  return out;
}

Result<Followup> MembersService::GetFollowup(const Actor& actor, int64_t id) {
  Followup out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    int64_t org = 0;
    std::optional<Followup> f = repo::FindFollowup(s, id, &org);
    if (!f || !scope->Covers(org))
      return Status::NotFound("member_followup_not_found", "no such item");
    out = Named(*f, *scope, org);
    return Status::Ok();
  }));
  return out;
}

Result<Followup> MembersService::ActOnFollowup(const Actor& actor, int64_t id,
                                               const FollowupAction& a) {
  static const std::set<std::string> kActions = {"assign", "start",  "resolve",
                                                 "close",  "reopen", "comment"};
  if (!kActions.count(a.action)) {
    return Status::Invalid("action", "invalid_followup_action",
                           "action must be assign, start, resolve, close, reopen or comment");
  }
  if ((a.action == "resolve" || a.action == "close" || a.action == "comment") &&
      text::Trim(a.note).empty()) {
    return Status::Invalid("note", "required", "note is required");
  }
  if (a.action == "assign" && a.owner.empty()) {
    return Status::Invalid("owner", "required", "owner is required");
  }
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    int64_t org = 0;
    std::optional<Followup> f = repo::FindFollowup(s, id, &org);
    if (!f || !scope->Covers(org))
      return Status::NotFound("member_followup_not_found", "no such item");
    if (!scope->system() && !scope->association()) {
      return Status::Denied("needs are followed up by the association");
    }
    const std::string next = NextState(a.action, f->status);
    if (next.empty()) {
      return Status::Conflict("followup_transition",
                              "cannot " + a.action + " an item that is " + f->status)
          .set_text("action", a.action)
          .set_text("status", f->status);
    }
    std::string owner = f->owner;
    if (a.action == "assign") {
      std::string ignored;
      std::optional<orgs::User> u = orgs::repo::FindUserByLogin(s, a.owner, &ignored);
      if (!u || u->disabled || !scope->Covers(u->org_id)) {
        return Status::Invalid("owner", "owner_not_found", "no such user in your association");
      }
      owner = u->login;
    }
    if (a.action == "start" && owner.empty()) owner = actor.login;
    const std::string now = clock::FormatIso(Now());
    repo::UpdateFollowup(s, id, next, owner, now);
    repo::AddFollowupEvent(s, id, FollowupEvent{now, actor.login, a.action, next, owner, a.note});
    orgs::Audit(s, actor, "resumption.followup." + a.action, "resumption_need", std::to_string(id),
                "{\"status\":\"" + f->status + "\"}", "{\"status\":\"" + next + "\"}");
    return Status::Ok();
  }));
  return GetFollowup(actor, id);
}

namespace {

// A party of a transaction: an organisation of the platform, or an outside name.
struct Party {
  const orgs::Org* org = nullptr;
  std::string name;
};

Party ResolveParty(const Scope& scope, const std::string& value) {
  if (const orgs::Org* o = scope.Find(value)) return {o, o->name};
  return {nullptr, value};
}

Status CheckTransaction(const TransactionInput& in) {
  if (!FindSupplyItem(in.item)) {
    return Status::Invalid("item", "unknown_item", "unknown item: " + in.item)
        .set_text("item", in.item);
  }
  if (in.quantity_x100 <= 0) {
    return Status::Invalid("quantity", "out_of_range", "quantity must be more than 0");
  }
  if (!clock::IsValidDate(in.date)) {
    return Status::Invalid("date", "invalid_date", "date: not a date YYYY-MM-DD");
  }
  if (in.from == in.to) return Status::Invalid("to", "same_party", "from and to are the same");
  return Status::Ok();
}

}  // namespace

Result<Transaction> MembersService::RecordTransaction(const Actor& actor,
                                                      const TransactionInput& in) {
  JB_RETURN_IF_ERROR(CheckTransaction(in));
  Transaction out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association()) {
      return Status::Denied("the ledger is kept by association staff");
    }
    const Party from = ResolveParty(*scope, in.from), to = ResolveParty(*scope, in.to);
    if (!from.org && !to.org) {
      return Status::Invalid("from", "outside_parties",
                             "at least one side must be an organisation on the platform");
    }
    for (const Party* p : {&from, &to}) {
      if (p->org && !scope->Covers(p->org->id)) {
        return Status::Denied(p->org->code + " is outside your association");
      }
    }
    // Balances are touched in the order of their holder ids, so that two
    // opposite transfers cannot deadlock on PostgreSQL.
    struct Move {
      int64_t holder;
      bool debit;
      const orgs::Org* org;
    };
    std::vector<Move> moves;
    if (from.org) moves.push_back({from.org->id, true, from.org});
    if (to.org) moves.push_back({to.org->id, false, to.org});
    std::sort(moves.begin(), moves.end(),
              [](const Move& a, const Move& b) { return a.holder < b.holder; });
    const SupplyItem* item = FindSupplyItem(in.item);
    for (const Move& m : moves) {
      if (!m.debit) {
        repo::Credit(s, m.holder, in.item, in.quantity_x100);
        continue;
      }
      int64_t balance = 0;
      if (!repo::Debit(s, m.holder, in.item, in.quantity_x100, &balance)) {
        return Status::Conflict("negative_balance",
                                m.org->code + " holds only " + internal::FormatQuantity(balance) +
                                    " " + item->unit + " of " + in.item,
                                "quantity")
            .set_detail("balance_x100", balance)
            .set_text("balance", internal::FormatQuantity(balance))
            .set_text("holder", m.org->name)
            .set_text("item", in.item)
            .set_text("unit", item->unit);
      }
    }
    const std::string now = clock::FormatIso(Now());
    out.id = repo::InsertTransaction(s, in, from.org ? from.org->id : 0, to.org ? to.org->id : 0,
                                     now, actor.login);
    out.item = in.item;
    out.unit = item->unit;
    out.quantity_x100 = in.quantity_x100;
    out.from = from.org ? from.org->code : "";
    out.from_name = from.name;
    out.to = to.org ? to.org->code : "";
    out.to_name = to.name;
    out.date = in.date;
    out.note = in.note;
    out.created_at = now;
    out.created_by = actor.login;
    orgs::Audit(s, actor, "supplies.transaction", "supplies_transaction", std::to_string(out.id),
                "",
                "{\"item\":\"" + in.item + "\",\"quantity\":\"" +
                    internal::FormatQuantity(in.quantity_x100) + "\"}");
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Balance>> MembersService::ListBalances(const Actor& actor,
                                                          const std::string& holder,
                                                          const std::string& item) {
  if (!item.empty() && !FindSupplyItem(item)) {
    return Status::Invalid("item", "unknown_item", "unknown item: " + item).set_text("item", item);
  }
  std::vector<Balance> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association() && !scope->member()) {
      return Status::Denied("the ledger is for member units and their associations");
    }
    std::vector<int64_t> holders = scope->Ids();
    if (!holder.empty()) {
      const orgs::Org* o = scope->Find(holder);
      if (!o) return Status::Invalid("holder", "org_not_found", "no such organisation");
      holders = scope->Covers(o->id) ? std::vector<int64_t>{o->id} : std::vector<int64_t>{};
    }
    for (auto& [id, b] : repo::Balances(s, holders, item)) {
      const orgs::Org* o = scope->Find(id);
      b.holder = o ? o->code : "";
      b.holder_name = o ? o->name : "";
      const SupplyItem* i = FindSupplyItem(b.item);
      b.unit = i ? i->unit : "";
      out.push_back(b);
    }
    return Status::Ok();
  }));
  return out;
}

namespace {

Transaction Named(const repo::TransactionRow& row, const Scope& scope) {
  Transaction t = row.tx;
  const SupplyItem* i = FindSupplyItem(t.item);
  t.unit = i ? i->unit : "";
  if (const orgs::Org* o = row.from_org ? scope.Find(row.from_org) : nullptr) {
    t.from = o->code;
    t.from_name = o->name;
  }
  if (const orgs::Org* o = row.to_org ? scope.Find(row.to_org) : nullptr) {
    t.to = o->code;
    t.to_name = o->name;
  }
  return t;
}

Result<std::pair<std::string, std::string>> YearRange(const std::string& year) {
  if (year.empty()) return std::pair<std::string, std::string>{"", ""};
  if (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)) {
    return Status::Invalid("year", "invalid_year", "year: YYYY");
  }
  return std::pair<std::string, std::string>{year + "-01-01", year + "-12-31"};
}

}  // namespace

Result<Page<Transaction>> MembersService::ListTransactions(const Actor& actor,
                                                           const TransactionFilter& filter,
                                                           const PageRequest& page) {
  JB_ASSIGN_OR_RETURN(auto range, YearRange(filter.year));
  Page<Transaction> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association() && !scope->member()) {
      return Status::Denied("the ledger is for member units and their associations");
    }
    int64_t holder = 0;
    if (!filter.holder.empty()) {
      const orgs::Org* o = scope->Find(filter.holder);
      if (!o) return Status::Invalid("holder", "org_not_found", "no such organisation");
      holder = o->id;
    }
    auto rows = repo::ListTransactions(s, scope->Ids(), scope->system(), holder, filter,
                                       range.first, range.second, page);
    out.total = rows.total;
    for (const auto& r : rows.items) out.items.push_back(Named(r, *scope));
    return Status::Ok();
  }));
  return out;
}

Result<SupplySummary> MembersService::SummaryOf(const Actor& actor, const std::string& from,
                                                const std::string& to) {
  if (!clock::IsValidDate(from)) return Status::Invalid("from", "invalid_date", "from: not a date");
  if (!clock::IsValidDate(to)) return Status::Invalid("to", "invalid_date", "to: not a date");
  SupplySummary out;
  out.year = from.substr(0, 4) == to.substr(0, 4) ? from.substr(0, 4) : from + ".." + to;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association() && !scope->member()) {
      return Status::Denied("the ledger is for member units and their associations");
    }
    if (const orgs::Org* root = scope->Find(scope->root())) out.scope_name = root->name;
    const std::vector<int64_t> ids = scope->Ids();
    const std::set<int64_t> mine(ids.begin(), ids.end());
    auto rows =
        repo::ListTransactions(s, ids, scope->system(), 0, {}, from, to, PageRequest{1, 1000000});
    std::map<std::string, SupplySummaryRow> by_item;
    std::map<std::string, std::set<std::string>> donors;
    std::map<std::string, int64_t> donor_count;
    for (const auto& r : rows.items) {
      SupplySummaryRow& row = by_item[r.tx.item];
      const bool from_in = r.from_org && mine.count(r.from_org);
      const bool to_in = r.to_org && mine.count(r.to_org);
      if (!from_in && to_in) {
        row.received_x100 += r.tx.quantity_x100;
        const std::string giver = r.from_org ? std::to_string(r.from_org) : r.tx.from_name;
        donors[r.tx.item].insert(giver);
        if (!r.from_org) ++donor_count[r.tx.from_name];
      } else if (from_in && !to_in) {
        row.donated_x100 += r.tx.quantity_x100;
      } else {
        row.transferred_x100 += r.tx.quantity_x100;
      }
    }
    for (const auto& [id, b] : repo::Balances(s, ids, ""))
      by_item[b.item].balance_x100 += b.balance_x100;
    for (const SupplyItem& i : SupplyItems()) {
      auto it = by_item.find(i.code);
      if (it == by_item.end()) continue;
      SupplySummaryRow row = it->second;
      row.item = i.code;
      row.unit = i.unit;
      row.donors = static_cast<int64_t>(donors[i.code].size());
      out.rows.push_back(row);
    }
    std::vector<std::pair<std::string, int64_t>> top(donor_count.begin(), donor_count.end());
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (top.size() > 5) top.resize(5);
    out.top_donors = top;
    return Status::Ok();
  }));
  return out;
}

Result<FileExport> MembersService::ExportLedger(const Actor& actor, const std::string& year,
                                                const std::string& lang) {
  JB_ASSIGN_OR_RETURN(auto range, YearRange(year));
  Page<Transaction> txs;
  std::vector<Balance> balances;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(txs, ListTransactions(actor, {"", "", year}, PageRequest{1, 1000000}));
    JB_ASSIGN_OR_RETURN(balances, ListBalances(actor, "", ""));
    return Status::Ok();
  }));
  JB_ASSIGN_OR_RETURN(std::string bytes, LedgerXlsx(txs.items, balances, year, lang));
  return FileExport{std::move(bytes),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "supplies" + (year.empty() ? std::string() : "-" + year) + ".xlsx"};
}

}  // namespace jianbao::members
