// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the search module (docs/search.md): thin — parse, call
// SearchService::Search, serialise.

#ifndef JIANBAO_SEARCH_HANDLERS_H_
#define JIANBAO_SEARCH_HANDLERS_H_

#include "core/messages.h"
#include "http/app.h"
#include "search/service.h"

namespace jianbao::search {

// Returns this module's message catalogue (zh and en of every Status key it
// returns). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Registers GET /api/v1/search (signed-in users). REQUIRES: `service` outlives `app`.
void Register(http::App& app, SearchService& service);

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_HANDLERS_H_
