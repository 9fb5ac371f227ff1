// Copyright 2026 The Jianbao Authors.
//
// The route table of the submissions module; the handlers live in
// handlers_<use case>.cc (handlers_internal.h lists them).

#include "submissions/handlers.h"

#include "core/text.h"
#include "submissions/handlers_internal.h"

namespace jianbao::submissions {

using http::Context;
using http::Response;

Response internal::FileResponse(const std::string& bytes, const std::string& type,
                                const std::string& name, bool inline_ok) {
  Response r;
  r.status = 200;
  r.body = bytes;
  r.Header("Content-Type", type);
  r.Header("Content-Disposition", std::string(inline_ok ? "inline" : "attachment") +
                                      "; filename*=UTF-8''" + text::PercentEncode(name));
  r.Header("X-Content-Type-Options", "nosniff");
  return r;
}

void Register(http::App& app, SubmissionService& svc) {
  const http::RouteOptions cached{.cacheable = true};  // see http/router.h
  using namespace internal;  // the handlers
  auto bind = [&svc](Result<Response> (*fn)(Context&, SubmissionService&)) { return http::Bind(svc, fn); };
  constexpr size_t kMaxJsonBody = 6 << 20;  // a piece body of up to 4 MiB, JSON-escaped
  constexpr size_t kMaxUpload = 24 << 20;   // the service applies the configured, smaller limits
  const http::RouteOptions big{.max_body = kMaxJsonBody};
  const http::RouteOptions upload{.max_body = kMaxUpload, .json_body = false};
  // Literal paths first, so that they win over /:id.
  app.Get("/api/v1/submissions/workflow", bind(GetWorkflow));
  app.Get("/api/v1/submissions/targets", bind(GetTargets));
  app.Get("/api/v1/submissions/stats", bind(GetStats));
  app.Get("/api/v1/submissions/stats/pieces", bind(GetStatsPieces));
  app.Get("/api/v1/submissions/stats/export", bind(GetStatsExport));
  app.Post("/api/v1/submissions/import", bind(PostImport), upload);
  app.Post("/api/v1/submissions/convert", bind(PostConvert), upload);
  app.Post("/api/v1/submissions/:id/attachments", bind(PostAttachment), upload);
  app.Get("/api/v1/submissions/:id/attachments/:aid", bind(GetAttachment));
  app.Delete("/api/v1/submissions/:id/attachments/:aid", bind(DeleteAttachment));
  app.Get("/api/v1/commissions", bind(ListCommissions));
  app.Post("/api/v1/commissions", bind(PostCommission));
  app.Get("/api/v1/commissions/:id", bind(GetCommission));
  app.Post("/api/v1/commissions/:id/close", bind(CloseCommission));
  app.Post("/api/v1/submissions/preview", bind(PostPreview), big);
  app.Post("/api/v1/submissions/bulk", bind(PostBulk));
  app.Get("/api/v1/submissions", bind(ListPieces), cached);
  app.Post("/api/v1/submissions", bind(PostPiece), big);
  app.Get("/api/v1/submissions/:id", bind(GetPiece), cached);
  app.Patch("/api/v1/submissions/:id", bind(PatchPiece), big);
  app.Post("/api/v1/submissions/:id/actions", bind(PostAction));
  app.Get("/api/v1/submissions/:id/versions", bind(ListVersions));
  app.Get("/api/v1/submissions/:id/versions/:n", bind(GetVersion));
  app.Get("/api/v1/submissions/:id/diff", bind(GetDiff));
  app.Get("/api/v1/submissions/:id/comments", bind(ListComments));
  app.Post("/api/v1/submissions/:id/comments", bind(PostComment));
}

}  // namespace jianbao::submissions
