// Copyright 2026 The Jianbao Authors.
//
// The states of a bulletin issue and the actions between them, declared once
// as a table. BulletinService checks every state change here (Next); the
// repository stores a state by its name (StateName), and the API lists and
// filters by the same names.
//
//   draft ──submit──▶ pending_approval ──approve──▶ approved ──publish──▶ published
//   ▲ ▲ ╰─edit─╯            │                          │                  │
//   │ ╰───return (退回)─────╯                          │      supersede ──┤──▶ superseded
//   ╰──────────────────reopen──────────────────────────╯     correct (a new draft revision)
//
// 送审 (submit) and 签发 (approve) hand the issue from editor to approver;
// the approver may return it (退回修改) with a comment instead. A draft that
// was never signed may be discarded (deleted; its number returns to the pool).
//
// Thread safety: constants and pure functions; callable from any thread.

#ifndef JIANBAO_BULLETINS_STATES_H_
#define JIANBAO_BULLETINS_STATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::bulletins {

enum class IssueState { kDraft, kPendingApproval, kApproved, kPublished, kSuperseded };

enum class IssueAction {
  kEdit,       // change a draft's content
  kSubmit,     // 送审: hand a draft to the approvers
  kReturn,     // 退回修改: the approver sends a pending issue back with a comment
  kApprove,    // 签发
  kDiscard,    // delete a draft that was never signed
  kReopen,     // send an approved issue back to draft
  kPublish,    // render, freeze and deliver
  kCorrect,    // start a correction: a new draft revision of a published issue
  kSupersede,  // the published issue a correction replaces, when that is published
};

// One allowed step: `action` on an issue in state `from` leaves it in `to`
// (for kCorrect: the corrected issue stays published; the new revision is a
// draft; for kDiscard: the draft is deleted, `to` is not used).
struct Transition {
  IssueState from;
  IssueAction action;
  IssueState to;
};

// Every allowed step; anything else is refused.
inline constexpr Transition kTransitions[] = {
    {IssueState::kDraft, IssueAction::kEdit, IssueState::kDraft},
    {IssueState::kDraft, IssueAction::kSubmit, IssueState::kPendingApproval},
    {IssueState::kDraft, IssueAction::kDiscard, IssueState::kDraft},
    {IssueState::kPendingApproval, IssueAction::kReturn, IssueState::kDraft},
    {IssueState::kPendingApproval, IssueAction::kApprove, IssueState::kApproved},
    {IssueState::kApproved, IssueAction::kReopen, IssueState::kDraft},
    {IssueState::kApproved, IssueAction::kPublish, IssueState::kPublished},
    {IssueState::kPublished, IssueAction::kCorrect, IssueState::kPublished},
    {IssueState::kPublished, IssueAction::kSupersede, IssueState::kSuperseded},
};

// The state every issue starts in (a new issue, a correction's new revision).
inline constexpr IssueState kInitialState = IssueState::kDraft;

// Returns the state `action` leads to from `from`, or kConflict "wrong_state"
// naming the state the issue is in and the ones the action needs.
Result<IssueState> Next(IssueState from, IssueAction action);

// Returns true for the states recipients and public readers may see
// (published and superseded issues).
bool IsReleased(IssueState state);

// Returns the stored and API name: "draft", "pending_approval", "approved",
// "published", "superseded".
const char* StateName(IssueState state);
// Returns the state named `name`, or nullopt.
std::optional<IssueState> ParseState(std::string_view name);
// Parses a comma-separated list ("published,superseded"; "" = none).
// Returns kInvalidArgument "out_of_range" (field "status") for an unknown name.
Result<std::vector<IssueState>> ParseStates(const std::string& list);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_STATES_H_
