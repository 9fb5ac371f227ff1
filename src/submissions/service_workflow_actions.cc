// Copyright 2026 The Jianbao Authors.
//
// Workflow actions (submit, withdraw, adopt, return, …) one at a time or in bulk,
// checked against the table in workflow.h, and the notifications they cause.

#include <soci/soci.h>

#include "core/text.h"
#include "notify/notify.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

void SubmissionService::NotifyFor(soci::session& s, const Scope& scope, const Piece& p,
                                  const std::string& kind,
                                  const std::map<std::string, std::string>& params) {
  notify::Audience to;
  if (kind == "submission.submitted" || kind == "submission.resubmitted" ||
      kind == "submission.comment_for_editor") {
    to.org_ids = scope.StaffOrgs(p.target_org_id);
    to.role = kRoleEditor;
  } else {
    to.user_id = p.created_by;
  }
  notify::Notification n;
  n.kind = kind == "submission.comment_for_editor" ? "submission.comment" : kind;
  n.title_key = "notification." + kind;
  n.params = params;
  n.body = p.title;
  n.entity = "submission";
  n.entity_id = std::to_string(p.id);
  notify::Send(s, to, n);
}

Result<Piece> SubmissionService::ActOnce(const Actor& actor, const Scope& scope, int64_t id,
                                         const std::string& action, const std::string& reason_in) {
  if (!IsAction(action) || action == kActionEdit) {
    return Status::Invalid("action", "invalid_action", "unknown action: " + action);
  }
  const std::string reason = text::Trim(reason_in);
  if (!text::IsValidUtf8(reason) || text::CodePointCount(reason) > 2000) {
    return Status::Invalid("reason", "too_long", "reason is too long");
  }
  Piece p;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(p, LoadVisible(s, actor, scope, id));
    repo::CloseVersions(s, p.id);  // what is submitted, returned or adopted stays as it is
    std::optional<Transition> t;
    for (const std::string& r : Relations(actor, scope, p)) {
      if (!t) t = FindTransition(p.state, action, r);
    }
    if (!t) {
      for (const Transition& other : Transitions()) {
        if (other.from == p.state && other.action == action) {
          return Status::Denied("your role cannot " + action + " this piece");
        }
      }
      return Status::Conflict("invalid_transition",
                              "cannot " + action + " a piece in state " + p.state, "state");
    }
    if (t->reason_required && reason.empty()) {
      return Status::Invalid("reason", "required", "a reason is required to " + action);
    }
    const Piece before = p;
    const std::string now = now_();
    p.state = t->to;
    p.updated_at = now;
    if (action == "submit" || action == "resubmit") {
      p.submitted_at = now;
      if (p.first_submitted_at.empty()) p.first_submitted_at = now;
      p.return_reason.clear();
    } else if (action == "adopt" || action == "return" || action == "reject") {
      p.reviewed_at = now;
      if (action == "adopt") p.adopted_at = now;
      p.return_reason = action == "return" ? reason : "";
    }
    repo::UpdateWorkflow(s, p);
    repo::InsertEvent(s, {0,
                          p.id,
                          action,
                          before.state,
                          p.state,
                          t->reason_allowed ? reason : "",
                          actor.user_id,
                          actor.login,
                          now,
                          {},
                          {}});
    nlohmann::json after = internal::AuditState(p);
    if (!reason.empty() && t->reason_allowed) after["reason"] = reason;
    if (p.commission_id && action == "submit" && before.first_submitted_at.empty()) {
      after["commission_id"] = p.commission_id;
      after["commission_on_time"] = p.first_submitted_at < p.commission_deadline_at;
    }
    orgs::Audit(s, actor, "submission." + action, "submission", std::to_string(p.id),
                internal::AuditState(before).dump(), after.dump());
    if (action == "submit") NotifyFor(s, scope, p, "submission.submitted");
    if (action == "resubmit") NotifyFor(s, scope, p, "submission.resubmitted");
    if (action == "adopt") NotifyFor(s, scope, p, "submission.adopted");
    if (action == "return") NotifyFor(s, scope, p, "submission.returned", {{"reason", reason}});
    if (action == "reject") NotifyFor(s, scope, p, "submission.not_adopted");
    return Status::Ok();
  }));
  Decorate(scope, &p);
  return p;
}

Result<Piece> SubmissionService::Act(const Actor& actor, int64_t id, const std::string& action,
                                     const std::string& reason) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  return ActOnce(actor, scope, id, action, reason);
}

Result<std::vector<BulkResult>> SubmissionService::ActMany(const Actor& actor,
                                                           const std::vector<int64_t>& ids,
                                                           const std::string& action,
                                                           const std::string& reason) {
  if (ids.empty()) return Status::Invalid("ids", "required", "ids is required");
  if (ids.size() > kMaxBulkIds) return Status::Invalid("ids", "too_many", "at most 100 ids");
  std::vector<BulkResult> out;
  auto scope = LoadScope(actor);
  for (int64_t id : ids) {
    if (!scope.ok()) {
      out.push_back({id, scope.status(), ""});
      continue;
    }
    auto r = ActOnce(actor, *scope, id, action, reason);
    out.push_back({id, r.status(), r.ok() ? r->state : ""});
  }
  return out;
}

}  // namespace jianbao::submissions
