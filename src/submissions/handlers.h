// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the submissions module: thin — decode, call one service
// method, encode. docs/submissions.md lists every route.

#ifndef JIANBAO_SUBMISSIONS_HANDLERS_H_
#define JIANBAO_SUBMISSIONS_HANDLERS_H_

#include "http/app.h"
#include "submissions/service.h"

namespace jianbao::submissions {

// Registers /api/v1/submissions… and /api/v1/commissions… on `app`.
// REQUIRES: `service` outlives `app`; called once, during start-up.
// Thread safety: the handlers may then run on several threads at once (the
// service is thread-safe).
void Register(http::App& app, SubmissionService& service);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_HANDLERS_H_
