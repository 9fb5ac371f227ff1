// Copyright 2026 The Jianbao Authors.

#include "complaints/workflow.h"

#include <gtest/gtest.h>

#include <set>

namespace jianbao::complaints {
namespace {

TEST(WorkflowTest, TableUsesKnownNamesOnly) {
  for (const Transition& t : Transitions()) {
    EXPECT_TRUE(IsState(t.from)) << t.from;
    EXPECT_TRUE(IsState(t.to)) << t.to;
    EXPECT_TRUE(IsAction(t.action)) << t.action;
    EXPECT_TRUE(t.role == kRoleDesk || t.role == kRoleLiaison) << t.role;
  }
}

TEST(WorkflowTest, EveryStateIsReachableFromReceived) {
  std::set<std::string> seen = {kReceived};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Transition& t : Transitions()) {
      if (seen.count(t.from) && seen.insert(t.to).second) grew = true;
    }
  }
  for (const std::string& s : States()) EXPECT_TRUE(seen.count(s)) << s;
}

TEST(WorkflowTest, TheOrderNo35Path) {
  std::string state = kReceived;
  for (const auto& [action, role] :
       std::vector<std::pair<std::string, std::string>>{{"accept", kRoleDesk},
                                                        {"forward", kRoleDesk},
                                                        {"reply", kRoleLiaison},
                                                        {"verify", kRoleDesk},
                                                        {"close", kRoleDesk},
                                                        {"reopen", kRoleDesk}}) {
    auto t = FindTransition(state, action, role);
    ASSERT_TRUE(t) << state << " " << action;
    state = t->to;
  }
  EXPECT_EQ(state, kAccepted);
}

TEST(WorkflowTest, RolesAndStatesAreEnforced) {
  EXPECT_FALSE(FindTransition(kForwarded, "reply", kRoleDesk));      // only the operator replies
  EXPECT_FALSE(FindTransition(kAccepted, "forward", kRoleLiaison));  // only the desk forwards
  EXPECT_FALSE(FindTransition(kReceived, "close", kRoleDesk));       // not before verification
  EXPECT_FALSE(FindTransition(kNotAccepted, "reopen", kRoleDesk));
  EXPECT_EQ(FindTransition(kReceived, "refuse", kRoleDesk)->needs, Needs::kReason);
  EXPECT_EQ(FindTransition(kVerified, "close", kRoleDesk)->needs, Needs::kOutcome);
}

TEST(WorkflowTest, FinalStates) {
  EXPECT_TRUE(IsFinal(kClosed));
  EXPECT_TRUE(IsFinal(kNotAccepted));
  EXPECT_TRUE(IsFinal(kMerged));
  EXPECT_FALSE(IsFinal(kReplied));
}

}  // namespace
}  // namespace jianbao::complaints
