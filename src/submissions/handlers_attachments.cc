// Copyright 2026 The Jianbao Authors.
//
// Routes of attachments: upload (raw bytes), download and delete.

#include "submissions/handlers_internal.h"
#include "submissions/json.h"
#include "submissions/sniff.h"

namespace jianbao::submissions::internal {

using http::JsonResponse;

Result<Response> PostAttachment(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(Attachment a,
                      svc.AddAttachment(ctx.actor(), id, ctx.req.Query("name"), ctx.req.body));
  return JsonResponse(201, AttachmentJson(a));
}

Result<Response> GetAttachment(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(int64_t aid, ctx.IdParam("aid", "attachment_not_found"));
  JB_ASSIGN_OR_RETURN(Attachment a, svc.GetAttachment(ctx.actor(), id, aid));
  return FileResponse(a.data, a.mime, a.name, IsImageMime(a.mime) || a.mime == "application/pdf");
}

Result<Response> DeleteAttachment(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(int64_t aid, ctx.IdParam("aid", "attachment_not_found"));
  JB_RETURN_IF_ERROR(svc.DeleteAttachment(ctx.actor(), id, aid));
  return http::NoContent();
}

}  // namespace jianbao::submissions::internal
