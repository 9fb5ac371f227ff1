// Copyright 2026 The Jianbao Authors.
//
// Import: convert a .docx or .txt file, or turn it into a new draft whose
// images become attachments.

#include <soci/soci.h>

#include "core/bytes.h"
#include "core/text.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

Result<Imported> SubmissionService::Convert(const std::string& format,
                                            const std::string& bytes) const {
  Result<Imported> doc = Status::Invalid("format", "invalid_format", "format must be docx or txt");
  if (format == "docx") doc = ReadDocx(bytes, limits_);
  if (format == "txt") doc = ReadText(bytes, limits_);
  if (!doc.ok()) return doc;
  // Uploaded text bypasses the JSON check for control characters (which
  // would make every XML output of the piece unreadable): drop them here.
  doc->title = text::CleanControlChars(doc->title);
  doc->body = text::CleanControlChars(doc->body);
  return doc;
}

Result<Piece> SubmissionService::Import(const Actor& actor, const std::string& format,
                                        const std::string& bytes, const PieceInput& meta) {
  if (!actor.HasRole(kRoleReporter)) return Status::Denied("only reporters create pieces");
  JB_ASSIGN_OR_RETURN(Imported doc, Convert(format, bytes));
  PieceInput in = meta;
  if (!in.title)
    in.title = doc.title.empty() ? std::string("未命名稿件") : TitleFromText(doc.title);
  in.body = doc.body;
  if (!in.note) in.note = "imported from ." + format;
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  JB_ASSIGN_OR_RETURN(Piece p, PrepareDraft(actor, scope, in));
  // One transaction: the draft, its images and the rewritten body, or nothing.
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_RETURN_IF_ERROR(InsertDraft(s, actor, scope, in, &p));
    if (doc.images.empty()) return Status::Ok();
    std::string body = p.body;
    for (const ImportedImage& img : doc.images) {
      Attachment a{0,
                   p.id,
                   internal::CleanName(img.ref, img.mime),
                   img.mime,
                   jianbao::bytes::Sha256Hex(img.data),
                   p.created_at,
                   static_cast<int64_t>(img.data.size()),
                   img.data};
      a.id = repo::InsertAttachment(s, a, actor.user_id, p.created_at);
      const std::string from = "](" + img.ref + ")";
      const std::string to = "](/api/v1/submissions/" + std::to_string(p.id) + "/attachments/" +
                             std::to_string(a.id) + ")";
      for (size_t pos = body.find(from); pos != std::string::npos; pos = body.find(from, pos)) {
        body.replace(pos, from.size(), to);
        pos += to.size();
      }
    }
    p.body = body;
    repo::UpdateContent(s, p);
    repo::UpdateVersionBody(s, p.id, 1, body);
    return Status::Ok();
  }));
  Decorate(scope, &p);
  return p;
}

}  // namespace jianbao::submissions
