// Copyright 2026 The Jianbao Authors.
//
// The workflow of a piece, declared once as a table of (state, action, role,
// next state). Thread safety: everything here is immutable and callable from
// any thread. The service checks every action against it, the HTTP API
// serves it to the UI (GET /api/v1/submissions/workflow) and the tests walk it.
//
// Roles in the table are relations to the piece, not only role names:
// "reporter" means a user with the reporter role in the piece's owning
// organisation; "editor" means a user with the editor role in the association
// the piece is offered to. "edit" rows keep the state and say who may change
// the text in that state.

#ifndef JIANBAO_SUBMISSIONS_WORKFLOW_H_
#define JIANBAO_SUBMISSIONS_WORKFLOW_H_

#include <optional>
#include <string>
#include <vector>

namespace jianbao::submissions {

inline constexpr const char* kDraft = "draft";
inline constexpr const char* kSubmitted = "submitted";
inline constexpr const char* kReturned = "returned";
inline constexpr const char* kResubmitted = "resubmitted";
inline constexpr const char* kAdopted = "adopted";
inline constexpr const char* kNotAdopted = "not_adopted";

inline constexpr const char* kActionEdit = "edit";

// A state; its labels are in the submissions catalogue under StateLabelKey(name).
struct StateInfo {
  std::string name;
  bool terminal = false;  // no action moves a piece out of it (edit may still apply)
};

// An action; its labels are in the submissions catalogue under ActionLabelKey(name).
struct ActionInfo {
  std::string name;
};

struct Transition {
  std::string from;
  std::string action;
  std::string role;  // "reporter" or "editor", see above
  std::string to;
  bool reason_required = false;
  bool reason_allowed = false;
};

// Returns the states in display order.
const std::vector<StateInfo>& States();
// Returns the actions in display order.
const std::vector<ActionInfo>& Actions();
// Returns the whole table.
const std::vector<Transition>& Transitions();

// Returns the row for (state, action, role), or nullopt when the table has none.
std::optional<Transition> FindTransition(const std::string& state, const std::string& action,
                                         const std::string& role);
// Returns true when `state` / `action` is a known name.
bool IsState(const std::string& state);
bool IsAction(const std::string& action);
// Returns the message key of a state's / an action's label ("submissions.state.draft"),
// whose zh and en texts are in Messages() (messages.h).
std::string StateLabelKey(const std::string& state);
std::string ActionLabelKey(const std::string& action);
// Returns true when a piece in `state` waits for an editor's review.
bool InReview(const std::string& state);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_WORKFLOW_H_
