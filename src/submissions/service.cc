// Copyright 2026 The Jianbao Authors.

#include "submissions/service.h"

#include <soci/soci.h>

#include "core/clock.h"
#include "core/markdown_limits.h"
#include "core/text.h"
#include "orgs/service.h"
#include "submissions/body_images.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

constexpr size_t kMaxTitleChars = 200;
constexpr size_t kMaxListItems = 20;

namespace internal {

nlohmann::json AuditState(const Piece& p) {
  return {{"state", p.state}, {"version", p.version}, {"title", p.title}};
}

Status PieceNotFound(int64_t id) {
  return Status::NotFound("submission_not_found", "no such piece: " + std::to_string(id));
}

}  // namespace internal

const orgs::Org* SubmissionService::Scope::Find(int64_t id) const {
  for (const orgs::Org& o : orgs) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

const orgs::Org* SubmissionService::Scope::FindCode(const std::string& code) const {
  for (const orgs::Org& o : orgs) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

int64_t SubmissionService::Scope::AssociationOf(int64_t org) const {
  for (int depth = 0; depth < 32 && org; ++depth) {
    const orgs::Org* o = Find(org);
    if (!o) return 0;
    if (internal::IsAssociationKind(o->kind)) return o->id;
    org = o->parent_id;
  }
  return 0;
}

std::vector<int64_t> SubmissionService::Scope::StaffOrgs(int64_t association) const {
  std::vector<int64_t> out = {association};
  for (const orgs::Org& o : orgs) {
    if (o.parent_id == association && o.kind == "secretariat") out.push_back(o.id);
  }
  return out;
}

bool SubmissionService::Scope::IsAtOrAbove(int64_t ancestor, int64_t org) const {
  for (int depth = 0; depth < 32 && org; ++depth) {
    if (org == ancestor) return true;
    const orgs::Org* o = Find(org);
    org = o ? o->parent_id : 0;
  }
  return false;
}

SubmissionService::SubmissionService(store::Database* db, orgs::OrgService* orgs,
                                     const Config& config)
    : db_(db),
      orgs_(orgs),
      max_attachment_bytes_(static_cast<size_t>(config.GetInt("submissions.max_attachment_mb", 10))
                            << 20),
      now_([] { return clock::NowIso(); }) {
  limits_.max_input_bytes = static_cast<size_t>(config.GetInt("submissions.max_import_mb", 20))
                            << 20;
}

Result<SubmissionService::Scope> SubmissionService::LoadScope(const Actor& actor) {
  Scope scope;
  JB_ASSIGN_OR_RETURN(scope.orgs, orgs_->ListOrgs(actor));
  scope.association = scope.AssociationOf(actor.org_id);
  const orgs::Org* own = scope.Find(actor.org_id);
  for (int64_t up = own ? own->parent_id : 0; up;) {
    const orgs::Org* o = scope.Find(up);
    if (!o) break;
    if (internal::IsAssociationKind(o->kind)) scope.targets.push_back(o->id);
    up = o->parent_id;
  }
  return scope;
}

std::vector<std::string> SubmissionService::Relations(const Actor& actor, const Scope& scope,
                                                      const Piece& p) const {
  std::vector<std::string> out;
  if (actor.is_system() || (actor.HasRole(kRoleReporter) && actor.org_id == p.owner_org_id)) {
    out.push_back("reporter");
  }
  if (actor.is_system() ||
      (actor.HasRole(kRoleEditor) && scope.association && scope.association == p.target_org_id)) {
    out.push_back("editor");
  }
  return out;
}

bool SubmissionService::CanSee(const Actor& actor, const Scope& scope, const Piece& p) const {
  for (const std::string& r : Relations(actor, scope, p)) {
    if (r == "reporter" || p.state != kDraft) return true;
  }
  return false;
}

void SubmissionService::Decorate(const Scope& scope, Piece* p) const {
  if (const orgs::Org* o = scope.Find(p->owner_org_id)) {
    p->owner_org_code = o->code;
    p->owner_org_name = o->name;
  }
  if (const orgs::Org* o = scope.Find(p->target_org_id)) {
    p->target_org_code = o->code;
    p->target_org_name = o->name;
  }
}

Result<Piece> SubmissionService::LoadVisible(soci::session& s, const Actor& actor,
                                             const Scope& scope, int64_t id) {
  std::optional<Piece> p = repo::FindPiece(s, id);
  if (!p || !CanSee(actor, scope, *p)) return internal::PieceNotFound(id);
  Decorate(scope, &*p);
  return *p;
}

Status SubmissionService::CheckEdit(const Actor& actor, const Scope& scope, const Piece& p) const {
  for (const std::string& r : Relations(actor, scope, p)) {
    if (FindTransition(p.state, kActionEdit, r)) return Status::Ok();
  }
  return Status::Conflict("invalid_transition",
                          "this piece cannot be changed by you in state " + p.state, "state");
}

Result<std::vector<orgs::Org>> SubmissionService::Targets(const Actor& actor) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::vector<orgs::Org> out;
  for (int64_t id : scope.targets) out.push_back(*scope.Find(id));
  return out;
}

Result<int64_t> SubmissionService::ResolveTarget(const Scope& scope,
                                                 const std::optional<std::string>& code,
                                                 int64_t fallback) {
  if (!code || code->empty()) {
    if (fallback) return fallback;
    if (scope.targets.empty()) {
      return Status::Invalid("target", "target_not_allowed",
                             "your organisation has no association above it to report to");
    }
    return scope.targets.front();
  }
  const orgs::Org* o = scope.FindCode(*code);
  if (!o || std::find(scope.targets.begin(), scope.targets.end(), o->id) == scope.targets.end()) {
    return Status::Invalid("target", "target_not_allowed",
                           "a piece can only be offered to an association above your organisation");
  }
  return o->id;
}

Status SubmissionService::ApplyContent(const Scope& scope, const Actor& actor, const PieceInput& in,
                                       Piece* p) {
  auto check = [](const std::string& field, const std::string& v, size_t max) -> Status {
    if (!text::IsValidUtf8(v))
      return Status::Invalid(field, "invalid_utf8", field + " is not UTF-8");
    if (text::CodePointCount(v) > max)
      return Status::Invalid(field, "too_long", field + " is too long");
    return Status::Ok();
  };
  if (in.title) {
    const std::string t = text::Trim(*in.title);
    if (t.empty()) return Status::Invalid("title", "required", "title is required");
    JB_RETURN_IF_ERROR(check("title", t, kMaxTitleChars));
    p->title = t;
  }
  if (in.body) {
    JB_RETURN_IF_ERROR(check("body", *in.body, limits_.max_body_bytes));
    if (in.body->size() > limits_.max_body_bytes) {
      return Status::Invalid("body", "too_long", "body is too long");
    }
    JB_RETURN_IF_ERROR(markdown::CheckShape(*in.body, "body"));
    JB_RETURN_IF_ERROR(CheckBodyImages(*in.body));
    p->body = *in.body;
  }
  if (in.contact) {
    JB_RETURN_IF_ERROR(check("contact", *in.contact, 200));
    p->contact = text::Trim(*in.contact);
  }
  for (auto [field, src, dst] :
       {std::tuple{"authors", &in.authors, &p->authors}, std::tuple{"tags", &in.tags, &p->tags}}) {
    if (!*src) continue;
    if ((*src)->size() > kMaxListItems) {
      return Status::Invalid(field, "too_many", std::string(field) + " has too many items");
    }
    dst->clear();
    for (const std::string& v : **src) {
      JB_RETURN_IF_ERROR(check(field, v, 50));
      if (!text::Trim(v).empty()) dst->push_back(text::Trim(v));
    }
  }
  if (in.target_code) {
    JB_ASSIGN_OR_RETURN(p->target_org_id, ResolveTarget(scope, in.target_code, 0));
  }
  return Status::Ok();
}

Result<Piece> SubmissionService::PrepareDraft(const Actor& actor, const Scope& scope,
                                              const PieceInput& in) {
  if (!actor.HasRole(kRoleReporter)) return Status::Denied("only reporters create pieces");
  if (!in.title) return Status::Invalid("title", "required", "title is required");
  Piece p;
  p.state = kDraft;
  p.owner_org_id = actor.org_id;
  p.created_by = actor.user_id;
  p.created_by_login = actor.login;
  p.created_by_name = actor.name;
  p.created_at = p.updated_at = now_();
  JB_RETURN_IF_ERROR(ApplyContent(scope, actor, in, &p));
  return p;
}

Status SubmissionService::InsertDraft(soci::session& s, const Actor& actor, const Scope& scope,
                                      const PieceInput& in, Piece* p) {
  int64_t fallback = 0;
  if (in.commission_id) {
    std::optional<Commission> c = repo::FindCommission(s, in.commission_id);
    if (!c || c->org_id != actor.org_id) {
      return Status::Invalid("commission_id", "commission_not_found", "no such commission");
    }
    if (c->status != "open") {
      return Status::Conflict("commission_closed", "the commission is closed", "commission_id");
    }
    p->commission_id = c->id;
    p->commission_deadline_at = c->deadline_at;
    fallback = c->requester_org_id;
    if (in.target_code) {
      return Status::Invalid("target", "target_not_allowed",
                             "a commissioned piece goes to the association that asked for it");
    }
  }
  if (!p->target_org_id) {
    JB_ASSIGN_OR_RETURN(p->target_org_id, ResolveTarget(scope, {}, fallback));
  }
  p->id = repo::InsertPiece(s, *p);
  repo::InsertVersion(s, {p->id, 1, p->title, p->body, actor.user_id, actor.login,
                          in.note.value_or(""), p->created_at});
  orgs::Audit(s, actor, "submission.create", "submission", std::to_string(p->id), "",
              internal::AuditState(*p).dump());
  return Status::Ok();
}

Result<Piece> SubmissionService::Create(const Actor& actor, const PieceInput& in) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  JB_ASSIGN_OR_RETURN(Piece p, PrepareDraft(actor, scope, in));
  JB_RETURN_IF_ERROR(
      db_->Write([&](soci::session& s) { return InsertDraft(s, actor, scope, in, &p); }));
  Decorate(scope, &p);
  return p;
}

Result<PieceView> SubmissionService::Get(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  PieceView view;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(view.piece, LoadVisible(s, actor, scope, id));
    view.events = repo::ListEvents(s, id);
    view.attachments = repo::ListAttachments(s, id);
    return Status::Ok();
  }));
  for (const std::string& r : Relations(actor, scope, view.piece)) {
    for (const Transition& t : Transitions()) {
      if (t.from == view.piece.state && t.role == r &&
          std::find(view.actions.begin(), view.actions.end(), t.action) == view.actions.end()) {
        view.actions.push_back(t.action);
      }
    }
  }
  return view;
}

Result<PageOf<Piece>> SubmissionService::List(const Actor& actor, PieceFilter f) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  f.owner_org_ids.clear();
  f.target_org_ids.clear();
  f.hide_drafts_of_others = true;
  if (!actor.is_system()) {
    const bool reporter = actor.HasRole(kRoleReporter);
    const bool editor = actor.HasRole(kRoleEditor) && scope.association;
    if (!reporter && !editor) return PageOf<Piece>{};
    if (reporter) f.owner_org_ids = {actor.org_id};
    if (editor) f.target_org_ids = {scope.association};
  }
  if (!f.owner_org_code.empty()) {
    const orgs::Org* o = scope.FindCode(f.owner_org_code);
    if (!o) return PageOf<Piece>{};
    f.owner_org_id = o->id;
  }
  PageOf<Piece> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page = repo::ListPieces(s, f);
    return Status::Ok();
  }));
  for (Piece& p : page.items) Decorate(scope, &p);
  return page;
}

Result<Piece> SubmissionService::Update(const Actor& actor, int64_t id, const PieceInput& in) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  Piece p;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(p, LoadVisible(s, actor, scope, id));
    JB_RETURN_IF_ERROR(CheckEdit(actor, scope, p));
    if (in.target_code && (p.commission_id || p.state != kDraft)) {
      return Status::Invalid("target", "target_not_allowed",
                             "the association can only change on an uncommissioned draft");
    }
    const Piece before = p;
    JB_RETURN_IF_ERROR(ApplyContent(scope, actor, in, &p));
    p.updated_at = now_();
    if (p.title != before.title || p.body != before.body) {
      p.version = before.version + 1;
      repo::InsertVersion(s, {p.id, p.version, p.title, p.body, actor.user_id, actor.login,
                              in.note.value_or(""), p.updated_at});
    }
    repo::UpdateContent(s, p);
    orgs::Audit(s, actor, "submission.update", "submission", std::to_string(p.id),
                internal::AuditState(before).dump(), internal::AuditState(p).dump());
    return Status::Ok();
  }));
  Decorate(scope, &p);
  return p;
}

}  // namespace jianbao::submissions
