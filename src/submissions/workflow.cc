// Copyright 2026 The Jianbao Authors.

#include "submissions/workflow.h"

namespace jianbao::submissions {

const std::vector<StateInfo>& States() {
  static const std::vector<StateInfo> kStates = {
      {kDraft, false},       {kSubmitted, false}, {kReturned, false},
      {kResubmitted, false}, {kAdopted, true},    {kNotAdopted, true},
  };
  return kStates;
}

const std::vector<ActionInfo>& Actions() {
  static const std::vector<ActionInfo> kActions = {
      {kActionEdit}, {"submit"}, {"withdraw"}, {"resubmit"}, {"adopt"}, {"return"}, {"reject"},
  };
  return kActions;
}

const std::vector<Transition>& Transitions() {
  // from, action, role, to, reason_required, reason_allowed
  static const std::vector<Transition> kTable = {
      {kDraft, kActionEdit, "reporter", kDraft, false, false},
      {kDraft, "submit", "reporter", kSubmitted, false, false},
      {kSubmitted, "withdraw", "reporter", kDraft, false, false},
      {kSubmitted, "adopt", "editor", kAdopted, false, true},
      {kSubmitted, "return", "editor", kReturned, true, true},
      {kSubmitted, "reject", "editor", kNotAdopted, false, true},
      {kReturned, kActionEdit, "reporter", kReturned, false, false},
      {kReturned, "resubmit", "reporter", kResubmitted, false, false},
      {kResubmitted, "withdraw", "reporter", kReturned, false, false},
      {kResubmitted, "adopt", "editor", kAdopted, false, true},
      {kResubmitted, "return", "editor", kReturned, true, true},
      {kResubmitted, "reject", "editor", kNotAdopted, false, true},
      {kAdopted, kActionEdit, "editor", kAdopted, false, false},
  };
  return kTable;
}

std::optional<Transition> FindTransition(const std::string& state, const std::string& action,
                                         const std::string& role) {
  for (const Transition& t : Transitions()) {
    if (t.from == state && t.action == action && t.role == role) return t;
  }
  return std::nullopt;
}

bool IsState(const std::string& state) {
  for (const StateInfo& s : States()) {
    if (s.name == state) return true;
  }
  return false;
}

bool IsAction(const std::string& action) {
  for (const ActionInfo& a : Actions()) {
    if (a.name == action) return true;
  }
  return false;
}

std::string StateLabelKey(const std::string& state) { return "submissions.state." + state; }

std::string ActionLabelKey(const std::string& action) { return "submissions.action." + action; }

bool InReview(const std::string& state) { return state == kSubmitted || state == kResubmitted; }

}  // namespace jianbao::submissions
