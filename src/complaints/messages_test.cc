// Copyright 2026 The Jianbao Authors.

#include "complaints/messages.h"

#include <gtest/gtest.h>

#include "complaints/options.h"
#include "complaints/workflow.h"

namespace jianbao::complaints {
namespace {

TEST(ComplaintsMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

TEST(ComplaintsMessagesTest, EveryLabelExists) {
  messages::Add(Messages());
  for (const std::string& s : States()) {
    EXPECT_NE(messages::Find("complaints.state." + s), nullptr) << s;
  }
  for (const std::string& c : Categories()) {
    EXPECT_NE(messages::Find("complaints.category." + c), nullptr) << c;
  }
  for (const std::string& o : Operators()) {
    EXPECT_NE(messages::Find("complaints.operator." + o), nullptr) << o;
  }
}

}  // namespace
}  // namespace jianbao::complaints
