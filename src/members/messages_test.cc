// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "members/handlers.h"
#include "members/library_handlers.h"

namespace jianbao::members {
namespace {

TEST(MembersMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

TEST(MembersMessagesTest, LibraryCatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  messages::Add(Messages());
  EXPECT_EQ(messages::CheckCatalogue(LibraryMessages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::members
