// Copyright 2026 The Jianbao Authors.
//
// Attachments, import and commissioning (约稿).

#include <soci/soci.h>

#include "core/bytes.h"
#include "core/clock.h"
#include "core/image_size.h"
#include "core/text.h"
#include "notify/notify.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"
#include "submissions/sniff.h"

namespace jianbao::submissions {
namespace {

// Keeps the last path component, without control characters, at most 120 characters.
std::string CleanName(const std::string& name, const std::string& mime) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"') out += c;
  }
  out = text::Trim(out);
  if (out.empty() || !text::IsValidUtf8(out) || text::CodePointCount(out) > 120) {
    out = "attachment" + ExtensionFor(mime);
  }
  return out;
}

Status CommissionNotFound() {
  return Status::NotFound("commission_not_found", "no such commission");
}

}  // namespace

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
  a.name = CleanName(name, a.mime);
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

Result<Imported> SubmissionService::Convert(const std::string& format,
                                            const std::string& bytes) const {
  if (format == "docx") return ReadDocx(bytes, limits_);
  if (format == "txt") return ReadText(bytes, limits_);
  return Status::Invalid("format", "invalid_format", "format must be docx or txt");
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
                   CleanName(img.ref, img.mime),
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
  c.deadline_at = clock::FormatIso((clock::DaysFromDate(in.deadline) + 1) * 86400 - 8 * 3600);
  c.status = "open";
  c.created_by = actor.user_id;
  c.created_by_login = actor.login;
  c.created_at = now_();
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    c.id = repo::InsertCommission(s, c);
    orgs::Audit(
        s, actor, "commission.create", "commission", std::to_string(c.id), "",
        nlohmann::json{{"topic", c.topic}, {"org", org->code}, {"deadline", c.deadline}}.dump());
    notify::Notification n{0,
                           "commission.created",
                           "收到约稿：" + c.topic,
                           c.description,
                           "commission",
                           std::to_string(c.id),
                           "",
                           false};
    notify::Send(s, {0, {c.org_id}, kRoleReporter}, n);
    return Status::Ok();
  }));
  c.org_code = org->code;
  c.org_name = org->name;
  if (const orgs::Org* r = scope.Find(c.requester_org_id)) c.requester_org_code = r->code;
  return c;
}

Result<PageOf<Commission>> SubmissionService::ListCommissions(const Actor& actor,
                                                              const std::string& status, int offset,
                                                              int limit) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::vector<int64_t> requesters, orgs;
  if (!actor.is_system()) {
    if (actor.HasRole(kRoleEditor) && scope.association) requesters.push_back(scope.association);
    if (actor.HasRole(kRoleReporter)) orgs.push_back(actor.org_id);
    if (requesters.empty() && orgs.empty()) return PageOf<Commission>{};
  }
  PageOf<Commission> page;
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
