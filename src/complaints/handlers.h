// Copyright 2026 The Jianbao Authors.
//
// HTTP routes of the complaint desk (docs/api.md "Complaint desk"): the
// public form (no session, no CSRF), the desk's and liaisons' case routes,
// statistics and export, the calendar and organisation settings. Each
// handler decodes the request, calls one ComplaintService method and encodes
// the answer.

#ifndef JIANBAO_COMPLAINTS_HANDLERS_H_
#define JIANBAO_COMPLAINTS_HANDLERS_H_

#include "complaints/messages.h"
#include "complaints/service.h"
#include "http/app.h"

namespace jianbao::complaints {

// Registers the routes on `app`. REQUIRES: `svc` outlives the app.
void Register(http::App& app, ComplaintService& svc);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_HANDLERS_H_
