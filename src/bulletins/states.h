// Copyright 2026 The Jianbao Authors.
//
// The states of a bulletin issue and the actions between them, declared once
// as a table. BulletinService checks every state change here (Next); the
// repository stores a state by its name (StateName), and the API lists and
// filters by the same names.
//
//   draft ──approve──▶ approved ──publish──▶ published ──supersede──▶ superseded
//     ▲  ╰─edit─╯         │                     │
//     ╰─────reopen────────╯                     ╰─correct (a new draft revision)
//
// The editorial-workflow issue extends the table (送审, 退回) without touching
// the service's checks.
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

enum class IssueState { kDraft, kApproved, kPublished, kSuperseded };

enum class IssueAction {
  kEdit,       // change a draft's content
  kApprove,    // 签发
  kReopen,     // send an approved issue back to draft
  kPublish,    // render, freeze and deliver
  kCorrect,    // start a correction: a new draft revision of a published issue
  kSupersede,  // the published issue a correction replaces, when that is published
};

// One allowed step: `action` on an issue in state `from` leaves it in `to`
// (for kCorrect: the corrected issue stays published; the new revision is a draft).
struct Transition {
  IssueState from;
  IssueAction action;
  IssueState to;
};

// Every allowed step; anything else is refused.
inline constexpr Transition kTransitions[] = {
    {IssueState::kDraft, IssueAction::kEdit, IssueState::kDraft},
    {IssueState::kDraft, IssueAction::kApprove, IssueState::kApproved},
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

// Returns the stored and API name: "draft", "approved", "published", "superseded".
const char* StateName(IssueState state);
// Returns the state named `name`, or nullopt.
std::optional<IssueState> ParseState(std::string_view name);
// Parses a comma-separated list ("published,superseded"; "" = none).
// Returns kInvalidArgument "out_of_range" (field "status") for an unknown name.
Result<std::vector<IssueState>> ParseStates(const std::string& list);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_STATES_H_
