// Copyright 2026 The Jianbao Authors.
//
// Commissions (约稿): an editor asks an organisation below the association
// for a piece by a deadline; list, show and close them.

#include <soci/soci.h>

#include "core/clock.h"
#include "core/text.h"
#include "notify/notify.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {
namespace {

Status CommissionNotFound() {
  return Status::NotFound("commission_not_found", "no such commission");
}

}  // namespace

Result<Commission> SubmissionService::CreateCommission(const Actor& actor,
                                                       const NewCommission& in) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("only editors commission pieces");
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  Commission c;
  c.topic = text::Trim(in.topic);
  c.description = text::Trim(in.description);
  if (c.topic.empty()) return Status::Invalid("topic", "required", "topic is required");
  if (text::CodePointCount(c.topic) > 200)
    return Status::Invalid("topic", "too_long", "topic is too long");
  if (text::CodePointCount(c.description) > 2000) {
    return Status::Invalid("description", "too_long", "description is too long");
  }
  if (!clock::IsValidDate(in.deadline)) {
    return Status::Invalid("deadline", "invalid_date", "deadline is not a date");
  }
  if (!actor.is_system() && in.deadline < clock::TodayShanghai()) {
    return Status::Invalid("deadline", "deadline_past", "the deadline has already passed");
  }
  const orgs::Org* org = scope.FindCode(in.org_code);
  if (!org) return Status::Invalid("org", "org_not_found", "no such organisation");
  c.requester_org_id = actor.is_system() ? scope.AssociationOf(org->parent_id) : scope.association;
  if (!c.requester_org_id || org->id == c.requester_org_id || org->kind == "secretariat" ||
      !scope.IsAtOrAbove(c.requester_org_id, org->id)) {
    return Status::Invalid("org", "outside_scope",
                           "you can only commission organisations below your association");
  }
  c.org_id = org->id;
  c.deadline = in.deadline;
  c.deadline_at = clock::FormatIso(clock::ShanghaiDayEnd(in.deadline));
  c.status = "open";
  c.created_by = actor.user_id;
  c.created_by_login = actor.login;
  c.created_at = now_();
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    c.id = repo::InsertCommission(s, c);
    orgs::Audit(
        s, actor, "commission.create", "commission", std::to_string(c.id), "",
        nlohmann::json{{"topic", c.topic}, {"org", org->code}, {"deadline", c.deadline}}.dump());
    notify::Notification n;
    n.kind = "commission.created";
    n.title_key = "notification.commission.created";
    n.params = {{"topic", c.topic}};
    n.body = c.description;
    n.entity = "commission";
    n.entity_id = std::to_string(c.id);
    notify::Send(s, {0, {c.org_id}, kRoleReporter}, n);
    return Status::Ok();
  }));
  c.org_code = org->code;
  c.org_name = org->name;
  if (const orgs::Org* r = scope.Find(c.requester_org_id)) c.requester_org_code = r->code;
  return c;
}

Result<Page<Commission>> SubmissionService::ListCommissions(const Actor& actor,
                                                            const std::string& status, int offset,
                                                            int limit) {
  if (!status.empty() && status != "open" && status != "closed") {
    return Status::Invalid("status", "invalid_state", "status must be open or closed");
  }
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::vector<int64_t> requesters, orgs;
  if (!actor.is_system()) {
    if (actor.HasRole(kRoleEditor) && scope.association) requesters.push_back(scope.association);
    if (actor.HasRole(kRoleReporter)) orgs.push_back(actor.org_id);
    if (requesters.empty() && orgs.empty()) return Page<Commission>{};
  }
  Page<Commission> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page = repo::ListCommissions(s, requesters, orgs, status, offset, limit);
    return Status::Ok();
  }));
  for (Commission& c : page.items) {
    if (const orgs::Org* o = scope.Find(c.org_id)) c.org_code = o->code, c.org_name = o->name;
    if (const orgs::Org* r = scope.Find(c.requester_org_id)) c.requester_org_code = r->code;
  }
  return page;
}

Result<Commission> SubmissionService::GetCommission(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::optional<Commission> c;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    c = repo::FindCommission(s, id);
    return Status::Ok();
  }));
  const bool visible =
      c && (actor.is_system() ||
            (actor.HasRole(kRoleEditor) && c->requester_org_id == scope.association) ||
            (actor.HasRole(kRoleReporter) && c->org_id == actor.org_id));
  if (!visible) return CommissionNotFound();
  if (const orgs::Org* o = scope.Find(c->org_id)) c->org_code = o->code, c->org_name = o->name;
  if (const orgs::Org* r = scope.Find(c->requester_org_id)) c->requester_org_code = r->code;
  return *c;
}

Result<CommissionView> SubmissionService::ShowCommission(const Actor& actor, int64_t id) {
  CommissionView view;
  JB_ASSIGN_OR_RETURN(view.commission, GetCommission(actor, id));
  PieceFilter f;
  f.commission_id = id;
  f.limit = 100;
  JB_ASSIGN_OR_RETURN(Page<Piece> pieces, List(actor, f));
  view.pieces = std::move(pieces.items);
  return view;
}

Result<Commission> SubmissionService::CloseCommission(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Commission c, GetCommission(actor, id));
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!actor.is_system() &&
      !(actor.HasRole(kRoleEditor) && c.requester_org_id == scope.association)) {
    return Status::Denied("only the commissioning editors close a commission");
  }
  if (c.status == "closed") return Status::Conflict("commission_closed", "already closed");
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    repo::UpdateCommissionStatus(s, id, "closed");
    orgs::Audit(s, actor, "commission.close", "commission", std::to_string(id),
                nlohmann::json{{"status", c.status}}.dump(),
                nlohmann::json{{"status", "closed"}}.dump());
    return Status::Ok();
  }));
  c.status = "closed";
  return c;
}

}  // namespace jianbao::submissions
