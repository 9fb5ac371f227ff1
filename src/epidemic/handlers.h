// Copyright 2026 The Jianbao Authors.
//
// The 疫情动态 HTTP API (/api/v1/epidemic/…): thin handlers over
// EpidemicService. Documented in docs/epidemic.md ("HTTP API").

#ifndef JIANBAO_EPIDEMIC_HANDLERS_H_
#define JIANBAO_EPIDEMIC_HANDLERS_H_

#include "core/messages.h"
#include "epidemic/followups.h"
#include "epidemic/json.h"  // kMaxHttpImportBytes
#include "epidemic/service.h"
#include "http/app.h"

namespace jianbao::epidemic {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Registers the module's routes under /api/v1/epidemic. Reads need a session,
// changes the editor role (EpidemicService checks it). The handlers keep no
// state of their own, so the server's handler threads may run them at once.
// REQUIRES: `svc` outlives `app`; called once, before the server starts.
void Register(http::App& app, EpidemicService& svc);

// Registers the follow-up routes under /api/v1/epidemic/followups
// (handlers_followups.cc): reads need a session, marking and actions the
// roles of followup_states.h (FollowupService checks them).
// REQUIRES: `svc` outlives `app`; called once, before the server starts.
void RegisterFollowups(http::App& app, FollowupService& svc);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_HANDLERS_H_
