// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the organisations module: thin — parse, call one service
// method, serialise.

#ifndef JIANBAO_ORGS_HANDLERS_H_
#define JIANBAO_ORGS_HANDLERS_H_

#include "core/messages.h"
#include "http/app.h"
#include "orgs/service.h"

namespace jianbao::orgs {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Registers /api/v1/session, /me, /orgs, /users and /audit on `app`, and makes
// `service` the app's session authenticator. REQUIRES: `service` outlives `app`.
void Register(http::App& app, OrgService& service);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_HANDLERS_H_
