// Copyright 2026 The Jianbao Authors.
//
// Values of the complaint desk (申诉受理): cases, their history, the SLA
// clocks, the holiday calendar, the organisations' regions and operators,
// and the statistics.

#ifndef JIANBAO_COMPLAINTS_MODEL_H_
#define JIANBAO_COMPLAINTS_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"

namespace jianbao::complaints {

inline constexpr const char* kKindConsultation = "consultation";
inline constexpr const char* kKindComplaint = "complaint";

// What a consumer or the desk's phone intake files.
struct CaseInput {
  std::string kind;           // consultation | complaint
  std::string category;       // Categories()
  std::string operator_code;  // Operators(): cmcc, ctcc, cucc, cbn, mvno
  std::string region;         // GB/T 2260 province-level code ("420000")
  std::string name;
  std::string phone;
  std::string description;            // at most kMaxDescription characters
  std::string operator_contacted_on;  // complaints: YYYY-MM-DD, not in the future
  std::string operator_answer;        // complaints: what the operator answered
  std::string channel = "web";        // web | phone
};

inline constexpr size_t kMaxDescription = 2000;
inline constexpr size_t kMaxName = 40;
inline constexpr size_t kMaxAnswer = 2000;
inline constexpr size_t kMaxText = 2000;

// One SLA clock of a case: when it is due and whether it was met.
struct SlaClock {
  std::string name;  // acceptance | operator_reply | closure
  std::string due;   // YYYY-MM-DD, the last day (Asia/Shanghai); "" = not started
  std::string done;  // the day it stopped; "" = running
  // "pending" (not started), "running", "met", "overdue" (running past due),
  // "late" (stopped after due).
  std::string state;
};

// One step in a case's history.
struct CaseEvent {
  int64_t id = 0;
  std::string at;      // UTC ISO instant
  std::string action;  // file, accept, refuse, … (workflow actions)
  std::string actor_login;
  std::string actor_role;  // desk | liaison | consumer | system
  std::string from_state, to_state;
  std::string text;        // reason, reply, outcome, note
  bool is_public = false;  // shown on the public status page
};

struct Attachment {
  int64_t id = 0;
  int64_t complaint_id = 0;
  std::string name, mime, sha256, created_at, uploaded_by;
  int64_t size = 0;
  std::string data;  // only when fetched
};

// A case as stored. Name and phone are personal data: every answer passes
// through MaskPersonalData (privacy.h) before it leaves the service.
struct Complaint {
  int64_t id = 0;
  std::string number;  // TS + YYYYMMDD + 6 digits
  std::string kind, category, operator_code, region, channel;
  std::string name, phone;
  bool personal_data_masked = false;  // name/phone are masked in this value
  std::string description;
  std::string operator_contacted_on, operator_answer;
  std::string status;       // workflow state
  std::string received_at;  // UTC ISO instant
  std::string received_on;  // Shanghai date of receipt
  std::string accepted_on, forwarded_on, replied_on, closed_on, finished_on;
  std::string accept_due, reply_due, close_due;  // YYYY-MM-DD
  std::string handling;  // "" | "direct" (化解) | "forwarded" (转运营商)
  std::string refuse_reason;
  std::string reply_text, reply_outcome;  // the operator's answer
  std::string outcome;
  int satisfaction = 0;  // 1–5 when closed
  int64_t merged_into = 0;
  std::string merged_into_number;
  std::string purged_at;  // personal data erased at ("" = kept)
  std::vector<SlaClock> clocks;
  bool overdue = false;
  std::vector<CaseEvent> events;
  std::vector<Attachment> attachments;
  std::vector<std::string> allowed_actions;  // for the viewer
};

struct CaseFilter {
  std::vector<std::string> regions;  // empty = all (when all_regions)
  bool all_regions = false;
  std::string operator_only;          // liaison: only this operator …
  std::string forwarded_only_region;  // … forwarded cases of this province
  std::string status, category, operator_code, kind;
  bool overdue_only = false;
  std::string today;     // Shanghai date for the overdue check
  std::string text;      // number or description contains
  std::string from, to;  // received_on range
  PageRequest page;
};

// A holiday-calendar day that differs from Monday–Friday work.
struct CalendarDay {
  std::string date;  // YYYY-MM-DD
  std::string kind;  // "holiday" (a weekday off) or "workday" (a weekend day worked, 调休)
  std::string name;  // 春节, 国庆节 …
};

// The complaint-desk facts of an organisation (kept by this module).
struct OrgSetting {
  int64_t org_id = 0;
  std::string org_code, org_name, org_kind;
  std::string region;         // association: its GB/T 2260 province code
  std::string operator_code;  // operator organisation: cmcc | ctcc | cucc | cbn | mvno
  std::string province;       // operator organisation: its province code
};

struct StatsRow {
  std::string key;  // region code, category or operator ("" for the total)
  int64_t received = 0, consultations = 0, complaints = 0, accepted = 0, not_accepted = 0,
          resolved_directly = 0, forwarded = 0, replied = 0, closed = 0, overdue = 0;
  double average_handling_days = 0;  // received → closed, closed cases
  double satisfaction = 0;           // average 1–5 of closed cases with a score
  int64_t satisfaction_count = 0;
};

struct Stats {
  std::string from, to, region;  // the period (received_on) and region ("" = all visible)
  StatsRow total;
  std::vector<StatsRow> by_category, by_operator, by_region;
};

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_MODEL_H_
