// Copyright 2026 The Jianbao Authors.
//
// Reporting schedules, the reporting rate (DHIS2's definitions) and the dashboard.

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "members/export.h"
#include "members/periods.h"
#include "members/repository.h"
#include "members/service.h"
#include "members/service_internal.h"
#include "orgs/service.h"

namespace jianbao::members {

using internal::LoadScope;
using internal::Scope;

namespace {

constexpr int kSeriesPeriods = 52;
constexpr size_t kMaxUnits = 20000;

// Resolves unit codes: every one a member unit (member or operator) in the actor's subtree.
Result<std::vector<int64_t>> ResolveUnits(const Scope& scope,
                                          const std::vector<std::string>& codes) {
  if (codes.empty()) return Status::Invalid("units", "required", "choose at least one unit");
  if (codes.size() > kMaxUnits) return Status::Invalid("units", "too_many", "too many units");
  std::vector<int64_t> out;
  for (const std::string& code : codes) {
    const orgs::Org* o = scope.Find(code);
    if (!o) {
      return Status::Invalid("units", "unit_not_found", "no such organisation: " + code)
          .set_text("code", code);
    }
    if (o->kind != "member" && o->kind != "operator") {
      return Status::Invalid("units", "not_a_member_unit", code + " is not a member unit")
          .set_text("code", code);
    }
    if (!scope.Covers(o->id)) {
      return Status::Invalid("units", "unit_outside_scope", code + " is outside your association")
          .set_text("code", code);
    }
    out.push_back(o->id);
  }
  return out;
}

Schedule Describe(Schedule sc, const Scope& scope) {
  if (const orgs::Org* o = scope.Find(sc.owner_org_id)) sc.owner_code = o->code;
  auto cal = PeriodCalendar::Make(sc.kind, sc.weekday, sc.start, sc.deadline);
  if (cal.ok()) sc.first_period = clock::DateFromDays(cal->anchor());
  return sc;
}

// Returns true when the actor may see the schedule: association staff over
// its owner, members it expects, the system.
bool MaySee(soci::session& s, const Scope& scope, const Schedule& sc) {
  if (scope.system() || (scope.association() && scope.Covers(sc.owner_org_id))) return true;
  if (!scope.member()) return false;
  const auto ids = repo::SchedulesOfOrg(s, scope.root());
  return std::find(ids.begin(), ids.end(), sc.id) != ids.end();
}

Result<Schedule> LoadSchedule(soci::session& s, const Scope& scope, int64_t id) {
  std::optional<Schedule> sc = repo::FindSchedule(s, id);
  if (!sc || !MaySee(s, scope, *sc)) {
    return Status::NotFound("schedule_not_found", "no such schedule");
  }
  return Describe(*sc, scope);
}

// The period of a schedule holding `period` (a date), or kInvalidArgument "period".
struct PeriodAt {
  PeriodCalendar cal;
  int64_t index;
};
Result<PeriodAt> PeriodOf(const Schedule& sc, const std::string& period) {
  JB_ASSIGN_OR_RETURN(PeriodCalendar cal,
                      PeriodCalendar::Make(sc.kind, sc.weekday, sc.start, sc.deadline));
  if (!clock::IsValidDate(period)) {
    return Status::Invalid("period", "invalid_date", "period: not a date YYYY-MM-DD");
  }
  const auto index = cal.IndexOf(clock::DaysFromDate(period));
  if (!index) {
    return Status::Invalid("period", "period_outside_schedule",
                           "the day lies outside the schedule's periods");
  }
  return PeriodAt{cal, *index};
}

// Everything the rate and the dashboard are computed from, read in one session.
struct RateInputs {
  Schedule schedule;
  PeriodAt at{PeriodCalendar::Make("daily", 0, "2020-01-01", "").value(), 0};
  std::map<int64_t, int64_t> units;  // org id → from day
  std::map<int64_t, repo::UnitPeriod> reports;
};

Result<RateInputs> ReadRateInputs(soci::session& s, const Scope& scope, int64_t id,
                                  const std::string& period) {
  JB_ASSIGN_OR_RETURN(Schedule sc, LoadSchedule(s, scope, id));
  if (!scope.system() && !(scope.association() && scope.Covers(sc.owner_org_id))) {
    return Status::Denied("the reporting rate is for the association that set the schedule");
  }
  RateInputs in;
  in.schedule = sc;
  JB_ASSIGN_OR_RETURN(in.at, PeriodOf(sc, period));
  in.units = repo::ScheduleUnits(s, id);
  in.reports =
      repo::PeriodReports(s, id, in.at.cal.StartOf(in.at.index), in.at.cal.EndOf(in.at.index));
  return in;
}

// Counts reports the units stored before they joined the schedule.
void CountExisting(soci::session& s, int64_t id, const PeriodCalendar& cal,
                   const std::vector<int64_t>& units) {
  const int64_t last = cal.repeats() ? clock::DaysFromDate("9999-12-31") : cal.EndOf(0);
  repo::CountExistingReports(s, id, units, cal.anchor(), cal.length(), last,
                             clock::ShanghaiDayStart(clock::DateFromDays(cal.anchor())));
}

Rate ComputeRate(const Scope& scope, const RateInputs& in) {
  Rate r;
  r.schedule_id = in.schedule.id;
  const PeriodCalendar& cal = in.at.cal;
  const int64_t start = cal.StartOf(in.at.index);
  const int64_t due = cal.DueUnix(in.at.index);
  r.period = {in.at.index, clock::DateFromDays(start), clock::DateFromDays(cal.EndOf(in.at.index))};
  for (const auto& [org, from] : in.units) {
    if (from > start) continue;  // added during or after this period: not expected yet
    const orgs::Org* o = scope.Find(org);
    const std::string code = o ? o->code : std::to_string(org);
    ++r.expected;
    auto it = in.reports.find(org);
    if (it == in.reports.end()) {
      r.missing.push_back(code);
      continue;
    }
    ++r.reported;
    if (it->second.first_unix < due) {
      ++r.on_time;
    } else {
      r.late.push_back(code);
    }
  }
  std::sort(r.missing.begin(), r.missing.end());
  std::sort(r.late.begin(), r.late.end());
  return r;
}

}  // namespace

Result<Schedule> MembersService::CreateSchedule(const Actor& actor, const ScheduleInput& in) {
  JB_ASSIGN_OR_RETURN(PeriodCalendar cal,
                      PeriodCalendar::Make(in.kind, in.weekday, in.start, in.deadline));
  ScheduleInput clean = in;
  if (in.kind != "weekly") clean.weekday = 0;
  if (in.kind != "once") clean.deadline = "";
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->association() && !scope->system()) {
      return Status::Denied("schedules are set by association staff");
    }
    JB_ASSIGN_OR_RETURN(std::vector<int64_t> units, ResolveUnits(*scope, in.units));
    int64_t owner = scope->root();
    if (scope->system()) {
      const orgs::Org* first = scope->Find(units[0]);
      owner = first ? first->parent_id : 0;
    }
    id = repo::InsertSchedule(s, owner, clean, clock::FormatIso(Now()), actor.login);
    for (int64_t u : units) repo::AddScheduleUnit(s, id, u, cal.anchor());
    CountExisting(s, id, cal, units);
    orgs::Audit(s, actor, "resumption.schedule.create", "resumption_schedule", std::to_string(id),
                "", "{\"name\":\"" + std::to_string(units.size()) + " units\"}");
    return Status::Ok();
  }));
  return GetSchedule(actor, id);
}

Result<Schedule> MembersService::AddUnits(const Actor& actor, int64_t id,
                                          const std::vector<std::string>& units,
                                          const std::string& from) {
  const std::string day = from.empty() ? clock::ShanghaiDate(Now()) : from;
  if (!clock::IsValidDate(day)) return Status::Invalid("from", "invalid_date", "from: not a date");
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    JB_ASSIGN_OR_RETURN(Schedule sc, LoadSchedule(s, *scope, id));
    if (!scope->system() && !(scope->association() && scope->Covers(sc.owner_org_id))) {
      return Status::Denied("units are added by the association that set the schedule");
    }
    JB_ASSIGN_OR_RETURN(std::vector<int64_t> ids, ResolveUnits(*scope, units));
    for (int64_t u : ids) repo::AddScheduleUnit(s, id, u, clock::DaysFromDate(day));
    JB_ASSIGN_OR_RETURN(PeriodCalendar cal,
                        PeriodCalendar::Make(sc.kind, sc.weekday, sc.start, sc.deadline));
    CountExisting(s, id, cal, ids);
    orgs::Audit(s, actor, "resumption.schedule.units", "resumption_schedule", std::to_string(id),
                "", "{\"added\":" + std::to_string(ids.size()) + ",\"from\":\"" + day + "\"}");
    return Status::Ok();
  }));
  return GetSchedule(actor, id);
}

Result<Page<Schedule>> MembersService::ListSchedules(const Actor& actor, const PageRequest& page) {
  Page<Schedule> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    std::vector<int64_t> mine;
    if (scope->member()) mine = repo::SchedulesOfOrg(s, scope->root());
    std::vector<Schedule> visible;
    for (const Schedule& sc : repo::ListSchedules(s)) {
      const bool ok = scope->system() || (scope->association() && scope->Covers(sc.owner_org_id)) ||
                      std::find(mine.begin(), mine.end(), sc.id) != mine.end();
      if (ok) visible.push_back(Describe(sc, *scope));
    }
    out.total = static_cast<int64_t>(visible.size());
    for (size_t i = static_cast<size_t>(page.offset());
         i < visible.size() && out.items.size() < static_cast<size_t>(page.page_size); ++i) {
      out.items.push_back(visible[i]);
    }
    return Status::Ok();
  }));
  return out;
}

Result<Schedule> MembersService::GetSchedule(const Actor& actor, int64_t id) {
  Schedule out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    JB_ASSIGN_OR_RETURN(out, LoadSchedule(s, *scope, id));
    if (!scope->system() && !scope->association()) return Status::Ok();
    for (const auto& [org, from] : repo::ScheduleUnits(s, id)) {
      const orgs::Org* o = scope->Find(org);
      if (!o) continue;
      out.units.push_back({org, o->code, o->name, clock::DateFromDays(from)});
    }
    std::sort(out.units.begin(), out.units.end(),
              [](const ScheduleUnit& a, const ScheduleUnit& b) { return a.code < b.code; });
    return Status::Ok();
  }));
  return out;
}

Result<Rate> MembersService::RateOf(const Actor& actor, int64_t id, const std::string& period) {
  Rate out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    JB_ASSIGN_OR_RETURN(RateInputs in, ReadRateInputs(s, *scope, id, period));
    out = ComputeRate(*scope, in);
    return Status::Ok();
  }));
  return out;
}

namespace {

void Count(std::map<std::string, RateGroup>& groups, const std::string& key,
           const std::string& label, bool reported, bool on_time) {
  RateGroup& g = groups[key];
  g.key = key;
  g.label = label;
  ++g.expected;
  g.reported += reported;
  g.on_time += on_time;
}

std::vector<RateGroup> Sorted(const std::map<std::string, RateGroup>& groups) {
  std::vector<RateGroup> out;
  for (const auto& [k, g] : groups) out.push_back(g);
  return out;
}

}  // namespace

Result<Dashboard> MembersService::DashboardOf(const Actor& actor, int64_t id,
                                              const std::string& period) {
  Dashboard d;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    JB_ASSIGN_OR_RETURN(RateInputs in, ReadRateInputs(s, *scope, id, period));
    d.schedule = in.schedule;
    d.rate = ComputeRate(*scope, in);
    const PeriodCalendar& cal = in.at.cal;
    const int64_t start = cal.StartOf(in.at.index);
    const int64_t due = cal.DueUnix(in.at.index);
    const std::map<int64_t, std::string> sector_of = repo::SectorsOf(s, id);
    std::map<std::string, RateGroup> provinces, sectors;
    std::map<std::string, int64_t> statuses;
    for (const auto& [org, from] : in.units) {
      if (from > start) continue;
      const orgs::Org* o = scope->Find(org);
      if (!o) continue;
      UnitStatus u;
      u.code = o->code;
      u.name = o->name;
      const orgs::Org* p = scope->Province(org);
      u.province = p ? p->code : "";
      auto sector = sector_of.find(org);
      u.sector = sector == sector_of.end() ? "" : sector->second;
      auto rep = in.reports.find(org);
      u.state = rep == in.reports.end()        ? "missing"
                : rep->second.first_unix < due ? "on_time"
                                               : "late";
      if (rep != in.reports.end()) {
        u.status = rep->second.status;
        u.staff_back_pct = rep->second.staff_back_pct;
        u.capacity_pct = rep->second.capacity_pct;
        u.submitted_at = rep->second.first_at;
        ++statuses[u.status];
      }
      const bool reported = u.state != "missing", on_time = u.state == "on_time";
      Count(provinces, u.province, p ? p->name : "", reported, on_time);
      Count(sectors, u.sector, u.sector, reported, on_time);
      d.units.push_back(std::move(u));
    }
    std::sort(d.units.begin(), d.units.end(),
              [](const UnitStatus& a, const UnitStatus& b) { return a.code < b.code; });
    d.by_province = Sorted(provinces);
    d.by_sector = Sorted(sectors);
    for (const std::string& st : ReportStatuses()) d.statuses.emplace_back(st, statuses[st]);
    const auto needs = repo::PeriodNeeds(s, id, start, cal.EndOf(in.at.index));
    for (const std::string& k : NeedKinds()) {
      auto it = needs.find(k);
      d.needs.emplace_back(k, it == needs.end() ? 0 : it->second);
    }
    const int64_t first = std::max<int64_t>(0, in.at.index - (kSeriesPeriods - 1));
    const auto series = repo::SeriesOf(s, id, first, in.at.index);
    std::vector<int64_t> froms;
    for (const auto& [org, from] : in.units) froms.push_back(from);
    std::sort(froms.begin(), froms.end());
    for (int64_t p = first; p <= in.at.index; ++p) {
      SeriesPoint pt;
      pt.start = clock::DateFromDays(cal.StartOf(p));
      pt.expected = std::upper_bound(froms.begin(), froms.end(), cal.StartOf(p)) - froms.begin();
      if (auto it = series.find(p); it != series.end()) {
        pt.reported = it->second.reported;
        pt.on_time = it->second.on_time;
      }
      d.series.push_back(pt);
    }
    return Status::Ok();
  }));
  return d;
}

Result<FileExport> MembersService::ExportDashboard(const Actor& actor, int64_t id,
                                                   const std::string& period,
                                                   const std::string& lang) {
  JB_ASSIGN_OR_RETURN(Dashboard d, DashboardOf(actor, id, period));
  JB_ASSIGN_OR_RETURN(std::string bytes, DashboardXlsx(d, lang));
  return FileExport{std::move(bytes),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "resumption-" + std::to_string(id) + "-" + d.rate.period.start + ".xlsx"};
}

}  // namespace jianbao::members
