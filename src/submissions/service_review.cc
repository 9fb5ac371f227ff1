// Copyright 2026 The Jianbao Authors.
//
// The workflow actions, versions and diff, comments and the notifications
// they cause.

#include <soci/soci.h>

#include "core/text.h"
#include "notify/notify.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

void SubmissionService::NotifyFor(soci::session& s, const Scope& scope, const Piece& p,
                                  const std::string& kind, const std::string& title) {
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
  n.title = title;
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
    repo::InsertEvent(s, {0, p.id, action, before.state, p.state, t->reason_allowed ? reason : "",
                          actor.user_id, actor.login, now});
    nlohmann::json after = internal::AuditState(p);
    if (!reason.empty() && t->reason_allowed) after["reason"] = reason;
    if (p.commission_id && action == "submit" && before.first_submitted_at.empty()) {
      after["commission_id"] = p.commission_id;
      after["commission_on_time"] = p.first_submitted_at < p.commission_deadline_at;
    }
    orgs::Audit(s, actor, "submission." + action, "submission", std::to_string(p.id),
                internal::AuditState(before).dump(), after.dump());
    if (action == "submit") NotifyFor(s, scope, p, "submission.submitted", "收到新的报送稿件");
    if (action == "resubmit") {
      NotifyFor(s, scope, p, "submission.resubmitted", "稿件已修改后重新报送");
    }
    if (action == "adopt") NotifyFor(s, scope, p, "submission.adopted", "稿件已被采用");
    if (action == "return")
      NotifyFor(s, scope, p, "submission.returned", "稿件被退回修改：" + reason);
    if (action == "reject") NotifyFor(s, scope, p, "submission.not_adopted", "稿件未被采用");
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

std::vector<BulkResult> SubmissionService::ActMany(const Actor& actor,
                                                   const std::vector<int64_t>& ids,
                                                   const std::string& action,
                                                   const std::string& reason) {
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

Result<std::vector<Version>> SubmissionService::Versions(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::vector<Version> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_RETURN_IF_ERROR(LoadVisible(s, actor, scope, id).status());
    out = repo::ListVersions(s, id);
    return Status::Ok();
  }));
  return out;
}

Result<Version> SubmissionService::GetVersion(const Actor& actor, int64_t id, int number) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::optional<Version> v;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_RETURN_IF_ERROR(LoadVisible(s, actor, scope, id).status());
    v = repo::FindVersion(s, id, number);
    return Status::Ok();
  }));
  if (!v) return Status::NotFound("version_not_found", "no such version");
  return *v;
}

Result<VersionDiff> SubmissionService::Diff(const Actor& actor, int64_t id, int from, int to) {
  JB_ASSIGN_OR_RETURN(Version a, GetVersion(actor, id, from));
  JB_ASSIGN_OR_RETURN(Version b, GetVersion(actor, id, to));
  VersionDiff d{a, b, DiffLines(a.body, b.body)};
  return d;
}

Result<std::vector<Comment>> SubmissionService::Comments(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::vector<Comment> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_RETURN_IF_ERROR(LoadVisible(s, actor, scope, id).status());
    out = repo::ListComments(s, id);
    return Status::Ok();
  }));
  return out;
}

Result<Comment> SubmissionService::AddComment(const Actor& actor, int64_t id,
                                              const std::string& body) {
  const std::string text = text::Trim(body);
  if (text.empty()) return Status::Invalid("body", "required", "body is required");
  if (!text::IsValidUtf8(text) || text::CodePointCount(text) > 5000) {
    return Status::Invalid("body", "too_long", "body is too long");
  }
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  Comment c;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(Piece p, LoadVisible(s, actor, scope, id));
    c = {0, id, actor.user_id, actor.login, actor.name, actor.org_code, text, now_()};
    c.id = repo::InsertComment(s, c);
    orgs::Audit(s, actor, "submission.comment", "submission", std::to_string(id), "",
                nlohmann::json{{"comment_id", c.id}}.dump());
    const std::vector<std::string> rel = Relations(actor, scope, p);
    const bool from_editor = std::find(rel.begin(), rel.end(), "editor") != rel.end();
    if (from_editor && p.created_by != actor.user_id) {
      NotifyFor(s, scope, p, "submission.comment", "编辑对稿件发表了意见");
    } else if (!from_editor && p.state != kDraft) {
      NotifyFor(s, scope, p, "submission.comment_for_editor", "报送单位对稿件发表了意见");
    }
    return Status::Ok();
  }));
  return c;
}

}  // namespace jianbao::submissions
