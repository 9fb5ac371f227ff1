// Copyright 2026 The Jianbao Authors.

#include "submissions/service.h"

#include <gtest/gtest.h>

#include "submissions/workflow.h"

namespace jianbao::submissions {
namespace {

TEST(SubmissionsMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

TEST(SubmissionsMessagesTest, EveryStateAndActionHasLabels) {
  messages::Add(Messages());
  for (const StateInfo& s : States()) {
    EXPECT_NE(messages::Find(StateLabelKey(s.name)), nullptr) << s.name;
  }
  for (const ActionInfo& a : Actions()) {
    EXPECT_NE(messages::Find(ActionLabelKey(a.name)), nullptr) << a.name;
  }
}

}  // namespace
}  // namespace jianbao::submissions
