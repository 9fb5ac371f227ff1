// Copyright 2026 The Jianbao Authors.
//
// Follow-ups (跟进) of validation findings, like DHIS2's follow-up list: the
// data desk marks a finding that no correction or source note explains,
// assigns it to a desk user, comments on it and closes it with the correction
// or note that resolved it (or a reason), and may reopen it. A finding is
// identified by its stable key: data date, rule, region and field.
//
// Roles: the states and the role of each action are the table in
// followup_states.h (the data desk, role editor, or the system actor); reads
// are open to anyone signed in, like validation (the HTTP layer checks the
// session). Every change is written to the audit log (orgs::Audit) and the
// assignee is notified (notify::Send) of what others do, both in the change's
// transaction.
//
// Versions: a follow-up carries an edit version (store/versions.h); every
// action bumps it, and an action given an expected version that is no longer
// current fails with kPreconditionFailed "edit_conflict".
//
// Thread safety: a FollowupService holds no state but its Database and the
// EpidemicService it validates with; one instance serves every handler
// thread, and each method runs in its own Database::Read/Write.

#ifndef JIANBAO_EPIDEMIC_FOLLOWUPS_H_
#define JIANBAO_EPIDEMIC_FOLLOWUPS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/edit_version.h"
#include "core/page.h"
#include "core/status.h"
#include "epidemic/followup_states.h"
#include "epidemic/model.h"
#include "epidemic/service.h"
#include "store/database.h"

namespace jianbao::epidemic {

// One step in a follow-up's history (marking, each action and comment).
struct FollowupEvent {
  int64_t id = 0;
  std::string action;                      // FollowupActionName
  std::string by;                          // display name of who did it
  std::string at;                          // UTC ISO-8601
  std::string text;                        // the comment or the closing reason ("" = none)
  int64_t assignee_id = 0;                 // assign: the new assignee (0 = nobody)
  std::string assignee_name;               // its display name
  std::optional<Explanation> resolved_by;  // close: the correction or note
};

struct Followup {
  int64_t id = 0;
  FindingKey key;
  FollowupState state = kFollowupInitialState;
  int64_t assignee_id = 0;  // 0 = nobody
  std::string assignee_name;
  // Set while closed: what resolved it (a correction or a note), or a reason.
  std::optional<Explanation> resolved_by;
  std::string close_reason;
  std::string created_by, created_at;
  EditStamp stamp;                    // version (If-Match), who acted last and when
  std::vector<FollowupEvent> events;  // oldest first; only from GetFollowup
};

// A list query: every part is optional.
struct FollowupFilter {
  std::optional<FollowupState> state;
  std::optional<int64_t> assignee_id;  // 0 = unassigned ones
  std::string from, to;                // data dates, inclusive; "" = unbounded
  PageRequest page;
};

// Marking a finding.
struct MarkInput {
  FindingKey key;
  int64_t assignee_id = 0;  // 0 = nobody yet
  std::string comment;      // "" = none
};

// One action on a follow-up (not kMark).
struct FollowupActionInput {
  FollowupAction action = FollowupAction::kComment;
  std::optional<int64_t> assignee_id;      // assign: required (0 = take it back)
  std::string text;                        // comment: required; close: the reason
  std::optional<Explanation> resolved_by;  // close: a correction or note id
  std::optional<int64_t> version;          // the expected edit version (If-Match)
};

// A desk user a follow-up can be assigned to.
struct Assignee {
  int64_t id = 0;
  std::string name;  // display name (the login when it has none)
  std::string login;
};

class FollowupService {
 public:
  // REQUIRES: `db` and `epidemic` outlive the service; `db` has the
  // epidemic, orgs and notify migrations applied.
  FollowupService(store::Database& db, EpidemicService& epidemic) : db_(db), epidemic_(epidemic) {}

  // Returns one page of follow-ups matching `filter`, newest first, without
  // events. Errors: store errors.
  Result<Page<Followup>> List(const FollowupFilter& filter);

  // Returns the users a follow-up can be assigned to: every active editor, by
  // name. kPermissionDenied unless the actor marks follow-ups (editor, system).
  Result<std::vector<Assignee>> Assignees(const Actor& actor);

  // Returns follow-up `id` with its events. kNotFound "followup_not_found".
  Result<Followup> Get(int64_t id);

  // Puts a finding on the list (state open), optionally assigned and with a
  // first comment. Errors: kPermissionDenied (not editor); InvalidArgument
  // "bad_date" (field "date"), "unknown_rule" (field "rule"),
  // "finding_not_found" (the rules find no such finding on that day),
  // "invalid_assignee" (field "assignee_id": no active editor), "too_long"
  // (field "comment", over 2000 characters); kConflict "followup_exists"
  // when the finding already has a follow-up.
  Result<Followup> Mark(const Actor& actor, const MarkInput& in);

  // Applies one action (followup_states.h) and returns the follow-up with its
  // events. Errors: kNotFound "followup_not_found"; kPermissionDenied;
  // kConflict "followup_wrong_state"; kPreconditionFailed "edit_conflict";
  // InvalidArgument "invalid_action" (kMark), "invalid_assignee",
  // "required" (field "text" for a comment; "assignee_id" for assign;
  // "text" for a close with no resolved_by), "too_long" (field "text"),
  // "correction_not_found" / "note_not_found" (field "resolved_by").
  Result<Followup> Act(const Actor& actor, int64_t id, const FollowupActionInput& in);

 private:
  store::Database& db_;
  EpidemicService& epidemic_;
};

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_FOLLOWUPS_H_
