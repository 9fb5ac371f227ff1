// Copyright 2026 The Jianbao Authors.

#include "submissions/workflow.h"

#include <gtest/gtest.h>

#include <set>

namespace jianbao::submissions {
namespace {

TEST(WorkflowTableTest, EveryRowNamesKnownStatesActionsRoles) {
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  for (const Transition& t : Transitions()) {
    EXPECT_TRUE(IsState(t.from)) << t.from;
    EXPECT_TRUE(IsState(t.to)) << t.to;
    EXPECT_TRUE(IsAction(t.action)) << t.action;
    EXPECT_TRUE(t.role == "reporter" || t.role == "editor") << t.role;
    EXPECT_TRUE(keys.insert({t.from, t.action, t.role}).second) << "duplicate row";
    if (t.reason_required) {
      EXPECT_TRUE(t.reason_allowed);
    }
  }
}

TEST(WorkflowTableTest, TheDeclaredPaths) {
  EXPECT_EQ(FindTransition(kDraft, "submit", "reporter")->to, kSubmitted);
  EXPECT_EQ(FindTransition(kSubmitted, "return", "editor")->to, kReturned);
  EXPECT_TRUE(FindTransition(kSubmitted, "return", "editor")->reason_required);
  EXPECT_EQ(FindTransition(kReturned, "resubmit", "reporter")->to, kResubmitted);
  EXPECT_EQ(FindTransition(kResubmitted, "adopt", "editor")->to, kAdopted);
  EXPECT_EQ(FindTransition(kSubmitted, "reject", "editor")->to, kNotAdopted);
  EXPECT_EQ(FindTransition(kSubmitted, "withdraw", "reporter")->to, kDraft);
  EXPECT_EQ(FindTransition(kAdopted, "edit", "editor")->to, kAdopted);
  EXPECT_FALSE(FindTransition(kSubmitted, "adopt", "reporter"));
  EXPECT_FALSE(FindTransition(kDraft, "adopt", "editor"));
  EXPECT_FALSE(FindTransition(kAdopted, "withdraw", "reporter"));
  EXPECT_FALSE(FindTransition(kNotAdopted, "edit", "editor"));
}

TEST(WorkflowTableTest, TerminalStatesHaveNoWayOut) {
  for (const StateInfo& s : States()) {
    for (const Transition& t : Transitions()) {
      if (s.terminal && t.from == s.name) {
        EXPECT_EQ(t.to, s.name) << s.name;
      }
    }
  }
}

}  // namespace
}  // namespace jianbao::submissions
