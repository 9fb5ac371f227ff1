// Copyright 2026 The Jianbao Authors.

#include "bulletins/states.h"

#include "core/text.h"

namespace jianbao::bulletins {
namespace {

constexpr const char* kNames[] = {"draft", "pending_approval", "approved", "published",
                                  "superseded"};

}  // namespace

Result<IssueState> Next(IssueState from, IssueAction action) {
  std::string allowed;
  for (const Transition& t : kTransitions) {
    if (t.action != action) continue;
    if (t.from == from) return t.to;
    allowed += std::string(allowed.empty() ? "" : " or ") + StateName(t.from);
  }
  return Status::Conflict(
      "wrong_state", std::string("the issue is ") + StateName(from) + ", it must be " + allowed);
}

bool IsReleased(IssueState state) {
  return state == IssueState::kPublished || state == IssueState::kSuperseded;
}

const char* StateName(IssueState state) { return kNames[static_cast<int>(state)]; }

std::optional<IssueState> ParseState(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kNames)); ++i) {
    if (name == kNames[i]) return static_cast<IssueState>(i);
  }
  return std::nullopt;
}

Result<std::vector<IssueState>> ParseStates(const std::string& list) {
  std::vector<IssueState> out;
  for (const std::string& one : text::SplitCommas(list)) {
    std::optional<IssueState> state = ParseState(one);
    if (!state) return Status::Invalid("status", "out_of_range", "unknown status: " + one);
    out.push_back(*state);
  }
  return out;
}

}  // namespace jianbao::bulletins
