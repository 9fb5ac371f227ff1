// Copyright 2026 The Jianbao Authors.

#include "bulletins/handlers.h"

#include <gtest/gtest.h>

namespace jianbao::bulletins {
namespace {

TEST(BulletinsMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::bulletins
