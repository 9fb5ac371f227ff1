// Copyright 2026 The Jianbao Authors.
//
// Internal to handlers*.cc: the handler functions, one file per use case, and
// what they share. Each handler decodes the request (json.h Read*), calls one
// service method and encodes the answer (json.h *Json); a non-OK Status is
// rendered by http::App. handlers.cc holds the one route table.

#ifndef JIANBAO_SUBMISSIONS_HANDLERS_INTERNAL_H_
#define JIANBAO_SUBMISSIONS_HANDLERS_INTERNAL_H_

#include <string>

#include "http/app.h"
#include "submissions/service.h"

namespace jianbao::submissions::internal {

using http::Context;
using http::Response;

// handlers_pieces.cc: pieces, their versions and comments, the preview, targets.
Result<Response> ListPieces(Context& ctx, SubmissionService& svc);
Result<Response> PostPiece(Context& ctx, SubmissionService& svc);
Result<Response> GetPiece(Context& ctx, SubmissionService& svc);
Result<Response> PatchPiece(Context& ctx, SubmissionService& svc);
Result<Response> ListVersions(Context& ctx, SubmissionService& svc);
Result<Response> GetVersion(Context& ctx, SubmissionService& svc);
Result<Response> GetDiff(Context& ctx, SubmissionService& svc);
Result<Response> ListComments(Context& ctx, SubmissionService& svc);
Result<Response> PostComment(Context& ctx, SubmissionService& svc);
Result<Response> PostPreview(Context& ctx, SubmissionService& svc);
Result<Response> GetTargets(Context& ctx, SubmissionService& svc);

// handlers_workflow.cc: the workflow table and actions, one piece or many.
Result<Response> GetWorkflow(Context& ctx, SubmissionService& svc);
Result<Response> PostAction(Context& ctx, SubmissionService& svc);
Result<Response> PostBulk(Context& ctx, SubmissionService& svc);

// handlers_import.cc: import a file into a draft, or only convert it.
Result<Response> PostImport(Context& ctx, SubmissionService& svc);
Result<Response> PostConvert(Context& ctx, SubmissionService& svc);

// handlers_attachments.cc
Result<Response> PostAttachment(Context& ctx, SubmissionService& svc);
Result<Response> GetAttachment(Context& ctx, SubmissionService& svc);
Result<Response> DeleteAttachment(Context& ctx, SubmissionService& svc);

// handlers_commissions.cc
Result<Response> ListCommissions(Context& ctx, SubmissionService& svc);
Result<Response> PostCommission(Context& ctx, SubmissionService& svc);
Result<Response> GetCommission(Context& ctx, SubmissionService& svc);
Result<Response> CloseCommission(Context& ctx, SubmissionService& svc);

// handlers_stats.cc
Result<Response> GetStats(Context& ctx, SubmissionService& svc);
Result<Response> GetStatsPieces(Context& ctx, SubmissionService& svc);
Result<Response> GetStatsExport(Context& ctx, SubmissionService& svc);

// Returns a download: `bytes` as `type`, named `name` (RFC 5987), shown
// inline when `inline_ok`, never sniffed by the browser.
Response FileResponse(const std::string& bytes, const std::string& type, const std::string& name,
                      bool inline_ok);

}  // namespace jianbao::submissions::internal

#endif  // JIANBAO_SUBMISSIONS_HANDLERS_INTERNAL_H_
