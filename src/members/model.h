// Copyright 2026 The Jianbao Authors.
//
// Values of the member-services module (复工复产): work-resumption reports
// with their difficulties and needs, reporting schedules and their rates,
// follow-up items, the supplies and donations ledger, member profiles and
// member import results.

#ifndef JIANBAO_MEMBERS_MODEL_H_
#define JIANBAO_MEMBERS_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"

namespace jianbao::members {

// Report statuses, difficulty categories and need kinds, as sent and stored.
const std::vector<std::string>& ReportStatuses();        // resumed, partial, not_yet
const std::vector<std::string>& DifficultyCategories();  // supplies, staff, funding, …
const std::vector<std::string>& NeedKinds();             // masks, disinfectant, funding, …
// Returns true when `value` is one of `list`.
bool OneOf(const std::vector<std::string>& list, const std::string& value);

struct Difficulty {
  std::string category;
  std::string text;
};

struct Need {
  std::string kind;
  double quantity = 0;  // > 0
  std::string note;
};

struct ReportInput {
  std::string date;  // "YYYY-MM-DD", the day the report describes
  std::string status;
  int staff_back_pct = 0;  // 0..100
  int capacity_pct = 0;    // 0..100
  std::vector<Difficulty> difficulties;
  std::vector<Need> needs;
  std::string org_code;  // optional: must be the reporter's own organisation
};

struct Report {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string org_code, org_name;
  std::string date;
  std::string status;
  int staff_back_pct = 0;
  int capacity_pct = 0;
  std::vector<Difficulty> difficulties;
  std::vector<Need> needs;
  std::string submitted_at;  // UTC ISO-8601
  std::string submitted_by;  // login
};

struct ReportFilter {
  std::string org_code;  // "" = every unit the actor may see
  std::string from, to;  // report dates, inclusive; "" = open
  std::string status;    // "" = any
};

// A reporting schedule: which member units report, how often, by when.
struct ScheduleInput {
  std::string name;
  std::string kind;                // daily | weekly | once
  int weekday = 0;                 // weekly: 1 = Monday … 7 = Sunday (the due day)
  std::string start;               // first day the schedule covers
  std::string deadline;            // once: the last day (the due day)
  std::vector<std::string> units;  // organisation codes
};

struct ScheduleUnit {
  int64_t org_id = 0;
  std::string code, name;
  std::string from;  // the first period starting on or after this day expects the unit
};

struct Schedule {
  int64_t id = 0;
  std::string name, kind;
  int weekday = 0;
  std::string start, deadline;
  std::string first_period;  // a day inside the first period (its first day)
  int64_t owner_org_id = 0;
  std::string owner_code;
  std::string created_at, created_by;
  int64_t unit_count = 0;
  std::vector<ScheduleUnit> units;  // filled by GetSchedule only
};

// One period of a schedule: [start, end] (days, inclusive); the report is due
// by the end of `end` (Asia/Shanghai).
struct PeriodView {
  int64_t index = 0;
  std::string start, end;
};

// DHIS2's reporting-rate figures for one period.
struct Rate {
  int64_t schedule_id = 0;
  PeriodView period;
  int64_t expected = 0;              // units expected to report in the period
  int64_t reported = 0;              // expected units with a report dated in the period
  int64_t on_time = 0;               // … of which the first arrived by the due day's end
  std::vector<std::string> missing;  // codes of expected units without a report
  std::vector<std::string> late;     // codes of units that reported after the due day
};

// A row of the dashboard's breakdowns (a province or a sector).
struct RateGroup {
  std::string key;    // province code / sector; "" = none
  std::string label;  // province name / sector
  int64_t expected = 0, reported = 0, on_time = 0;
};

struct SeriesPoint {
  std::string start;
  int64_t expected = 0, reported = 0, on_time = 0;
};

struct UnitStatus {
  std::string code, name, province, sector;
  std::string state;   // on_time | late | missing
  std::string status;  // report status ("" when missing)
  int staff_back_pct = 0, capacity_pct = 0;
  std::string submitted_at;
};

struct Dashboard {
  Schedule schedule;
  Rate rate;
  std::vector<RateGroup> by_province, by_sector;
  std::vector<std::pair<std::string, int64_t>> statuses;  // report status → units
  std::vector<std::pair<std::string, int64_t>> needs;     // need kind → count
  std::vector<SeriesPoint> series;                        // up to 52 periods ending with this one
  std::vector<UnitStatus> units;
};

// Follow-up of a need: open → in_progress → resolved | closed; reopen.
struct FollowupEvent {
  std::string at, actor, action, status, owner, note;
};

struct Followup {
  int64_t id = 0;
  int64_t report_id = 0;
  std::string org_code, org_name, report_date;
  std::string kind;
  double quantity = 0;
  std::string note;
  std::string status;
  std::string owner;  // login of the person in charge ("" = nobody yet)
  std::string owner_name;
  std::string created_at, updated_at;
  std::vector<FollowupEvent> history;  // oldest first; filled by GetFollowup only
};

struct FollowupFilter {
  std::string status, kind, org_code, owner;
};

struct FollowupAction {
  std::string action;  // assign | start | resolve | close | reopen | comment
  std::string owner;   // assign: a login
  std::string note;
};

// The supplies and donations ledger. Quantities are kept in hundredths.
struct SupplyItem {
  std::string code;  // masks, n95_masks, disinfectant, …
  std::string unit;  // pcs, litre, …
};
const std::vector<SupplyItem>& SupplyItems();
const SupplyItem* FindSupplyItem(const std::string& code);

struct TransactionInput {
  std::string item;
  int64_t quantity_x100 = 0;  // > 0
  std::string from, to;       // an organisation code, or the name of an outside party
  std::string date;
  std::string note;
};

struct Transaction {
  int64_t id = 0;
  std::string item, unit;
  int64_t quantity_x100 = 0;
  std::string from, from_name, to, to_name;  // code ("" for outside) and display name
  std::string date, note;
  std::string created_at, created_by;
};

struct TransactionFilter {
  std::string holder;  // an organisation code; "" = any in scope
  std::string item;
  std::string year;  // "YYYY"; "" = any
};

struct Balance {
  std::string holder, holder_name, item, unit;
  int64_t balance_x100 = 0;
};

// The yearly summary: per item, what came in from outside, what went out to
// outside parties, what moved inside the platform, and what is left.
struct SupplySummaryRow {
  std::string item, unit;
  int64_t received_x100 = 0, donated_x100 = 0, transferred_x100 = 0, balance_x100 = 0;
  int64_t donors = 0;  // distinct outside givers
};

struct SupplySummary {
  std::string year;
  std::string scope_name;
  std::vector<SupplySummaryRow> rows;
  std::vector<std::pair<std::string, int64_t>> top_donors;  // name → transactions
};

// Member units with their profile (统一社会信用代码, sector, contact).
struct Member {
  int64_t org_id = 0;
  std::string code, name, short_name, parent_code;
  std::string credit_code, sector, contact, phone, email;
};

struct MemberFilter {
  std::string parent;  // "" = the actor's scope
  std::string text;    // name, short name or credit code contains
};

struct ImportError {
  int row = 0;          // the spreadsheet's row number (1 = header)
  std::string column;   // the column's header as written ("" = the whole row)
  std::string key;      // message key
  std::string message;  // English
  std::string value;    // placeholder {value} of the message
};

struct ImportRow {
  int row = 0;
  std::string action;  // create | update
  std::string code;
  Member member;
};

struct ImportResult {
  bool dry_run = false;
  bool stored = false;
  int64_t created = 0, updated = 0;
  std::vector<ImportRow> rows;
  std::vector<ImportError> errors;
};

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_MODEL_H_
