// Copyright 2026 The Jianbao Authors.

#include "epidemic/followups.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/text.h"
#include "epidemic/repository.h"
#include "epidemic/rules.h"
#include "notify/notify.h"
#include "orgs/repository.h"
#include "orgs/service.h"

namespace jianbao::epidemic {
namespace {

// The longest comment or closing reason, in code points.
constexpr size_t kMaxFollowupText = 2000;

Status CheckText(const std::string& text, const std::string& field) {
  if (!text::IsValidUtf8(text) || text::CodePointCount(text) > kMaxFollowupText) {
    return Status::Invalid(field, "too_long", field + " is longer than 2000 characters");
  }
  return Status::Ok();
}

// Returns the display name of `id` when it is an active desk user (editor);
// InvalidArgument "invalid_assignee" otherwise. 0 is nobody ("").
Result<std::string> AssigneeName(soci::session& s, int64_t id) {
  if (id == 0) return std::string();
  std::optional<orgs::User> u = orgs::repo::FindUser(s, id);
  if (!u || u->disabled ||
      std::find(u->roles.begin(), u->roles.end(), kRoleEditor) == u->roles.end()) {
    return Status::Invalid("assignee_id", "invalid_assignee",
                           "a follow-up is assigned to an active desk user (editor)");
  }
  return u->name.empty() ? u->login : u->name;
}

// The audit log's JSON of a follow-up's state.
std::string AuditJson(const Followup& f) {
  nlohmann::json j = {{"date", f.key.date},
                      {"region", f.key.region},
                      {"rule", f.key.rule},
                      {"field", std::string(FieldName(f.key.field))},
                      {"state", FollowupStateName(f.state)},
                      {"assignee_id", f.assignee_id}};
  if (f.resolved_by) j["resolved_by"] = {{"kind", f.resolved_by->kind}, {"id", f.resolved_by->id}};
  if (!f.close_reason.empty()) j["close_reason"] = f.close_reason;
  return j.dump();
}

// Tells the assignee what `actor` did, unless the assignee did it.
void NotifyAssignee(soci::session& s, const Actor& actor, const Followup& f,
                    FollowupAction action) {
  if (f.assignee_id == 0 || f.assignee_id == actor.user_id) return;
  notify::Notification n;
  const std::string kind = std::string("epidemic.followup_") + FollowupActionName(action);
  n.kind = kind;
  n.title_key = "notification." + kind;
  n.params = {{"date", f.key.date},
              {"region", f.key.region},
              {"rule", f.key.rule},
              {"by", EditorName(actor)}};
  n.body = f.key.date + " " + f.key.region + " " + f.key.rule + " " +
           std::string(FieldName(f.key.field));
  n.entity = "epidemic_followup";
  n.entity_id = std::to_string(f.id);
  notify::Audience to;
  to.user_id = f.assignee_id;
  notify::Send(s, to, n);
}

}  // namespace

Result<Page<Followup>> FollowupService::List(const FollowupFilter& filter) {
  Page<Followup> page;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    page = repository::ListFollowups(s, filter);
    return Status::Ok();
  }));
  return page;
}

Result<std::vector<Assignee>> FollowupService::Assignees(const Actor& actor) {
  if (!actor.is_system() && !actor.HasRole(kFollowupMarkRole)) {
    return Status::Denied("only the data desk (editor) assigns follow-ups");
  }
  std::vector<Assignee> out;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    out = repository::LoadAssignees(s);
    return Status::Ok();
  }));
  return out;
}

Result<Followup> FollowupService::Get(int64_t id) {
  std::optional<Followup> f;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    f = repository::FindFollowup(s, id);
    return Status::Ok();
  }));
  if (!f) return Status::NotFound("followup_not_found", "no follow-up " + std::to_string(id));
  return *f;
}

Result<Followup> FollowupService::Mark(const Actor& actor, const MarkInput& in) {
  if (!actor.is_system() && !actor.HasRole(kFollowupMarkRole)) {
    return Status::Denied("only the data desk (editor) may mark a finding for follow-up");
  }
  if (!clock::IsValidDate(in.key.date)) {
    return Status::Invalid("date", "bad_date", "date: not a date YYYY-MM-DD");
  }
  const auto& rules = AllRules();
  if (std::none_of(rules.begin(), rules.end(),
                   [&](const auto& r) { return r->name() == in.key.rule; })) {
    return Status::Invalid("rule", "unknown_rule", "unknown rule \"" + in.key.rule + "\"");
  }
  JB_RETURN_IF_ERROR(CheckText(in.comment, "comment"));
  JB_ASSIGN_OR_RETURN(ValidationReport report, epidemic_.Validate(in.key.date, in.key.date));
  if (std::none_of(report.violations.begin(), report.violations.end(), [&](const Violation& v) {
        return FindingKey{v.date, v.region, v.rule, v.field} == in.key;
      })) {
    return Status::Invalid("date", "finding_not_found",
                           "the rules find no such finding on " + in.key.date);
  }
  Followup f;
  f.key = in.key;
  f.state = kFollowupInitialState;
  f.assignee_id = in.assignee_id;
  f.created_by = EditorName(actor);
  f.created_at = clock::NowIso();
  JB_RETURN_IF_ERROR(db_.Write([&](soci::session& s) {
    if (auto existing = repository::FindFollowupByKey(s, in.key)) {
      return Status::Conflict("followup_exists",
                              "the finding has follow-up " + std::to_string(existing->id))
          .set_detail("id", existing->id);
    }
    JB_ASSIGN_OR_RETURN(f.assignee_name, AssigneeName(s, in.assignee_id));
    repository::InsertFollowup(s, &f);
    FollowupEvent mark;
    mark.action = FollowupActionName(FollowupAction::kMark);
    mark.by = f.created_by;
    mark.at = f.created_at;
    mark.text = text::Trim(in.comment);
    mark.assignee_id = f.assignee_id;
    repository::InsertFollowupEvent(s, f.id, &mark);
    orgs::Audit(s, actor, "epidemic.followup_mark", "epidemic_followup", std::to_string(f.id), "",
                AuditJson(f));
    NotifyAssignee(s, actor, f, f.assignee_id ? FollowupAction::kAssign : FollowupAction::kMark);
    return Status::Ok();
  }));
  return Get(f.id);
}

Result<Followup> FollowupService::Act(const Actor& actor, int64_t id,
                                      const FollowupActionInput& in) {
  if (in.action == FollowupAction::kMark) {
    return Status::Invalid("action", "invalid_action", "mark is POST /followups");
  }
  const std::string text = text::Trim(in.text);
  JB_RETURN_IF_ERROR(CheckText(text, "text"));
  if (in.action == FollowupAction::kComment && text.empty()) {
    return Status::Invalid("text", "required", "a comment needs text");
  }
  if (in.action == FollowupAction::kAssign && !in.assignee_id) {
    return Status::Invalid("assignee_id", "required", "assign needs assignee_id");
  }
  if (in.action == FollowupAction::kClose && !in.resolved_by && text.empty()) {
    return Status::Invalid("text", "required",
                           "close needs the correction or note that resolved it, or a reason");
  }
  JB_RETURN_IF_ERROR(db_.Write([&](soci::session& s) {
    std::optional<Followup> found = repository::FindFollowup(s, id);
    if (!found) return Status::NotFound("followup_not_found", "no follow-up " + std::to_string(id));
    Followup f = std::move(*found);
    const Followup before = f;
    JB_ASSIGN_OR_RETURN(f.state, NextFollowupState(f.state, in.action, actor));
    FollowupEvent e;
    e.action = FollowupActionName(in.action);
    e.by = EditorName(actor);
    e.at = clock::NowIso();
    e.text = text;
    if (in.action == FollowupAction::kAssign) {
      JB_ASSIGN_OR_RETURN(f.assignee_name, AssigneeName(s, *in.assignee_id));
      f.assignee_id = *in.assignee_id;
      e.assignee_id = f.assignee_id;
    } else if (in.action == FollowupAction::kClose) {
      if (in.resolved_by) {
        const Explanation& r = *in.resolved_by;
        const bool exists = r.kind == "correction" ? repository::CorrectionExists(s, r.id)
                                                   : repository::NoteExists(s, r.id);
        if (!exists) {
          const std::string key =
              r.kind == "correction" ? "correction_not_found" : "note_not_found";
          return Status::Invalid("resolved_by", key, "resolved_by: no such " + r.kind);
        }
      }
      f.resolved_by = in.resolved_by;
      f.close_reason = text;
      e.resolved_by = in.resolved_by;
    } else if (in.action == FollowupAction::kReopen) {
      f.resolved_by.reset();
      f.close_reason.clear();
    }
    JB_RETURN_IF_ERROR(repository::ClaimFollowupVersion(s, id, in.version, e.by, e.at));
    repository::UpdateFollowup(s, f);
    repository::InsertFollowupEvent(s, id, &e);
    orgs::Audit(s, actor, std::string("epidemic.followup_") + e.action, "epidemic_followup",
                std::to_string(id), AuditJson(before), AuditJson(f));
    NotifyAssignee(s, actor, f, in.action);
    return Status::Ok();
  }));
  return Get(id);
}

}  // namespace jianbao::epidemic
