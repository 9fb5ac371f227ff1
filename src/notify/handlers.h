// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the notifications module.

#ifndef JIANBAO_NOTIFY_HANDLERS_H_
#define JIANBAO_NOTIFY_HANDLERS_H_

#include "http/app.h"
#include "notify/notify.h"

namespace jianbao::notify {

// Registers /api/v1/notifications… on `app`. REQUIRES: `service` outlives `app`.
void Register(http::App& app, NotifyService& service);

}  // namespace jianbao::notify

#endif  // JIANBAO_NOTIFY_HANDLERS_H_
