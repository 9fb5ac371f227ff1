// Copyright 2026 The Jianbao Authors.

#include "cli/workbench.h"

#include <nlohmann/json.hpp>

#include "bulletins/service.h"
#include "http/json_io.h"
#include "submissions/service.h"

namespace jianbao::cli {
namespace {

using nlohmann::json;

// One to-do: a stable key (the web UI's text), a count, where to go, and a
// few items to show.
json Todo(const std::string& key, int64_t count, const std::string& link, json items) {
  return {{"key", key}, {"count", count}, {"link", link}, {"items", std::move(items)}};
}

// The editor's drafts the approver sent back (退回修改): each with the
// approver's comment, who wrote it and when.
Status ReturnedIssues(const Actor& actor, Services& svc, json* out) {
  bulletins::IssueQuery q;
  q.states = {bulletins::IssueState::kDraft};
  q.returned = true;
  q.page = PageRequest{1, 5};
  JB_ASSIGN_OR_RETURN(Page<bulletins::IssueView> page, svc.bulletins->ListIssues(actor, q));
  json items = json::array();
  for (const auto& v : page.items) {
    json item = {{"id", v.issue.id},
                 {"year", v.issue.year},
                 {"number", v.issue.number},
                 {"date", v.issue.date},
                 {"link", "/bulletins/issues/" + std::to_string(v.issue.id)}};
    JB_ASSIGN_OR_RETURN(std::vector<bulletins::IssueComment> thread,
                        svc.bulletins->Comments(actor, v.issue.id));
    for (auto c = thread.rbegin(); c != thread.rend(); ++c) {
      if (c->kind != "return") continue;
      item["comment"] = c->body;
      item["by"] = c->author_name.empty() ? c->author_login : c->author_name;
      item["at"] = c->created_at;
      break;
    }
    items.push_back(std::move(item));
  }
  out->push_back(Todo("returned_issues", page.total, "/bulletins?status=draft", items));
  return Status::Ok();
}

Result<json> Todos(const Actor& actor, Services& svc) {
  json out = json::array();
  const PageRequest five{1, 5};
  if (actor.HasRole(kRoleReporter)) {
    submissions::PieceQuery q;
    q.states = "returned";
    q.page = five;
    JB_ASSIGN_OR_RETURN(Page<submissions::Piece> returned, svc.submissions->List(actor, q));
    json items = json::array();
    for (const auto& p : returned.items) {
      items.push_back(
          {{"id", p.id}, {"title", p.title}, {"link", "/submissions/" + std::to_string(p.id)}});
    }
    out.push_back(Todo("returned_pieces", returned.total, "/submissions?state=returned", items));
    JB_ASSIGN_OR_RETURN(Page<submissions::Commission> open,
                        svc.submissions->ListCommissions(actor, "open", 0, 5));
    items = json::array();
    for (const auto& c : open.items) {
      if (c.org_id != actor.org_id) continue;  // asked of the actor's organisation
      items.push_back({{"id", c.id},
                       {"title", c.topic},
                       {"deadline", c.deadline},
                       {"link", "/submissions/new?commission=" + std::to_string(c.id)}});
    }
    out.push_back(Todo("open_commissions", open.total, "/submissions/commissions", items));
  }
  if (actor.HasRole(kRoleEditor)) {
    submissions::PieceQuery q;
    q.states = "submitted,resubmitted";
    q.page = five;
    JB_ASSIGN_OR_RETURN(Page<submissions::Piece> waiting, svc.submissions->List(actor, q));
    json items = json::array();
    for (const auto& p : waiting.items) {
      items.push_back({{"id", p.id},
                       {"title", p.title},
                       {"link", "/submissions/review/" + std::to_string(p.id)}});
    }
    out.push_back(Todo("pieces_waiting", waiting.total, "/submissions/review", items));
  }
  auto issues = [&](bulletins::IssueState state, const std::string& key,
                    const std::string& link) -> Status {
    bulletins::IssueQuery q;
    q.states = {state};
    q.page = five;
    JB_ASSIGN_OR_RETURN(Page<bulletins::IssueView> page, svc.bulletins->ListIssues(actor, q));
    json items = json::array();
    for (const auto& v : page.items) {
      items.push_back({{"id", v.issue.id},
                       {"year", v.issue.year},
                       {"number", v.issue.number},
                       {"date", v.issue.date},
                       {"link", "/bulletins/issues/" + std::to_string(v.issue.id)}});
    }
    out.push_back(Todo(key, page.total, link, items));
    return Status::Ok();
  };
  if (actor.HasRole(kRoleEditor)) {
    JB_RETURN_IF_ERROR(
        issues(bulletins::IssueState::kDraft, "issues_in_progress", "/bulletins?status=draft"));
    JB_RETURN_IF_ERROR(ReturnedIssues(actor, svc, &out));
  }
  if (actor.HasRole(kRoleApprover)) {
    JB_RETURN_IF_ERROR(
        issues(bulletins::IssueState::kPendingApproval, "issues_to_sign", "/bulletins/pending"));
  }
  JB_ASSIGN_OR_RETURN(bulletins::Inbox inbox, svc.bulletins->InboxOf(actor, PageRequest{1, 100}));
  json items = json::array();
  int64_t unacknowledged = 0;
  for (const auto& i : inbox.page.items) {
    if (!i.acknowledged_at.empty()) continue;
    ++unacknowledged;
    if (items.size() < 5) {
      items.push_back({{"id", i.issue_id},
                       {"title", i.series_title},
                       {"number", i.number},
                       {"read", !i.read_at.empty()},
                       {"link", "/inbox"}});
    }
  }
  out.push_back(Todo("unread_issues", inbox.unread, "/inbox", json::array()));
  out.push_back(Todo("unacknowledged_issues", unacknowledged, "/inbox", items));
  return http::ItemsObject(std::move(out));
}

}  // namespace

void RegisterWorkbench(http::App& app, Services& services) {
  app.Get("/api/v1/workbench/todos", [&services](http::Context& ctx) -> Result<http::Response> {
    JB_ASSIGN_OR_RETURN(json body, Todos(ctx.actor(), services));
    return http::JsonResponse(200, body);
  });
}

}  // namespace jianbao::cli
