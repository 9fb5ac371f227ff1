// Copyright 2026 The Jianbao Authors.
//
// The workflow of a case, declared once as a table of (state, action, role,
// next state) under MIIT Order No. 35 (电信用户申诉处理办法):
//
//   received ─accept─▶ accepted ─resolve─▶ resolved ─verify─▶ verified ─close─▶ closed
//      │                  │ ╰─forward─▶ forwarded ─reply─▶ replied ─verify─╯        │
//      ├─refuse─▶ not_accepted          ▲                    │                     │
//      ╰─merge─▶ merged ◀─merge─╯       ╰──────forward───────╯      accepted ◀─reopen╯
//
// Roles are relations to the case: "desk" is a complaint_handler of the
// association whose region the case belongs to; "liaison" is an
// operator_liaison of the case's operator in the case's province.
// ComplaintService checks every action here; GET /api/v1/complaints/workflow
// serves the table to the UI; the tests walk it.
//
// Thread safety: immutable data and pure functions; callable from any thread.

#ifndef JIANBAO_COMPLAINTS_WORKFLOW_H_
#define JIANBAO_COMPLAINTS_WORKFLOW_H_

#include <optional>
#include <string>
#include <vector>

namespace jianbao::complaints {

inline constexpr const char* kReceived = "received";
inline constexpr const char* kAccepted = "accepted";
inline constexpr const char* kNotAccepted = "not_accepted";
inline constexpr const char* kResolved = "resolved";  // handled directly (化解)
inline constexpr const char* kForwarded = "forwarded";
inline constexpr const char* kReplied = "replied";
inline constexpr const char* kVerified = "verified";
inline constexpr const char* kClosed = "closed";
inline constexpr const char* kMerged = "merged";

inline constexpr const char* kRoleDesk = "desk";
inline constexpr const char* kRoleLiaison = "liaison";

// What an action needs besides the action name.
enum class Needs { kNothing, kReason, kText, kOutcome, kTarget };

struct Transition {
  std::string from;
  std::string action;
  std::string role;  // kRoleDesk or kRoleLiaison
  std::string to;
  Needs needs = Needs::kNothing;
};

// Returns the states in display order.
const std::vector<std::string>& States();
// Returns the action names in display order.
const std::vector<std::string>& Actions();
// Returns the whole table.
const std::vector<Transition>& Transitions();
// Returns the row for (state, action, role), or nullopt.
std::optional<Transition> FindTransition(const std::string& state, const std::string& action,
                                         const std::string& role);
bool IsState(const std::string& state);
bool IsAction(const std::string& action);
// Returns true for states no action except reopen leaves (closed, not_accepted, merged).
bool IsFinal(const std::string& state);
// Returns the name of what a transition needs: "", "reason", "text", "outcome", "target".
const char* NeedsName(Needs needs);

// A case may be reopened this many days after it was closed.
inline constexpr int kReopenDays = 30;

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_WORKFLOW_H_
