// Copyright 2026 The Jianbao Authors.

#include "notify/handlers.h"

#include <gtest/gtest.h>

namespace jianbao::notify {
namespace {

TEST(NotifyMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::notify
