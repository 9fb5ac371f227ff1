// Copyright 2026 The Jianbao Authors.
//
// Every module's message catalogue, in one list: cli/wiring.cc adds them at
// start-up and cli/messages_test.cc checks them together.
//
// Thread safety: returns constants; callable from any thread.

#ifndef JIANBAO_CLI_CATALOGUES_H_
#define JIANBAO_CLI_CATALOGUES_H_

#include <vector>

#include "core/messages.h"

namespace jianbao::cli {

// Returns the catalogues of every module, the core's and the HTTP layer's
// (which http::App adds itself) included.
std::vector<const messages::Catalogue*> AllCatalogues();

// Returns the catalogues cli/wiring.cc adds (every module's, not the ones
// http::App adds).
std::vector<const messages::Catalogue*> ModuleCatalogues();

}  // namespace jianbao::cli

#endif  // JIANBAO_CLI_CATALOGUES_H_
