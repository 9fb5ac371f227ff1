// Copyright 2026 The Jianbao Authors.

#include "cli/catalogues.h"

#include "bulletins/handlers.h"
#include "complaints/messages.h"
#include "epidemic/handlers.h"
#include "http/errors.h"
#include "members/handlers.h"
#include "members/library_handlers.h"
#include "members/notices.h"
#include "notify/handlers.h"
#include "orgs/handlers.h"
#include "receipts/receipts.h"
#include "robots/handlers.h"
#include "search/handlers.h"
#include "submissions/service.h"
#include "typeset/typeset.h"

namespace jianbao::cli {

std::vector<const messages::Catalogue*> ModuleCatalogues() {
  return {&orgs::Messages(),       &notify::Messages(),        &submissions::Messages(),
          &bulletins::Messages(),  &epidemic::Messages(),      &typeset::Messages(),
          &complaints::Messages(), &search::Messages(),        &members::Messages(),
          &receipts::Messages(),   &members::NoticeMessages(), &members::LibraryMessages(),
          &robots::Messages()};
}

std::vector<const messages::Catalogue*> AllCatalogues() {
  std::vector<const messages::Catalogue*> all = {&messages::CoreMessages(),
                                                 &messages::FieldLabels(), &http::Messages()};
  for (const messages::Catalogue* c : ModuleCatalogues()) all.push_back(c);
  return all;
}

}  // namespace jianbao::cli
