// Copyright 2026 The Jianbao Authors.

#include "epidemic/handlers.h"

#include <gtest/gtest.h>

namespace jianbao::epidemic {
namespace {

TEST(EpidemicMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::epidemic
