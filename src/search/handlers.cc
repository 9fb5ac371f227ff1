// Copyright 2026 The Jianbao Authors.

#include "search/handlers.h"

#include "http/json_io.h"
#include "search/json.h"

namespace jianbao::search {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

Result<Response> GetSearch(Context& ctx, SearchService& svc) {
  JB_ASSIGN_OR_RETURN(SearchRequest req, ReadSearchRequest(ctx.req.query));
  JB_ASSIGN_OR_RETURN(SearchResult r, svc.Search(ctx.actor(), req));
  return JsonResponse(200, SearchResultJson(r, req));
}

}  // namespace

void Register(http::App& app, SearchService& svc) {
  app.Get("/api/v1/search", http::Bind(svc, &GetSearch));
}

}  // namespace jianbao::search
