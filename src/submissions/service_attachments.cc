// Copyright 2026 The Jianbao Authors.
//
// Attachments: add (type sniffed from the bytes), fetch and delete.

#include <soci/soci.h>

#include "core/bytes.h"
#include "core/image_size.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"
#include "submissions/sniff.h"

namespace jianbao::submissions {

Result<Attachment> SubmissionService::AddAttachment(const Actor& actor, int64_t id,
                                                    const std::string& name,
                                                    const std::string& bytes) {
  if (bytes.size() > max_attachment_bytes_) {
    return Status(
        Code::kPayloadTooLarge, "payload_too_large",
        "an attachment may have at most " + std::to_string(max_attachment_bytes_ >> 20) + " MiB",
        "file");
  }
  Attachment a;
  a.mime = SniffMime(bytes);
  if (a.mime.empty()) {
    return Status::Invalid("file", "unsupported_type",
                           "attachments may be PDF, PNG, JPEG, GIF, WebP, .docx, .xlsx or text");
  }
  a.piece_id = id;
  a.name = internal::CleanName(name, a.mime);
  JB_RETURN_IF_ERROR(image_size::Check(bytes, "file", a.name));
  a.size = static_cast<int64_t>(bytes.size());
  a.sha256 = jianbao::bytes::Sha256Hex(bytes);
  a.data = bytes;
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(Piece p, LoadVisible(s, actor, scope, id));
    JB_RETURN_IF_ERROR(CheckEdit(actor, scope, p));
    a.created_at = now_();
    a.id = repo::InsertAttachment(s, a, actor.user_id, a.created_at);
    orgs::Audit(s, actor, "submission.attachment_add", "submission", std::to_string(id), "",
                nlohmann::json{{"attachment_id", a.id},
                               {"name", a.name},
                               {"mime", a.mime},
                               {"size", a.size},
                               {"sha256", a.sha256}}
                    .dump());
    return Status::Ok();
  }));
  a.data.clear();
  return a;
}

Result<Attachment> SubmissionService::GetAttachment(const Actor& actor, int64_t id,
                                                    int64_t attachment_id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::optional<Attachment> a;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_RETURN_IF_ERROR(LoadVisible(s, actor, scope, id).status());
    a = repo::FindAttachment(s, id, attachment_id);
    return Status::Ok();
  }));
  if (!a) return Status::NotFound("attachment_not_found", "no such attachment");
  return *a;
}

Status SubmissionService::DeleteAttachment(const Actor& actor, int64_t id, int64_t attachment_id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  return db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(Piece p, LoadVisible(s, actor, scope, id));
    JB_RETURN_IF_ERROR(CheckEdit(actor, scope, p));
    std::optional<Attachment> a = repo::FindAttachment(s, id, attachment_id);
    if (!a) return Status::NotFound("attachment_not_found", "no such attachment");
    repo::DeleteAttachment(s, id, attachment_id);
    orgs::Audit(
        s, actor, "submission.attachment_delete", "submission", std::to_string(id),
        nlohmann::json{{"attachment_id", a->id}, {"name", a->name}, {"sha256", a->sha256}}.dump(),
        "");
    return Status::Ok();
  });
}

}  // namespace jianbao::submissions
