// Copyright 2026 The Jianbao Authors.

#include "epidemic/followup_states.h"

#include <iterator>
#include <string>

namespace jianbao::epidemic {
namespace {

constexpr const char* kStateNames[] = {"open", "closed"};
constexpr const char* kActionNames[] = {"mark", "assign", "comment", "close", "reopen"};

}  // namespace

Result<FollowupState> NextFollowupState(FollowupState from, FollowupAction action,
                                        const Actor& actor) {
  std::string allowed;
  for (const FollowupTransition& t : kFollowupTransitions) {
    if (t.action != action) continue;
    if (t.from == from) {
      if (!actor.is_system() && !actor.HasRole(t.role)) {
        return Status::Denied(std::string("only the data desk (") + t.role + ") may " +
                              FollowupActionName(action) + " a follow-up");
      }
      return t.to;
    }
    allowed += std::string(allowed.empty() ? "" : " or ") + FollowupStateName(t.from);
  }
  return Status::Conflict("followup_wrong_state", std::string("the follow-up is ") +
                                                      FollowupStateName(from) + ", it must be " +
                                                      (allowed.empty() ? "new" : allowed));
}

const char* FollowupStateName(FollowupState state) { return kStateNames[static_cast<int>(state)]; }

std::optional<FollowupState> ParseFollowupState(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kStateNames)); ++i) {
    if (name == kStateNames[i]) return static_cast<FollowupState>(i);
  }
  return std::nullopt;
}

const char* FollowupActionName(FollowupAction action) {
  return kActionNames[static_cast<int>(action)];
}

std::optional<FollowupAction> ParseFollowupAction(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kActionNames)); ++i) {
    if (name == kActionNames[i]) return static_cast<FollowupAction>(i);
  }
  return std::nullopt;
}

}  // namespace jianbao::epidemic
