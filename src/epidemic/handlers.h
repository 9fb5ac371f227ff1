// Copyright 2026 The Jianbao Authors.
//
// The 疫情动态 HTTP API (/api/v1/epidemic/…): thin handlers over
// EpidemicService. Documented in docs/epidemic.md ("HTTP API").

#ifndef JIANBAO_EPIDEMIC_HANDLERS_H_
#define JIANBAO_EPIDEMIC_HANDLERS_H_

#include "epidemic/service.h"
#include "http/app.h"

namespace jianbao::epidemic {

// Largest file content accepted by POST /api/v1/epidemic/import.
inline constexpr size_t kMaxHttpImportBytes = 8 << 20;

// Registers the module's routes. REQUIRES: `svc` outlives `app`.
void Register(http::App& app, EpidemicService& svc);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_HANDLERS_H_
