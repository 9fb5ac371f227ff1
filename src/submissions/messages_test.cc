// Copyright 2026 The Jianbao Authors.

#include "submissions/messages.h"

#include <gtest/gtest.h>

namespace jianbao::submissions {
namespace {

TEST(SubmissionsMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::submissions
