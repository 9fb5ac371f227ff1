// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the bulletins module (docs/bulletins.md): thin — parse,
// call one service method, serialise.

#ifndef JIANBAO_BULLETINS_HANDLERS_H_
#define JIANBAO_BULLETINS_HANDLERS_H_

#include <string>

#include "bulletins/service.h"
#include "core/messages.h"
#include "http/app.h"

namespace jianbao::bulletins {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Registers /api/v1/bulletins/…, /api/v1/inbox/… and the public feed, whose
// links start with `public_url` (server.public_url; "" = relative links).
// REQUIRES: `service` outlives `app`.
void Register(http::App& app, BulletinService& service, const std::string& public_url = "");

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_HANDLERS_H_
