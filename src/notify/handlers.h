// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the notifications module.

#ifndef JIANBAO_NOTIFY_HANDLERS_H_
#define JIANBAO_NOTIFY_HANDLERS_H_

#include "core/messages.h"
#include "http/app.h"
#include "notify/notify.h"

namespace jianbao::notify {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Registers /api/v1/notifications… on `app`. REQUIRES: `service` outlives `app`.
void Register(http::App& app, NotifyService& service);

}  // namespace jianbao::notify

#endif  // JIANBAO_NOTIFY_HANDLERS_H_
