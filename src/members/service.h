// Copyright 2026 The Jianbao Authors.
//
// MembersService: member services (复工复产). Member units report their
// work-resumption status, difficulties and needs; associations set reporting
// schedules and follow the reporting rate (DHIS2's expected / reported / on
// time), a dashboard by province and sector with an .xlsx export, and the
// follow-up of every need; the supplies and donations ledger keeps balances
// per item and holder that never go negative; member lists are imported from
// .xlsx or .csv, all or nothing.
//
// Who may do what (checked here, not in handlers):
//   association staff  admin or editor of a national, secretariat (acting for
//                      its parent) or provincial organisation; they work on
//                      their organisation's subtree.
//   member units       the member role: report for their own organisation,
//                      read their own reports, schedules, follow-ups, ledger.
//   import             admins over the parent organisation.
// The system actor (CLI, demo loader) may do everything.
//
// Thread safety: every method may be called from any thread; state lives in
// the database. SetClockForTesting is not thread safe (tests only).

#ifndef JIANBAO_MEMBERS_SERVICE_H_
#define JIANBAO_MEMBERS_SERVICE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/status.h"
#include "members/model.h"
#include "store/database.h"

namespace jianbao::members {

// A generated file: bytes, MIME type and a download name.
struct FileExport {
  std::string bytes, content_type, filename;
};

namespace internal {
class TreeCache;
}  // namespace internal

class MembersService {
 public:
  // REQUIRES: `db` outlives the service; the orgs and members migrations are applied.
  explicit MembersService(store::Database* db);

  // Makes the service read the time (Unix seconds) from `now` (tests, demo).
  void SetClockForTesting(std::function<int64_t()> now) { now_ = std::move(now); }

  // ---- work-resumption reports ----

  // Stores the actor's unit's report. Errors: kPermissionDenied unless the
  // actor has the member role, or when in.org_code names another unit;
  // kInvalidArgument naming the field ("date" invalid or in the future,
  // "status", "staff_back_pct"/"capacity_pct" outside 0..100,
  // "difficulties[i].category", "needs[i].kind", "needs[i].quantity" ≤ 0);
  // kConflict "report_exists" when the unit already reported for that date.
  // Nothing is stored on any error. Each need becomes an open follow-up item.
  Result<Report> SubmitReport(const Actor& actor, const ReportInput& in);
  // Returns reports the actor may see: a member its own unit's, association
  // staff their subtree's. kInvalidArgument "org_not_found" for an unknown filter org.
  Result<Page<Report>> ListReports(const Actor& actor, const ReportFilter& filter,
                                   const PageRequest& page);

  // ---- schedules and rates ----

  // Creates a schedule owned by the actor's association for member units of
  // its subtree (kinds member and operator). Errors: kPermissionDenied for
  // non-association staff; kInvalidArgument "units" (empty, unknown code,
  // not a member unit, outside the subtree), "name", and PeriodCalendar's.
  Result<Schedule> CreateSchedule(const Actor& actor, const ScheduleInput& in);
  // Adds units to a schedule; each is expected from the first period that
  // starts on or after `from` (today when ""). Errors as CreateSchedule,
  // kNotFound "schedule_not_found".
  Result<Schedule> AddUnits(const Actor& actor, int64_t id, const std::vector<std::string>& units,
                            const std::string& from);
  // Lists the schedules the actor may see (association staff: owned within
  // their subtree; members: those they report under), newest first.
  Result<Page<Schedule>> ListSchedules(const Actor& actor, const PageRequest& page);
  // Returns one schedule with its units; kNotFound "schedule_not_found".
  Result<Schedule> GetSchedule(const Actor& actor, int64_t id);
  // Returns the reporting rate of the period holding day `period`.
  // Association staff over the schedule's owner only. Errors: kNotFound
  // "schedule_not_found"; kInvalidArgument "period" (not a date, or before
  // the first period / after a one-off's deadline: "period_outside_schedule").
  Result<Rate> RateOf(const Actor& actor, int64_t id, const std::string& period);
  // Returns the rate with its breakdowns by province and sector, statuses,
  // needs, every unit's state and the rate of up to 52 periods ending with
  // this one. Errors as RateOf.
  Result<Dashboard> DashboardOf(const Actor& actor, int64_t id, const std::string& period);
  // Returns the dashboard as an .xlsx workbook (labels in `lang`).
  Result<FileExport> ExportDashboard(const Actor& actor, int64_t id, const std::string& period,
                                     const std::string& lang);

  // ---- follow-ups of needs ----

  Result<Page<Followup>> ListFollowups(const Actor& actor, const FollowupFilter& filter,
                                       const PageRequest& page);
  // Returns a follow-up with its history; kNotFound "member_followup_not_found" also
  // for one the actor may not see.
  Result<Followup> GetFollowup(const Actor& actor, int64_t id);
  // Applies an action (association staff over the unit). Errors: kInvalidArgument
  // "invalid_followup_action", "owner" ("owner_not_found"), "note" required for
  // resolve/close/comment; kConflict "followup_transition" when the state
  // does not allow it.
  Result<Followup> ActOnFollowup(const Actor& actor, int64_t id, const FollowupAction& action);

  // ---- supplies and donations ledger ----

  // Records a movement of supplies. `from`/`to`: an organisation code in the
  // actor's subtree, or a name of an outside party (at least one side on the
  // platform). Errors: kInvalidArgument "item" ("unknown_item"), "quantity",
  // "date", "to" ("same_party"), "from" ("outside_parties");
  // kPermissionDenied for non-association staff or organisations outside the
  // subtree; kConflict "negative_balance" (details balance, texts holder,
  // item, unit) when the holder has less than the quantity — nothing stored.
  Result<Transaction> RecordTransaction(const Actor& actor, const TransactionInput& in);
  // Returns the balances of holders in the actor's scope (a member: its own).
  Result<std::vector<Balance>> ListBalances(const Actor& actor, const std::string& holder,
                                            const std::string& item);
  Result<Page<Transaction>> ListTransactions(const Actor& actor, const TransactionFilter& filter,
                                             const PageRequest& page);
  // Returns the summary of [from, to] (dates) over the actor's scope.
  Result<SupplySummary> SummaryOf(const Actor& actor, const std::string& from,
                                  const std::string& to);
  // Returns the year's transactions and balances as an .xlsx workbook.
  Result<FileExport> ExportLedger(const Actor& actor, const std::string& year,
                                  const std::string& lang);

  // ---- member units and import ----

  Result<Page<Member>> ListMembers(const Actor& actor, const MemberFilter& filter,
                                   const PageRequest& page);
  // Sets the profile (credit code, sector, contact, phone, e-mail) of member
  // unit `code` (admins over it). Errors: kNotFound "org_not_found";
  // kInvalidArgument "credit_code" ("invalid_credit_code"); kConflict
  // "duplicate" when another unit has that credit code.
  Status SetProfile(const Actor& actor, const std::string& code, const Member& profile);
  // Imports a member list under `parent_code` (admins over it). Rows with a
  // known credit code update that unit; others create member units. Any row
  // error, or `dry_run`, stores nothing; the result lists every row and
  // error. File errors (sheet.h) and kInvalidArgument "parent" are returned
  // as a Status.
  Result<ImportResult> Import(const Actor& actor, const std::string& parent_code,
                              const std::string& format, std::string_view bytes, bool dry_run);

 private:
  int64_t Now() const { return now_(); }

  store::Database* db_;
  std::function<int64_t()> now_;
  // The organisation tree, read again only when organisations change.
  std::shared_ptr<internal::TreeCache> trees_;
};

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_SERVICE_H_
