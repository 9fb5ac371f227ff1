// Copyright 2026 The Jianbao Authors.
//
// Routes of the workflow: the table itself, an action on one piece, and the
// same action on many pieces.

#include "submissions/handlers_internal.h"
#include "submissions/json.h"

namespace jianbao::submissions::internal {

using http::JsonResponse;

Result<Response> GetWorkflow(Context&, SubmissionService&) {
  return JsonResponse(200, WorkflowJson());
}

Result<Response> PostAction(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(ActionInput in, ReadActionInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Piece p, svc.Act(ctx.actor(), id, in.action, in.reason));
  return JsonResponse(200, PieceJson(p, false));
}

Result<Response> PostBulk(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(BulkInput in, ReadBulkInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(std::vector<BulkResult> results,
                      svc.ActMany(ctx.actor(), in.ids, in.action, in.reason));
  return JsonResponse(200, BulkJson(results, ctx.lang));
}

}  // namespace jianbao::submissions::internal
