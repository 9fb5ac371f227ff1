// Copyright 2026 The Jianbao Authors.
//
// Values of the submissions module (信息报送): pieces, their versions,
// workflow events, comments, attachments, commissions (约稿) and statistics.
// Times are UTC ISO-8601 strings ("" when not yet happened); deadlines and
// statistics periods are plain dates in Asia/Shanghai.

#ifndef JIANBAO_SUBMISSIONS_MODEL_H_
#define JIANBAO_SUBMISSIONS_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/edit_version.h"
#include "core/page.h"

namespace jianbao::submissions {

// A piece as listed and shown. `body` is CommonMark.
// A bulletin issue that uses a piece in one of its sections.
struct PieceUse {
  int64_t issue_id = 0;
  int year = 0, number = 0;
  std::string status;  // the issue's state ("draft", "published", …)
};

struct Piece {
  int64_t id = 0;
  std::string title;
  std::string body;
  std::vector<std::string> authors;
  std::string contact;
  std::vector<std::string> tags;
  std::string state;  // a workflow state name ("draft", …)
  int64_t owner_org_id = 0;
  std::string owner_org_code, owner_org_name;
  int64_t target_org_id = 0;  // the association the piece is offered to
  std::string target_org_code, target_org_name;
  int64_t commission_id = 0;  // 0 when not answering a commission
  int version = 1;            // the current version number
  int64_t created_by = 0;
  std::string created_by_login, created_by_name;
  std::string created_at, updated_at;
  std::string first_submitted_at, submitted_at, reviewed_at, adopted_at;
  std::string return_reason;           // the last return's reason while returned
  std::string commission_deadline_at;  // UTC end of the commission's deadline day, or ""
  EditStamp edit;                      // the edit version (If-Match), not the text `version` above
  // The bulletin issues that use the piece ("已编入第N期"), when the service
  // has a PieceUsage (SubmissionService::SetPieceUsage); filled by List and Get.
  std::vector<PieceUse> used_in;
};

struct Version {
  int64_t piece_id = 0;
  int number = 0;
  std::string title, body;
  int64_t author_id = 0;
  std::string author_login, note, created_at;
  // The author's display name and unit (short name), filled in by the
  // service from the user directory; empty when the user is gone.
  std::string author_name, author_unit;
};

// One workflow transition that happened (the history of a piece).
struct Event {
  int64_t id = 0;
  int64_t piece_id = 0;
  std::string action, from_state, to_state, reason;
  int64_t actor_id = 0;
  std::string actor_login, at;
  // The actor's display name and unit, as Version::author_name/author_unit.
  std::string actor_name, actor_unit;
};

struct Comment {
  int64_t id = 0;
  int64_t piece_id = 0;
  int64_t author_id = 0;
  std::string author_login, author_name, author_org_code, body, created_at;
};

struct Attachment {
  int64_t id = 0;
  int64_t piece_id = 0;
  std::string name, mime, sha256, created_at;
  int64_t size = 0;
  std::string data;  // the bytes; empty in listings
};

struct Commission {
  int64_t id = 0;
  std::string topic, description;
  int64_t requester_org_id = 0;  // the association asking
  std::string requester_org_code;
  int64_t org_id = 0;  // the organisation asked
  std::string org_code, org_name;
  std::string deadline;     // "YYYY-MM-DD", Asia/Shanghai
  std::string deadline_at;  // UTC instant the deadline day ends
  std::string status;       // "open" | "closed"
  int64_t created_by = 0;
  std::string created_by_login, created_at;
  int64_t answers = 0;      // linked pieces that were submitted
  std::string answered_at;  // first submission of a linked piece, or ""
};

struct PieceFilter {
  std::vector<int64_t> owner_org_ids;   // empty = any
  std::vector<int64_t> target_org_ids;  // empty = any
  bool hide_drafts_of_others = false;   // editors never see drafts
  int64_t visible_owner_org = 0;        // with hide_drafts_of_others: this org's drafts stay
  std::vector<std::string> states;      // empty = any
  int64_t owner_org_id = 0;             // 0 = any (a narrowing filter)
  std::string owner_org_code;           // the same by code, resolved by the service
  int64_t commission_id = 0;
  std::vector<int64_t> exclude_ids;  // pieces left out (未编入: those an issue uses)
  std::string text;                  // title contains
  std::string from, to;              // updated_at range, UTC, [from, to)
  int offset = 0;
  int limit = 20;
};

// A statistics period: [from, to] dates in Asia/Shanghai, inclusive.
struct Period {
  std::string label;  // "2026", "2026-Q1", "2026-03", "2026-01-05..2026-02-01"
  std::string from, to;
  std::string from_utc, to_utc;  // [from_utc, to_utc) as UTC instants
};

struct StatsRow {
  int64_t org_id = 0;
  std::string org_code, org_name, org_short_name;
  int64_t submitted = 0;
  int64_t adopted = 0;
  double adoption_rate = 0;  // adopted / submitted, 0 when none submitted
  int64_t commissioned = 0;  // commissions with a deadline in the period
  int64_t commissioned_on_time = 0;
  int64_t commissioned_late = 0;
  int rank = 0;
};

struct Stats {
  Period period;
  int64_t target_org_id = 0;
  std::string target_org_code, target_org_name;
  std::vector<StatsRow> rows;
  StatsRow total;
};

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_MODEL_H_
