// Copyright 2026 The Jianbao Authors.
//
// Comments on a piece and the notifications they cause.

#include <soci/soci.h>

#include "core/text.h"
#include "notify/notify.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

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
      NotifyFor(s, scope, p, "submission.comment");
    } else if (!from_editor && p.state != kDraft) {
      NotifyFor(s, scope, p, "submission.comment_for_editor");
    }
    return Status::Ok();
  }));
  return c;
}

}  // namespace jianbao::submissions
