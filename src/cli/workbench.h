// Copyright 2026 The Jianbao Authors.
//
// The workbench's to-dos (工作台): for the signed-in user, by role, what waits
// for them in the other modules, with counts and where to go —
//   reporter: returned pieces, open commissions (with their deadlines);
//   editor: pieces waiting for review, issues in progress (drafts), issues
//     the approver returned (退回修改, with the approver's comment);
//   approver: issues waiting for sign-off (待签发);
//   everyone: unread and unacknowledged bulletins in the inbox.
// GET /api/v1/workbench/todos. It lives here because it reads several
// modules' services and none of them should depend on the others.
//
// Thread safety: the handler may run on any thread (the services are).

#ifndef JIANBAO_CLI_WORKBENCH_H_
#define JIANBAO_CLI_WORKBENCH_H_

#include "cli/wiring.h"
#include "http/app.h"

namespace jianbao::cli {

// Registers GET /api/v1/workbench/todos on `app`. REQUIRES: `services`
// outlives `app`.
void RegisterWorkbench(http::App& app, Services& services);

}  // namespace jianbao::cli

#endif  // JIANBAO_CLI_WORKBENCH_H_
