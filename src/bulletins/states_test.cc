// Copyright 2026 The Jianbao Authors.

#include "bulletins/states.h"

#include <gtest/gtest.h>

namespace jianbao::bulletins {
namespace {

TEST(IssueStatesTest, TheTableAllowsTheWorkflowAndNothingElse) {
  EXPECT_EQ(Next(IssueState::kDraft, IssueAction::kEdit).value(), IssueState::kDraft);
  EXPECT_EQ(Next(IssueState::kDraft, IssueAction::kSubmit).value(), IssueState::kPendingApproval);
  EXPECT_EQ(Next(IssueState::kPendingApproval, IssueAction::kReturn).value(), IssueState::kDraft);
  EXPECT_EQ(Next(IssueState::kPendingApproval, IssueAction::kApprove).value(),
            IssueState::kApproved);
  EXPECT_EQ(Next(IssueState::kDraft, IssueAction::kApprove).status().key(), "wrong_state");
  EXPECT_TRUE(Next(IssueState::kDraft, IssueAction::kDiscard).ok());
  EXPECT_FALSE(Next(IssueState::kPendingApproval, IssueAction::kDiscard).ok());
  EXPECT_FALSE(Next(IssueState::kApproved, IssueAction::kDiscard).ok());
  EXPECT_FALSE(Next(IssueState::kPendingApproval, IssueAction::kEdit).ok());
  EXPECT_EQ(Next(IssueState::kApproved, IssueAction::kReopen).value(), IssueState::kDraft);
  EXPECT_EQ(Next(IssueState::kApproved, IssueAction::kPublish).value(), IssueState::kPublished);
  EXPECT_EQ(Next(IssueState::kPublished, IssueAction::kSupersede).value(), IssueState::kSuperseded);
  for (IssueState from : {IssueState::kPendingApproval, IssueState::kApproved,
                          IssueState::kPublished, IssueState::kSuperseded}) {
    EXPECT_EQ(Next(from, IssueAction::kEdit).status().key(), "wrong_state");
  }
  EXPECT_EQ(Next(IssueState::kDraft, IssueAction::kPublish).status().code(), Code::kConflict);
  EXPECT_FALSE(Next(IssueState::kSuperseded, IssueAction::kCorrect).ok());
}

TEST(IssueStatesTest, NamesRoundTripAndListsAreChecked) {
  for (IssueState s : {IssueState::kDraft, IssueState::kPendingApproval, IssueState::kApproved,
                       IssueState::kPublished, IssueState::kSuperseded}) {
    EXPECT_EQ(ParseState(StateName(s)), s);
  }
  EXPECT_EQ(ParseStates("published,superseded").value(),
            (std::vector<IssueState>{IssueState::kPublished, IssueState::kSuperseded}));
  EXPECT_TRUE(ParseStates("").value().empty());
  EXPECT_EQ(ParseStates("draft,bogus").status().key(), "out_of_range");
  EXPECT_EQ(ParseStates("draft,").status().field(), "status");
  EXPECT_TRUE(IsReleased(IssueState::kSuperseded));
  EXPECT_FALSE(IsReleased(IssueState::kApproved));
}

}  // namespace
}  // namespace jianbao::bulletins
