// Copyright 2026 The Jianbao Authors.

#include "complaints/workflow.h"

#include <algorithm>

namespace jianbao::complaints {

const std::vector<std::string>& States() {
  static const std::vector<std::string> kStates = {kReceived, kAccepted,  kNotAccepted,
                                                   kResolved, kForwarded, kReplied,
                                                   kVerified, kClosed,    kMerged};
  return kStates;
}

const std::vector<std::string>& Actions() {
  static const std::vector<std::string> kActions = {
      "accept", "refuse", "resolve", "forward", "reply", "verify", "close", "reopen", "merge"};
  return kActions;
}

const std::vector<Transition>& Transitions() {
  static const std::vector<Transition> kTable = {
      {kReceived, "accept", kRoleDesk, kAccepted, Needs::kNothing},
      {kReceived, "refuse", kRoleDesk, kNotAccepted, Needs::kReason},
      {kReceived, "merge", kRoleDesk, kMerged, Needs::kTarget},
      {kAccepted, "merge", kRoleDesk, kMerged, Needs::kTarget},
      {kAccepted, "resolve", kRoleDesk, kResolved, Needs::kText},
      {kAccepted, "forward", kRoleDesk, kForwarded, Needs::kNothing},
      {kForwarded, "reply", kRoleLiaison, kReplied, Needs::kText},
      {kReplied, "forward", kRoleDesk, kForwarded, Needs::kNothing},
      {kResolved, "verify", kRoleDesk, kVerified, Needs::kNothing},
      {kReplied, "verify", kRoleDesk, kVerified, Needs::kNothing},
      {kVerified, "close", kRoleDesk, kClosed, Needs::kOutcome},
      {kClosed, "reopen", kRoleDesk, kAccepted, Needs::kReason},
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
  const auto& s = States();
  return std::find(s.begin(), s.end(), state) != s.end();
}

bool IsAction(const std::string& action) {
  const auto& a = Actions();
  return std::find(a.begin(), a.end(), action) != a.end();
}

bool IsFinal(const std::string& state) {
  return state == kClosed || state == kNotAccepted || state == kMerged;
}

const char* NeedsName(Needs needs) {
  switch (needs) {
    case Needs::kReason:
      return "reason";
    case Needs::kText:
      return "text";
    case Needs::kOutcome:
      return "outcome";
    case Needs::kTarget:
      return "target";
    case Needs::kNothing:
      break;
  }
  return "";
}

}  // namespace jianbao::complaints
