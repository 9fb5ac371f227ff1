// Copyright 2026 The Jianbao Authors.
//
// All SQL of the member-services module: member profiles, work-resumption
// reports with difficulties and needs (the needs are the follow-up items),
// schedules and their units, follow-up history, and the supplies ledger.
// Organisations are referred to by id; the service maps ids to codes and
// names with an orgs::OrgTree. Functions run on the caller's session (so
// they join its transaction) and throw soci errors, which store::Database
// turns into a Status.
//
// Thread safety: stateless; each call on the caller's session.

#ifndef JIANBAO_MEMBERS_REPOSITORY_H_
#define JIANBAO_MEMBERS_REPOSITORY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "members/model.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::members::repo {

// Returns this module's migrations (module name "members").
std::vector<store::Migration> Migrations();

// ---- member profiles ----

// Returns every profile by organisation id (code, name and parent left empty).
std::map<int64_t, Member> LoadProfiles(soci::session& s);
// Returns org id → sector of the schedule's units that have a profile.
std::map<int64_t, std::string> SectorsOf(soci::session& s, int64_t schedule_id);
// Returns the organisation id holding `credit_code`, or nullopt.
std::optional<int64_t> OrgOfCreditCode(soci::session& s, const std::string& credit_code);
// Inserts or replaces the profile of `m.org_id`.
void SaveProfile(soci::session& s, const Member& m, const std::string& now);
// Saves many profiles, up to 200 in one statement (one round trip each).
void SaveProfiles(soci::session& s, const std::vector<Member>& members, const std::string& now);

// ---- reports ----

// Returns true when `org_id` already reported for `date`.
bool ReportExists(soci::session& s, int64_t org_id, const std::string& date);
// Stores a report with its difficulties and needs (each need an open
// follow-up item with a "created" event); returns the report id.
int64_t InsertReport(soci::session& s, int64_t org_id, const ReportInput& in,
                     const std::string& submitted_at, int64_t submitted_unix,
                     const std::string& by);
// Returns one page of the reports of `org_ids` matching `filter` (newest
// date first), difficulties and needs included; org codes left empty.
Page<Report> ListReports(soci::session& s, const std::vector<int64_t>& org_ids,
                         const ReportFilter& filter, int64_t filter_org, const PageRequest& page);

// ---- schedules ----

int64_t InsertSchedule(soci::session& s, int64_t owner_org_id, const ScheduleInput& in,
                       const std::string& now, const std::string& by);
// Adds `org_id` to a schedule, expected from day `from_day`; nothing when it is in already.
void AddScheduleUnit(soci::session& s, int64_t schedule_id, int64_t org_id, int64_t from_day);
// Returns every schedule with its unit count (units left empty), newest first.
std::vector<Schedule> ListSchedules(soci::session& s);
// Returns one schedule (units left empty), or nullopt.
std::optional<Schedule> FindSchedule(soci::session& s, int64_t id);
// Returns the schedule's units: org id → the day (number) from which it is expected.
std::map<int64_t, int64_t> ScheduleUnits(soci::session& s, int64_t schedule_id);
// Returns the ids of the schedules `org_id` belongs to.
std::vector<int64_t> SchedulesOfOrg(soci::session& s, int64_t org_id);

// One unit's reports dated inside a period.
struct UnitPeriod {
  int64_t first_unix = 0;  // when the first of them arrived
  std::string first_at;
  std::string status;  // of the latest-dated one
  int staff_back_pct = 0, capacity_pct = 0;
};
// Returns, for each unit of the schedule with a report dated in [from_day,
// to_day], what it reported.
std::map<int64_t, UnitPeriod> PeriodReports(soci::session& s, int64_t schedule_id, int64_t from_day,
                                            int64_t to_day);
// Returns kind → number of needs reported in [from_day, to_day] by the schedule's units.
std::map<std::string, int64_t> PeriodNeeds(soci::session& s, int64_t schedule_id, int64_t from_day,
                                           int64_t to_day);

// The per-period counts are kept as reports arrive (a report is counted in a
// schedule's period when its unit is expected then and it is the unit's first
// report of the period), so the dashboard's series reads one row per period
// instead of aggregating every report.

// A schedule `org_id` belongs to, with the day from which the unit is expected.
struct UnitSchedule {
  int64_t schedule_id = 0;
  std::string kind;
  int weekday = 0;
  std::string start, deadline;
  int64_t from_day = 0;
};
std::vector<UnitSchedule> SchedulesWithUnit(soci::session& s, int64_t org_id);
// Records the unit's first report of a period; returns false (and changes
// nothing) when the unit already has one there. Adds it to the period's counts.
bool MarkUnitPeriod(soci::session& s, int64_t schedule_id, int64_t period, int64_t org_id,
                    int64_t first_unix, bool on_time);
// Counts the stored reports of `orgs` (units just added to the schedule) dated
// in [anchor, last_day], in periods of `length` days from `anchor` where each
// unit is expected (`due0`: the Unix time day `anchor` begins in Shanghai),
// then recomputes the schedule's per-period counts. One pass in SQL.
void CountExistingReports(soci::session& s, int64_t schedule_id, const std::vector<int64_t>& orgs,
                          int64_t anchor, int64_t length, int64_t last_day, int64_t due0);

struct SeriesCounts {
  int64_t reported = 0, on_time = 0;
};
// Returns the kept counts of the schedule's periods [first, last] (periods
// without a report are absent).
std::map<int64_t, SeriesCounts> SeriesOf(soci::session& s, int64_t schedule_id, int64_t first,
                                         int64_t last);

// ---- follow-ups ----

Page<Followup> ListFollowups(soci::session& s, const std::vector<int64_t>& org_ids,
                             const FollowupFilter& filter, int64_t filter_org,
                             const PageRequest& page);
// Returns the follow-up with its history, and its unit's id in *org_id; nullopt when none.
std::optional<Followup> FindFollowup(soci::session& s, int64_t id, int64_t* org_id);
void UpdateFollowup(soci::session& s, int64_t id, const std::string& status,
                    const std::string& owner, const std::string& now);
void AddFollowupEvent(soci::session& s, int64_t id, const FollowupEvent& e);

// ---- supplies ----

// Adds `quantity_x100` to the balance of (holder, item).
void Credit(soci::session& s, int64_t holder, const std::string& item, int64_t quantity_x100);
// Takes `quantity_x100` from the balance of (holder, item) when it suffices
// (one conditional UPDATE, so concurrent debits cannot overdraw it). Returns
// false, with the balance in *balance_x100, when it does not.
bool Debit(soci::session& s, int64_t holder, const std::string& item, int64_t quantity_x100,
           int64_t* balance_x100);
int64_t InsertTransaction(soci::session& s, const TransactionInput& in, int64_t from_org,
                          int64_t to_org, const std::string& now, const std::string& by);
// Returns balances of `holders` (all when empty) for `item` ("" = any), holder codes empty.
std::vector<std::pair<int64_t, Balance>> Balances(soci::session& s,
                                                  const std::vector<int64_t>& holders,
                                                  const std::string& item);
// A transaction with its parties' organisation ids (0 = outside party).
struct TransactionRow {
  Transaction tx;
  int64_t from_org = 0, to_org = 0;
};
// Returns one page (newest first) of the transactions touching `org_ids`
// (all when `all`) dated in [from, to] ("" = open); `holder` (0 = any) must
// be one of the parties.
Page<TransactionRow> ListTransactions(soci::session& s, const std::vector<int64_t>& org_ids,
                                      bool all, int64_t holder, const TransactionFilter& filter,
                                      const std::string& from, const std::string& to,
                                      const PageRequest& page);

}  // namespace jianbao::members::repo

#endif  // JIANBAO_MEMBERS_REPOSITORY_H_
