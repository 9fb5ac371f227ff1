// Copyright 2026 The Jianbao Authors.
//
// The policy library and training HTTP API: /api/v1/policies… and
// /api/v1/training/courses…. Thin handlers over LibraryService; documented
// in docs/members.md and docs/api.md.

#ifndef JIANBAO_MEMBERS_LIBRARY_HANDLERS_H_
#define JIANBAO_MEMBERS_LIBRARY_HANDLERS_H_

#include "core/messages.h"
#include "http/app.h"
#include "members/library.h"

namespace jianbao::members {

// Returns the catalogue of the library's Status keys, in Chinese and English.
// Thread safety: callable from any thread.
const messages::Catalogue& LibraryMessages();

// Registers the routes. Every route needs a session; LibraryService checks
// roles. REQUIRES: `svc` outlives `app`; called before serving.
void RegisterLibrary(http::App& app, LibraryService& svc);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_LIBRARY_HANDLERS_H_
