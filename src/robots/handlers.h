// Copyright 2026 The Jianbao Authors.
//
// The robots HTTP API: /api/v1/robots… (docs/robots.md, docs/api.md).

#ifndef JIANBAO_ROBOTS_HANDLERS_H_
#define JIANBAO_ROBOTS_HANDLERS_H_

#include "core/messages.h"
#include "http/app.h"
#include "robots/service.h"

namespace jianbao::robots {

// Returns this module's message catalogue. Thread safety: any thread.
const messages::Catalogue& Messages();

// Registers the routes. REQUIRES: `svc` outlives `app`; called before serving.
void Register(http::App& app, RobotService& svc);

}  // namespace jianbao::robots

#endif  // JIANBAO_ROBOTS_HANDLERS_H_
