// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "receipts/receipts.h"

namespace jianbao::receipts {
namespace {

TEST(ReceiptsMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::receipts
