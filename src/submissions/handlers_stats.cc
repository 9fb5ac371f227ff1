// Copyright 2026 The Jianbao Authors.
//
// Routes of the adoption statistics: the table, the pieces behind a cell, the export.

#include "submissions/handlers_internal.h"
#include "submissions/json.h"

namespace jianbao::submissions::internal {

using http::JsonResponse;

Result<Response> GetStats(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(
      Stats s, svc.Statistics(ctx.actor(), ctx.req.Query("period"), ctx.req.Query("target")));
  return JsonResponse(200, StatsJson(s));
}

Result<Response> GetStatsPieces(Context& ctx, SubmissionService& svc) {
  const http::Request& q = ctx.req;
  JB_ASSIGN_OR_RETURN(PageRequest page, ReadPage(q));
  JB_ASSIGN_OR_RETURN(
      Page<Piece> p,
      svc.StatisticsPieces(ctx.actor(), q.Query("period"), q.Query("target"), q.Query("org"),
                           q.Query("kind", "submitted"), page.offset(), page.page_size));
  return JsonResponse(200, PiecePageJson(p, page));
}

Result<Response> GetStatsExport(Context& ctx, SubmissionService& svc) {
  const http::Request& q = ctx.req;
  JB_ASSIGN_OR_RETURN(Export e,
                      svc.ExportStatistics(ctx.actor(), q.Query("period"), q.Query("target"),
                                           q.Query("format", "xlsx"), ctx.lang));
  return FileResponse(e.bytes, e.content_type, e.filename, false);
}

}  // namespace jianbao::submissions::internal
