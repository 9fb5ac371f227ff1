// Copyright 2026 The Jianbao Authors.
//
// The states of a validation follow-up (跟进) and the actions between them,
// declared once as a table with the role each action needs. FollowupService
// checks every action here (NextFollowupState); the repository stores a state
// by its name, and the API lists and filters by the same names.
//
//   (a finding) ──mark──▶ open ──close──▶ closed
//                          ▲  ╰assign╯      │ ╰comment╯
//                          │  ╰comment╯     │
//                          ╰────reopen──────╯
//
// Thread safety: constants and pure functions; callable from any thread.

#ifndef JIANBAO_EPIDEMIC_FOLLOWUP_STATES_H_
#define JIANBAO_EPIDEMIC_FOLLOWUP_STATES_H_

#include <optional>
#include <string_view>

#include "core/actor.h"
#include "core/status.h"

namespace jianbao::epidemic {

enum class FollowupState { kOpen, kClosed };

enum class FollowupAction {
  kMark,     // put a finding on the follow-up list (creates the follow-up)
  kAssign,   // give it to a desk user (or take it back: assignee 0)
  kComment,  // add a comment
  kClose,    // resolved by a correction or a note, or closed with a reason
  kReopen,   // back on the list
};

// One allowed step: `action` on a follow-up in state `from` leaves it in
// `to`; the actor needs `role` (or is the system actor).
struct FollowupTransition {
  FollowupState from;
  FollowupAction action;
  FollowupState to;
  const char* role;
};

// Every allowed step after marking; anything else is refused. Whoever may
// change the figures (the data desk, role editor) works the list.
inline constexpr FollowupTransition kFollowupTransitions[] = {
    {FollowupState::kOpen, FollowupAction::kAssign, FollowupState::kOpen, kRoleEditor},
    {FollowupState::kOpen, FollowupAction::kComment, FollowupState::kOpen, kRoleEditor},
    {FollowupState::kOpen, FollowupAction::kClose, FollowupState::kClosed, kRoleEditor},
    {FollowupState::kClosed, FollowupAction::kComment, FollowupState::kClosed, kRoleEditor},
    {FollowupState::kClosed, FollowupAction::kReopen, FollowupState::kOpen, kRoleEditor},
};

// The state a marked finding starts in, and the role marking needs.
inline constexpr FollowupState kFollowupInitialState = FollowupState::kOpen;
inline constexpr const char* kFollowupMarkRole = kRoleEditor;

// Returns the state `action` leads to from `from` for `actor`: kPermissionDenied
// when the actor lacks the step's role, kConflict "followup_wrong_state" when
// no step starts from `from`. REQUIRES: action != kMark.
Result<FollowupState> NextFollowupState(FollowupState from, FollowupAction action,
                                        const Actor& actor);

// Returns the stored and API name: "open", "closed".
const char* FollowupStateName(FollowupState state);
// Returns the state named `name`, or nullopt.
std::optional<FollowupState> ParseFollowupState(std::string_view name);
// Returns the API name: "mark", "assign", "comment", "close", "reopen".
const char* FollowupActionName(FollowupAction action);
// Returns the action named `name`, or nullopt.
std::optional<FollowupAction> ParseFollowupAction(std::string_view name);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_FOLLOWUP_STATES_H_
