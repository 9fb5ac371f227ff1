// Copyright 2026 The Jianbao Authors.
//
// The member-services HTTP API: /api/v1/resumption/… (reports, schedules,
// rate, dashboard, export, follow-ups), /api/v1/supplies/… (ledger) and
// /api/v1/members/… (member units, import). Thin handlers over
// MembersService; documented in docs/members.md and docs/api.md.

#ifndef JIANBAO_MEMBERS_HANDLERS_H_
#define JIANBAO_MEMBERS_HANDLERS_H_

#include "core/messages.h"
#include "http/app.h"
#include "members/service.h"

namespace jianbao::members {

// Returns this module's message catalogue (messages.cc): every Status key it
// returns and the labels of its exports, in Chinese and English.
// Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Registers the routes. Every route needs a session; MembersService checks
// roles and scope. REQUIRES: `svc` outlives `app`; called before serving.
void Register(http::App& app, MembersService& svc);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_HANDLERS_H_
