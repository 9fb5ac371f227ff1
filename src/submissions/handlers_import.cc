// Copyright 2026 The Jianbao Authors.
//
// Routes of file import: a .docx or .txt file into a new draft, or only
// converted to see what the draft would be.

#include "submissions/handlers_internal.h"
#include "submissions/json.h"

namespace jianbao::submissions::internal {

using http::JsonResponse;

Result<Response> PostImport(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(ImportRequest r, ReadImportRequest(ctx.req));
  JB_ASSIGN_OR_RETURN(Piece p, svc.Import(ctx.actor(), r.format, ctx.req.body, r.meta));
  return JsonResponse(201, PieceJson(p, true));
}

Result<Response> PostConvert(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(std::string format, ReadFileFormat(ctx.req));
  JB_ASSIGN_OR_RETURN(Imported doc, svc.Convert(format, ctx.req.body));
  return JsonResponse(200, ImportedJson(doc));
}

}  // namespace jianbao::submissions::internal
