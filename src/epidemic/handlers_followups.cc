// Copyright 2026 The Jianbao Authors.
//
// The follow-up routes (/api/v1/epidemic/followups…): decode (json.cc
// Read*Input, the query reader below) → one FollowupService call → encode.

#include <charconv>

#include "epidemic/handlers.h"
#include "epidemic/handlers_internal.h"
#include "epidemic/json.h"
#include "http/json_io.h"

namespace jianbao::epidemic {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

// Reads ?status=open|closed, ?assignee=me|none|<user id>, ?from=, ?to=,
// ?page=, ?page_size=. Returns InvalidArgument "out_of_range" naming the parameter.
Result<FollowupFilter> ReadFollowupFilter(const Context& ctx) {
  FollowupFilter f;
  const std::string status = ctx.req.Query("status");
  if (!status.empty()) {
    f.state = ParseFollowupState(status);
    if (!f.state) return Status::Invalid("status", "out_of_range", "status is open or closed");
  }
  const std::string assignee = ctx.req.Query("assignee");
  if (assignee == "me") {
    f.assignee_id = ctx.actor().user_id;
  } else if (assignee == "none") {
    f.assignee_id = 0;
  } else if (!assignee.empty()) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(assignee.data(), assignee.data() + assignee.size(), id);
    if (ec != std::errc() || end != assignee.data() + assignee.size() || id < 1) {
      return Status::Invalid("assignee", "out_of_range", "assignee is me, none or a user id");
    }
    f.assignee_id = id;
  }
  JB_ASSIGN_OR_RETURN(f.from, internal::DateQuery(ctx, "from", false));
  JB_ASSIGN_OR_RETURN(f.to, internal::DateQuery(ctx, "to", false));
  JB_ASSIGN_OR_RETURN(f.page, http::ParsePage(ctx.req));
  return f;
}

Result<Response> GetFollowups(Context& ctx, FollowupService& svc) {
  JB_ASSIGN_OR_RETURN(FollowupFilter filter, ReadFollowupFilter(ctx));
  JB_ASSIGN_OR_RETURN(Page<Followup> page, svc.List(filter));
  return JsonResponse(200, http::PageJson(page, filter.page, FollowupJson));
}

Result<Response> PostFollowup(Context& ctx, FollowupService& svc) {
  JB_ASSIGN_OR_RETURN(MarkInput in, ReadMarkInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Followup f, svc.Mark(ctx.actor(), in));
  return http::WithETag(JsonResponse(201, FollowupJson(f)), f.stamp.version);
}

Result<Response> GetAssignees(Context& ctx, FollowupService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<Assignee> list, svc.Assignees(ctx.actor()));
  http::Json items = http::Json::array();
  for (const Assignee& a : list)
    items.push_back({{"id", a.id}, {"name", a.name}, {"login", a.login}});
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> GetFollowup(Context& ctx, FollowupService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "followup_not_found"));
  JB_ASSIGN_OR_RETURN(Followup f, svc.Get(id));
  return http::WithETag(JsonResponse(200, FollowupJson(f)), f.stamp.version);
}

Result<Response> PostFollowupAction(Context& ctx, FollowupService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "followup_not_found"));
  JB_ASSIGN_OR_RETURN(FollowupActionInput in, ReadFollowupActionInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(in.version, http::ExpectedVersion(ctx.req, in.version));
  JB_ASSIGN_OR_RETURN(Followup f, svc.Act(ctx.actor(), id, in));
  return http::WithETag(JsonResponse(200, FollowupJson(f)), f.stamp.version);
}

}  // namespace

void RegisterFollowups(http::App& app, FollowupService& svc) {
  using Fn = Result<Response> (*)(Context&, FollowupService&);
  auto bind = [&svc](Fn fn) { return http::Bind(svc, fn); };
  const std::string base = "/api/v1/epidemic/followups";
  app.Get(base, bind(GetFollowups));
  app.Post(base, bind(PostFollowup));
  app.Get(base + "/assignees", bind(GetAssignees));
  app.Get(base + "/:id", bind(GetFollowup));
  app.Post(base + "/:id/actions", bind(PostFollowupAction));
}

}  // namespace jianbao::epidemic
