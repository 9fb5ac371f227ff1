// Copyright 2026 The Jianbao Authors.
//
// Routes of pieces: list, create, show, change; their versions, diff and
// comments; the Markdown preview and the associations a piece may go to.

#include "http/errors.h"
#include "submissions/handlers_internal.h"
#include "submissions/json.h"
#include "submissions/render.h"

namespace jianbao::submissions::internal {

using http::JsonResponse;

Result<Response> ListPieces(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(PieceQuery q, ReadPieceQuery(ctx.req));
  JB_ASSIGN_OR_RETURN(Page<Piece> p, svc.List(ctx.actor(), q));
  return JsonResponse(200, PiecePageJson(p, q.page));
}

Result<Response> PostPiece(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(PieceInput in, ReadPieceInput(ctx.req.body, /*creating=*/true));
  JB_ASSIGN_OR_RETURN(Piece p, svc.Create(ctx.actor(), in));
  return JsonResponse(201, PieceJson(p, true));
}

Result<Response> GetPiece(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(PieceView v, svc.Get(ctx.actor(), id));
  return http::WithETag(JsonResponse(200, PieceViewJson(v)), v.piece.edit.version);
}

Result<Response> PatchPiece(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(PieceInput in, ReadPieceInput(ctx.req.body, /*creating=*/false));
  JB_ASSIGN_OR_RETURN(in.edit_version, http::ExpectedVersion(ctx.req, in.edit_version));
  JB_ASSIGN_OR_RETURN(Piece p, svc.Update(ctx.actor(), id, in));
  return http::WithETag(JsonResponse(200, PieceJson(p, true)), p.edit.version);
}

Result<Response> ListVersions(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(std::vector<Version> vs, svc.Versions(ctx.actor(), id));
  return JsonResponse(200, VersionListJson(vs));
}

Result<Response> GetVersion(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(int64_t n, ctx.IdParam("n", "version_not_found"));
  JB_ASSIGN_OR_RETURN(Version v, svc.GetVersion(ctx.actor(), id, static_cast<int>(n)));
  return JsonResponse(200, VersionWithHtmlJson(v));
}

Result<Response> GetDiff(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(auto range, ReadVersionRange(ctx.req));
  JB_ASSIGN_OR_RETURN(VersionDiff d, svc.Diff(ctx.actor(), id, range.first, range.second));
  return JsonResponse(200, DiffJson(d));
}

Result<Response> ListComments(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(std::vector<Comment> cs, svc.Comments(ctx.actor(), id));
  return JsonResponse(200, CommentListJson(cs));
}

Result<Response> PostComment(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "submission_not_found"));
  JB_ASSIGN_OR_RETURN(std::string text, ReadCommentBody(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Comment c, svc.AddComment(ctx.actor(), id, text));
  return JsonResponse(201, CommentJson(c));
}

Result<Response> PostPreview(Context& ctx, SubmissionService&) {
  JB_ASSIGN_OR_RETURN(std::string text, ReadPreviewBody(ctx.req.body));
  JB_ASSIGN_OR_RETURN(std::string html, RenderPreview(text));
  return JsonResponse(200, {{"html", html}});
}

Result<Response> GetTargets(Context& ctx, SubmissionService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<orgs::Org> orgs, svc.Targets(ctx.actor()));
  return JsonResponse(200, TargetsJson(orgs));
}

}  // namespace jianbao::submissions::internal
