// Copyright 2026 The Jianbao Authors.
//
// The hand-offs between editor and approver (送审, 退回修改, the comment
// thread) and discarding a draft, checked against the table in states.h, and
// the notifications they cause.

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "bulletins/repository.h"
#include "bulletins/service.h"
#include "core/clock.h"
#include "core/text.h"
#include "notify/notify.h"
#include "orgs/service.h"

namespace jianbao::bulletins {
namespace {

constexpr int kMaxComment = 2000;  // code points

// Returns the trimmed comment, or kInvalidArgument "required" / "too_long" (field "comment").
Result<std::string> CheckComment(const std::string& in) {
  std::string comment = text::Trim(in);
  if (comment.empty()) return Status::Invalid("comment", "required", "write a comment");
  if (!text::IsValidUtf8(comment) || text::CodePointCount(comment) > kMaxComment) {
    return Status::Invalid("comment", "too_long", "the comment is too long");
  }
  return comment;
}

std::string IssueLabel(const IssueView& v) {
  return v.series.title.substr(0, v.series.title.find('\n')) + " " + std::to_string(v.issue.year) +
         "-" + std::to_string(v.issue.number);
}

}  // namespace

void BulletinService::Handoff(soci::session& s, const Actor& actor, const IssueView& v,
                              const std::string& kind, const std::string& body) {
  IssueComment c;
  c.issue_id = v.issue.id;
  c.kind = kind;
  c.body = body;
  c.author_id = actor.user_id;
  c.author_login = actor.is_system() ? "system" : actor.login;
  c.author_name = actor.name;
  c.created_at = clock::NowIso();
  repo::InsertComment(s, c);
  if (kind == "comment") return;

  notify::Notification n;
  n.kind = "bulletin." + std::string(kind == "submit"   ? "submitted"
                                     : kind == "return" ? "returned"
                                                        : "approved");
  n.title_key = "notification." + n.kind;
  n.params = {{"number", std::to_string(v.issue.number)},
              {"year", std::to_string(v.issue.year)},
              {"comment", body}};
  n.body = kind == "return" ? body : IssueLabel(v);
  n.entity = "bulletin_issue";
  n.entity_id = std::to_string(v.issue.id);
  notify::Audience to;
  if (kind == "submit") {
    // Every approver of the series' staff: its owner and the organisations above it.
    auto tree = Tree(Actor::System());
    if (!tree.ok()) return;
    for (const orgs::Org& o : tree.value()->orgs()) {
      if (tree.value()->IsAtOrBelow(v.series.owner_org, o.code)) to.org_ids.push_back(o.id);
    }
    if (to.org_ids.empty()) return;
    to.role = kRoleApprover;
  } else {
    to.user_id = repo::LastSubmitter(s, v.issue.id);
    if (to.user_id == 0) return;
  }
  notify::Send(s, to, n);
}

Status BulletinService::CheckTypesettable(const Actor& actor, const IssueView& v) {
  JB_ASSIGN_OR_RETURN(auto orgs, orgs_->ListOrgs(actor));
  return render_gate_.Run([&]() -> Status {
    typeset::Issue whole = ToTypeset(v.issue, v.series, orgs);
    Status st = typesetter_->Paginate(whole).status();
    if (st.ok() || st.code() != Code::kInvalidArgument) return st;
    // Name the section at fault: lay out each alone until one fails the same way.
    for (size_t i = 0; i < whole.sections.size(); ++i) {
      typeset::Issue one = whole;
      one.sections = {whole.sections[i]};
      Status alone = typesetter_->Paginate(one).status();
      if (alone.ok() || alone.key() != st.key()) continue;
      return Status::Invalid("sections[" + std::to_string(i) + "].body", alone.key(),
                             "section " + std::to_string(i + 1) + " 「" + whole.sections[i].title +
                                 "」: " + alone.message());
    }
    return st;
  });
}

Result<IssueView> BulletinService::Submit(const Actor& actor, int64_t id) {
  std::optional<IssueView> loaded;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(loaded, Load(s, id));
    return Status::Ok();
  }));
  JB_RETURN_IF_ERROR(RequireStaff(actor, loaded->series, kRoleEditor));
  JB_RETURN_IF_ERROR(Next(loaded->issue.status, IssueAction::kSubmit).status());
  if (loaded->issue.sections.empty()) {
    return Status::Invalid("sections", "required", "an issue needs at least one section");
  }
  // The check publishing would make, now, while the editor can still fix it.
  JB_RETURN_IF_ERROR(CheckTypesettable(actor, *loaded));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleEditor));
    JB_ASSIGN_OR_RETURN(const IssueState next, Next(v.issue.status, IssueAction::kSubmit));
    if (v.issue.sections.empty()) {
      return Status::Invalid("sections", "required", "an issue needs at least one section");
    }
    IssueRecord after = v.issue;
    after.status = next;
    repo::UpdateIssue(s, after);
    Handoff(s, actor, v, "submit", "");
    orgs::Audit(s, actor, "bulletin.submit", "bulletin_issue", std::to_string(id),
                nlohmann::json{{"status", StateName(v.issue.status)}}.dump(),
                nlohmann::json{{"status", StateName(next)}}.dump());
    return Status::Ok();
  }));
  return GetIssue(actor, id);
}

Result<IssueView> BulletinService::Return(const Actor& actor, int64_t id,
                                          const std::string& comment_in) {
  JB_ASSIGN_OR_RETURN(const std::string comment, CheckComment(comment_in));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleApprover));
    JB_ASSIGN_OR_RETURN(const IssueState next, Next(v.issue.status, IssueAction::kReturn));
    IssueRecord after = v.issue;
    after.status = next;
    repo::UpdateIssue(s, after);
    Handoff(s, actor, v, "return", comment);
    orgs::Audit(s, actor, "bulletin.return", "bulletin_issue", std::to_string(id),
                nlohmann::json{{"status", StateName(v.issue.status)}}.dump(),
                nlohmann::json{{"status", StateName(next)}, {"comment", comment}}.dump());
    return Status::Ok();
  }));
  return GetIssue(actor, id);
}

Result<std::vector<IssueComment>> BulletinService::Comments(const Actor& actor, int64_t id) {
  std::vector<IssueComment> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    Status editor = RequireStaff(actor, v.series, kRoleEditor);
    if (!editor.ok() && !RequireStaff(actor, v.series, kRoleApprover).ok()) return editor;
    out = repo::ListComments(s, id);
    return Status::Ok();
  }));
  return out;
}

Result<IssueComment> BulletinService::AddComment(const Actor& actor, int64_t id,
                                                 const std::string& comment_in) {
  JB_ASSIGN_OR_RETURN(const std::string comment, CheckComment(comment_in));
  IssueComment out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    Status editor = RequireStaff(actor, v.series, kRoleEditor);
    if (!editor.ok() && !RequireStaff(actor, v.series, kRoleApprover).ok()) return editor;
    Handoff(s, actor, v, "comment", comment);
    std::vector<IssueComment> all = repo::ListComments(s, id);
    out = all.back();
    return Status::Ok();
  }));
  return out;
}

Status BulletinService::Discard(const Actor& actor, int64_t id) {
  return db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleEditor));
    JB_RETURN_IF_ERROR(Next(v.issue.status, IssueAction::kDiscard).status());
    for (const IssueComment& c : repo::ListComments(s, id)) {
      if (c.kind == "approve") {
        return Status::Conflict("was_signed",
                                "this issue was signed once; it can be corrected, not discarded");
      }
    }
    repo::DeleteIssue(s, id);
    orgs::Audit(s, actor, "bulletin.discard", "bulletin_issue", std::to_string(id),
                nlohmann::json{{"series", v.series.code},
                               {"year", v.issue.year},
                               {"number", v.issue.number},
                               {"revision", v.issue.revision}}
                    .dump(),
                "");
    return Status::Ok();
  });
}

}  // namespace jianbao::bulletins
