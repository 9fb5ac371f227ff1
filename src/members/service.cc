// Copyright 2026 The Jianbao Authors.
//
// The scope of an actor and the work-resumption reports.

#include "members/service.h"

#include <soci/soci.h>

#include <algorithm>

#include "core/clock.h"
#include "members/periods.h"
#include "members/repository.h"
#include "members/service_internal.h"
#include "orgs/repository.h"
#include "orgs/service.h"

namespace jianbao::members {
namespace internal {

Scope::Scope(const Actor& actor, std::vector<orgs::Org> orgs)
    : Scope(actor, std::make_shared<const orgs::OrgTree>(std::move(orgs))) {}

Scope::Scope(const Actor& actor, std::shared_ptr<const orgs::OrgTree> tree)
    : tree_(std::move(tree)) {
  if (actor.is_system() && actor.org_id == 0) {
    system_ = true;
    return;
  }
  const orgs::Org* own = Find(actor.org_id);
  if (!own) return;
  const bool staff = actor.HasRole(kRoleAdmin) || actor.HasRole(kRoleEditor);
  if (staff && (own->kind == "national" || own->kind == "provincial")) {
    association_ = true;
    root_ = own->id;
  } else if (staff && own->kind == "secretariat" && own->parent_id) {
    association_ = true;
    root_ = own->parent_id;
  } else if (actor.HasRole(kRoleMember)) {
    member_ = true;
    root_ = own->id;
  }
  if (association_) {
    for (const orgs::Org& o : tree_->orgs()) {
      if (IsAtOrBelow(o.id, root_)) covered_.insert(o.id);
    }
  }
}

bool Scope::IsAtOrBelow(int64_t id, int64_t ancestor) const {
  // The depth bound guards against a cycle in damaged data.
  const orgs::Org* o = Find(id);
  for (size_t depth = 0; o && depth <= tree_->orgs().size(); ++depth) {
    if (o->id == ancestor) return true;
    o = o->parent_id ? Find(o->parent_id) : nullptr;
  }
  return false;
}

bool Scope::Covers(int64_t id) const {
  if (system_) return tree_->FindId(id) != nullptr;
  if (association_) return covered_.count(id) > 0;
  return member_ && id == root_;
}

std::vector<int64_t> Scope::Ids() const {
  std::vector<int64_t> out;
  if (system_) {
    for (const orgs::Org& o : tree_->orgs()) out.push_back(o.id);
  } else if (association_) {
    out.assign(covered_.begin(), covered_.end());
    std::sort(out.begin(), out.end());
  } else if (member_) {
    out.push_back(root_);
  }
  return out;
}

const orgs::Org* Scope::Find(int64_t id) const { return tree_->FindId(id); }

const orgs::Org* Scope::Province(int64_t id) const {
  for (const orgs::Org* o = Find(id); o; o = Find(o->parent_id)) {
    if (o->kind == "provincial") return o;
    if (o->parent_id == 0) break;
  }
  return nullptr;
}

std::unique_ptr<Scope> LoadScope(soci::session& s, const Actor& actor) {
  return std::make_unique<Scope>(actor, orgs::repo::LoadOrgs(s));
}

std::shared_ptr<const orgs::OrgTree> TreeCache::Get(soci::session& s) {
  // The fingerprint first: a change committed between the two reads only
  // makes the key older than the tree, so the next call reads again.
  std::string key = orgs::repo::OrgsFingerprint(s);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (tree_ && key == key_) return tree_;
  }
  auto tree = std::make_shared<const orgs::OrgTree>(orgs::repo::LoadOrgs(s));
  std::lock_guard<std::mutex> lock(mu_);
  key_ = std::move(key);
  tree_ = tree;
  return tree;
}

std::unique_ptr<Scope> LoadScope(soci::session& s, const Actor& actor, TreeCache* cache) {
  return std::make_unique<Scope>(actor, cache->Get(s));
}

void CountReport(soci::session& s, int64_t org_id, int64_t day, int64_t submitted_unix) {
  for (const repo::UnitSchedule& u : repo::SchedulesWithUnit(s, org_id)) {
    auto cal = PeriodCalendar::Make(u.kind, u.weekday, u.start, u.deadline);
    if (!cal.ok()) continue;
    const std::optional<int64_t> p = cal->IndexOf(day);
    if (!p || u.from_day > cal->StartOf(*p)) continue;
    repo::MarkUnitPeriod(s, u.schedule_id, *p, org_id, submitted_unix,
                         submitted_unix < cal->DueUnix(*p));
  }
}

std::string DisplayName(const orgs::Org& o) { return o.short_name.empty() ? o.name : o.short_name; }

std::string FormatQuantity(int64_t x100) {
  std::string out = std::to_string(x100 / 100);
  const int64_t cents = x100 % 100;
  if (cents == 0) return out;
  out += "." + std::to_string(cents / 10);
  if (cents % 10) out += std::to_string(cents % 10);
  return out;
}

}  // namespace internal

using internal::LoadScope;
using internal::Scope;

MembersService::MembersService(store::Database* db)
    : db_(db),
      now_([] { return clock::NowUnix(); }),
      trees_(std::make_shared<internal::TreeCache>()) {}

namespace {

// Checks the values of a report that the JSON reader cannot: known words, ranges, dates.
Status CheckReport(const ReportInput& in, const std::string& today) {
  if (!clock::IsValidDate(in.date)) {
    return Status::Invalid("date", "invalid_date", "date: not a date YYYY-MM-DD");
  }
  if (in.date > today) {
    return Status::Invalid("date", "report_future_date", "a report cannot describe a future day");
  }
  if (!OneOf(ReportStatuses(), in.status)) {
    return Status::Invalid("status", "invalid_report_status",
                           "status must be resumed, partial or not_yet");
  }
  for (auto [name, v] : {std::pair{"staff_back_pct", in.staff_back_pct},
                         std::pair{"capacity_pct", in.capacity_pct}}) {
    if (v < 0 || v > 100)
      return Status::Invalid(name, "out_of_range", std::string(name) + " 0..100");
  }
  for (size_t i = 0; i < in.difficulties.size(); ++i) {
    if (!OneOf(DifficultyCategories(), in.difficulties[i].category)) {
      return Status::Invalid("difficulties[" + std::to_string(i) + "].category",
                             "unknown_difficulty", "unknown difficulty category");
    }
  }
  for (size_t i = 0; i < in.needs.size(); ++i) {
    const std::string at = "needs[" + std::to_string(i) + "]";
    if (!OneOf(NeedKinds(), in.needs[i].kind)) {
      return Status::Invalid(at + ".kind", "unknown_need", "unknown need kind");
    }
    if (!(in.needs[i].quantity > 0) || in.needs[i].quantity > 1e12) {
      return Status::Invalid(at + ".quantity", "out_of_range", "quantity must be more than 0");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Report> MembersService::SubmitReport(const Actor& actor, const ReportInput& in) {
  if (!actor.HasRole(kRoleMember) || actor.org_id == 0) {
    return Status::Denied("only member units report their work resumption");
  }
  if (!in.org_code.empty() && in.org_code != actor.org_code) {
    return Status::Denied("a unit reports only for itself");
  }
  const int64_t now = Now();
  JB_RETURN_IF_ERROR(CheckReport(in, clock::ShanghaiDate(now)));
  Report out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    if (repo::ReportExists(s, actor.org_id, in.date)) {
      return Status::Conflict("report_exists", "the unit already reported for " + in.date, "date");
    }
    const std::string at = clock::FormatIso(now);
    out.id = repo::InsertReport(s, actor.org_id, in, at, now, actor.login);
    internal::CountReport(s, actor.org_id, clock::DaysFromDate(in.date), now);
    out.org_id = actor.org_id;
    out.org_code = actor.org_code;
    out.date = in.date;
    out.status = in.status;
    out.staff_back_pct = in.staff_back_pct;
    out.capacity_pct = in.capacity_pct;
    out.difficulties = in.difficulties;
    out.needs = in.needs;
    out.submitted_at = at;
    out.submitted_by = actor.login;
    orgs::Audit(s, actor, "resumption.report", "resumption_report", std::to_string(out.id), "",
                "{\"date\":\"" + in.date + "\",\"status\":\"" + in.status + "\"}");
    if (auto o = orgs::repo::FindOrg(s, actor.org_code)) out.org_name = o->name;
    return Status::Ok();
  }));
  return out;
}

Result<Page<Report>> MembersService::ListReports(const Actor& actor, const ReportFilter& filter,
                                                 const PageRequest& page) {
  Page<Report> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association() && !scope->member()) {
      return Status::Denied("reports are for member units and their associations");
    }
    int64_t filter_org = 0;
    if (!filter.org_code.empty()) {
      const orgs::Org* o = scope->Find(filter.org_code);
      if (!o) return Status::Invalid("org", "org_not_found", "no such organisation");
      filter_org = o->id;
    }
    out = repo::ListReports(s, scope->Ids(), filter, filter_org, page);
    for (Report& r : out.items) {
      if (const orgs::Org* o = scope->Find(r.org_id)) {
        r.org_code = o->code;
        r.org_name = o->name;
      }
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace jianbao::members
