// Copyright 2026 The Jianbao Authors.

#include "orgs/handlers.h"

#include <gtest/gtest.h>

namespace jianbao::orgs {
namespace {

TEST(OrgsMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::orgs
