// Copyright 2026 The Jianbao Authors.
//
// Routes of commissions (约稿): list, ask, show with the answering pieces, close.

#include "submissions/handlers_internal.h"
#include "submissions/json.h"

namespace jianbao::submissions::internal {

using http::JsonResponse;

Result<Response> ListCommissions(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, ReadPage(ctx.req));
  JB_ASSIGN_OR_RETURN(Page<Commission> p, svc.ListCommissions(ctx.actor(), ctx.req.Query("status"),
                                                              page.offset(), page.page_size));
  return JsonResponse(200, CommissionPageJson(p, page));
}

Result<Response> PostCommission(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(NewCommission in, ReadNewCommission(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Commission c, svc.CreateCommission(ctx.actor(), in));
  return JsonResponse(201, CommissionJson(c));
}

Result<Response> GetCommission(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "commission_not_found"));
  JB_ASSIGN_OR_RETURN(CommissionView v, svc.ShowCommission(ctx.actor(), id));
  return JsonResponse(200, CommissionViewJson(v));
}

Result<Response> CloseCommission(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "commission_not_found"));
  JB_ASSIGN_OR_RETURN(Commission c, svc.CloseCommission(ctx.actor(), id));
  return JsonResponse(200, CommissionJson(c));
}

}  // namespace jianbao::submissions::internal
