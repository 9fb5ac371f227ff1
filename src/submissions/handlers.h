// Copyright 2026 The Jianbao Authors.
//
// HTTP handlers of the submissions module: thin — parse, call one service
// method, serialise. docs/submissions.md lists every route.

#ifndef JIANBAO_SUBMISSIONS_HANDLERS_H_
#define JIANBAO_SUBMISSIONS_HANDLERS_H_

#include "http/app.h"
#include "submissions/service.h"

namespace jianbao::submissions {

// Registers /api/v1/submissions… and /api/v1/commissions… on `app`.
// REQUIRES: `service` outlives `app`.
void Register(http::App& app, SubmissionService& service);

namespace internal {
// Registers the routes of handlers_more.cc (files, commissions, statistics);
// called by Register before the piece routes so that literal paths win.
void RegisterMore(http::App& app, SubmissionService& service);
// Returns the positive integer path parameter `name`, or kNotFound with `key`.
Result<int64_t> PathId(const http::Context& ctx, const std::string& name, const std::string& key);
}  // namespace internal

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_HANDLERS_H_
