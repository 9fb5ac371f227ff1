// Copyright 2026 The Jianbao Authors.

#include "typeset/typeset.h"

#include <gtest/gtest.h>

namespace jianbao::typeset {
namespace {

TEST(TypesetMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::typeset
