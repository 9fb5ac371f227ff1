// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "members/handlers.h"

namespace jianbao::members {
namespace {

TEST(MembersMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::members
