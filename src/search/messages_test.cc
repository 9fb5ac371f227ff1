// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "search/handlers.h"

namespace jianbao::search {
namespace {

TEST(SearchMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::search
