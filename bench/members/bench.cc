// Copyright 2026 The Jianbao Authors.
//
// The member-services benchmark (bench/members/README.md):
//   1. import 5,000 member units from an .xlsx workbook (all new; then again,
//      all updates), through MembersService::Import, store included;
//   2. the reporting-rate dashboard of a weekly schedule over those 5,000
//      units with 52 weeks of reports (about 221,000 reports).
// Usage: jb_members_bench [--db URL] [--runs N] [--only import]   (default: a fresh SQLite file)

#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/clock.h"
#include "members/repository.h"
#include "members/service.h"
#include "members/testing/workbooks.h"
#include "orgs/repository.h"

namespace jianbao::members {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void Print(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%-58s best %8.1f ms  median %8.1f ms  (%zu runs)\n", what, ms.front(),
              ms[ms.size() / 2], ms.size());
}

int Main(int argc, char** argv) {
  std::string url;
  int runs = 5;
  std::string only;  // "import": skip the dashboard part
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db") url = v;
    if (k == "--runs") runs = std::stoi(v);
    if (k == "--only") only = v;
  }
  const std::string file = "/tmp/jb-members-bench-" + std::to_string(getpid()) + ".db";
  if (url.empty()) url = "sqlite:" + file;
  auto db = std::move(store::Database::Open(url)).value();
  db->AddMigrations("orgs", orgs::repo::Migrations());
  db->AddMigrations("members", repo::Migrations());
  if (!db->Migrate().ok()) return 1;
  if (!db->Write([](soci::session& s) {
           orgs::Org root{0, "ccea", "中国通信企业协会", "", "national", 0, "", {}, ""};
           root.id = orgs::repo::InsertOrg(s, root, "2020-01-01T00:00:00Z");
           orgs::Org hubei{0,  "hubei", "湖北省通信行业协会", "", "provincial", root.id, "ccea",
                           {}, ""};
           orgs::repo::InsertOrg(s, hubei, "2020-01-01T00:00:00Z");
           return Status::Ok();
         }).ok()) {
    return 1;
  }
  MembersService svc(db.get());
  const std::string xlsx = testing::Workbook(testing::MemberHeader(), testing::MemberRows(5000));
  std::printf("workbook: 5,000 rows, %zu KiB\n", xlsx.size() >> 10);
  auto t0 = Clock::now();
  auto first = svc.Import(Actor::System(), "hubei", "xlsx", xlsx, false);
  auto t1 = Clock::now();
  if (!first.ok() || first->created != 5000) {
    std::printf("import failed: %s\n", first.status().ToString().c_str());
    return 1;
  }
  Print("import 5,000 new units from .xlsx", {Ms(t0, t1)});
  std::vector<double> again;
  for (int i = 0; i < runs; ++i) {
    t0 = Clock::now();
    auto r = svc.Import(Actor::System(), "hubei", "xlsx", xlsx, false);
    t1 = Clock::now();
    if (!r.ok() || r->updated != 5000) return 1;
    again.push_back(Ms(t0, t1));
  }
  Print("import the same 5,000 again (nothing changes)", again);
  auto renamed_rows = testing::MemberRows(5000);
  for (auto& row : renamed_rows) row[0] += "（更名）";
  const std::string renamed = testing::Workbook(testing::MemberHeader(), renamed_rows);
  t0 = Clock::now();
  auto r2 = svc.Import(Actor::System(), "hubei", "xlsx", renamed, false);
  t1 = Clock::now();
  if (!r2.ok() || r2->updated != 5000) return 1;
  Print("import 5,000 known units, every name changed", {Ms(t0, t1)});
  std::vector<double> dry;
  for (int i = 0; i < runs; ++i) {
    t0 = Clock::now();
    auto r = svc.Import(Actor::System(), "hubei", "xlsx", xlsx, true);
    t1 = Clock::now();
    if (!r.ok()) return 1;
    dry.push_back(Ms(t0, t1));
  }
  Print("import preview (dry run) of 5,000 rows", dry);
  if (only == "import") {
    for (const char* suffix : {"", "-wal", "-shm"}) unlink((file + suffix).c_str());
    return 0;
  }

  // A weekly schedule over the 5,000 units from 2019-03-04, and 52 weeks of reports.
  Page<Member> units;
  Actor staff;
  staff.login = "bench";
  staff.roles = {kRoleAdmin};
  db->Read([&](soci::session& s) {
    staff.org_id = orgs::repo::FindOrg(s, "hubei")->id;
    staff.org_code = "hubei";
    return Status::Ok();
  });
  units = svc.ListMembers(staff, {}, PageRequest{1, 10000}).value();
  // Weekly on Friday from Monday 2019-03-04: the first period is Sat 03-02 … Fri 03-08.
  const int64_t anchor = clock::DaysFromDate("2019-03-02");
  t0 = Clock::now();
  int64_t stored = 0;
  db->Write([&](soci::session& s) {
    // Week by week, as reports arrive in use: a week's reports lie together in
    // the table (stored unit by unit, one week's 4,195 reports lay on 3,042
    // PostgreSQL pages and the dashboard read them 3–4 times slower).
    for (int w = 0; w < 52; ++w) {
      for (size_t u = 0; u < units.items.size(); ++u) {
        if ((u * 7 + static_cast<size_t>(w)) % 13 == 0 || (u + static_cast<size_t>(w)) % 11 == 0) {
          continue;  // missing
        }
        ReportInput r;
        r.date = clock::DateFromDays(anchor + w * 7 + 5);
        r.status = w > 20 ? "resumed" : "partial";
        r.staff_back_pct = std::min(100, 30 + w * 2);
        r.capacity_pct = std::min(100, 20 + w * 2);
        // Reported on Thursday 16:00, or (one in five) late: on Saturday 08:00.
        const int64_t at = clock::ShanghaiDayStart(r.date) + ((u + w) % 5 == 0 ? 56 : 16) * 3600;
        repo::InsertReport(s, units.items[u].org_id, r, clock::FormatIso(at), at, "bench");
        ++stored;
      }
    }
    return Status::Ok();
  });
  t1 = Clock::now();
  std::printf("stored %lld reports in %.0f ms\n", static_cast<long long>(stored), Ms(t0, t1));
  // The schedule is set afterwards, so its creation counts every stored report once.
  ScheduleInput in{"周报", "weekly", 5, "2019-03-04", "", {}};
  for (const Member& m : units.items) in.units.push_back(m.code);
  t0 = Clock::now();
  auto sc = svc.CreateSchedule(staff, in);
  t1 = Clock::now();
  if (!sc.ok() || sc->first_period != "2019-03-02") {
    std::printf("schedule: %s\n", sc.status().ToString().c_str());
    return 1;
  }
  Print("create the schedule over 5,000 units (counts the reports)", {Ms(t0, t1)});
  const std::string last = clock::DateFromDays(anchor + 51 * 7 + 3);
  std::vector<double> dash, rate;
  for (int i = 0; i < runs; ++i) {
    t0 = Clock::now();
    auto d = svc.DashboardOf(staff, sc->id, last);
    t1 = Clock::now();
    if (!d.ok() || d->series.size() != 52) {
      std::printf("dashboard: %s\n", d.status().ToString().c_str());
      return 1;
    }
    if (i == 0) {
      std::printf("period %s: expected %lld, reported %lld, on time %lld\n",
                  d->rate.period.start.c_str(), static_cast<long long>(d->rate.expected),
                  static_cast<long long>(d->rate.reported),
                  static_cast<long long>(d->rate.on_time));
    }
    dash.push_back(Ms(t0, t1));
    t0 = Clock::now();
    auto r = svc.RateOf(staff, sc->id, last);
    t1 = Clock::now();
    if (!r.ok()) return 1;
    rate.push_back(Ms(t0, t1));
  }
  Print("dashboard: 5,000 units x 52 weeks (rate, breakdowns, series)", dash);
  Print("rate of one week over 5,000 units", rate);
  unlink(file.c_str());
  unlink((file + "-wal").c_str());
  unlink((file + "-shm").c_str());
  return 0;
}

}  // namespace
}  // namespace jianbao::members

int main(int argc, char** argv) { return jianbao::members::Main(argc, argv); }
