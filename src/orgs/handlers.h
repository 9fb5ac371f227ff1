// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the organisations module: thin — parse, call one service
// method, serialise.

#ifndef JIANBAO_ORGS_HANDLERS_H_
#define JIANBAO_ORGS_HANDLERS_H_

#include "http/app.h"
#include "orgs/service.h"

namespace jianbao::orgs {

// Registers /api/v1/session, /me, /orgs, /users and /audit on `app`, and makes
// `service` the app's session authenticator. REQUIRES: `service` outlives `app`.
void Register(http::App& app, OrgService& service);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_HANDLERS_H_
