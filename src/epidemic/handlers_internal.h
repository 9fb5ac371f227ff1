// Copyright 2026 The Jianbao Authors.
//
// Shared by the module's handler files (handlers*.cc); not for other modules.

#ifndef JIANBAO_EPIDEMIC_HANDLERS_INTERNAL_H_
#define JIANBAO_EPIDEMIC_HANDLERS_INTERNAL_H_

#include <string>

#include "core/status.h"
#include "epidemic/service.h"
#include "http/app.h"

namespace jianbao::epidemic::internal {

// A route of the module: decode, one EpidemicService call, encode; an error
// Status is rendered by http::App.
using Handler = Result<http::Response> (*)(http::Context&, EpidemicService&);

// Returns query parameter `name` as a date YYYY-MM-DD, "" when it is absent
// and not `required`; InvalidArgument naming it otherwise.
Result<std::string> DateQuery(const http::Context& ctx, const std::string& name, bool required);

// Registers GET/POST narrative, GET templates/:name and GET chart.png under `base`.
void RegisterNarrativeRoutes(http::App& app, EpidemicService& svc, const std::string& base);

}  // namespace jianbao::epidemic::internal

#endif  // JIANBAO_EPIDEMIC_HANDLERS_INTERNAL_H_
