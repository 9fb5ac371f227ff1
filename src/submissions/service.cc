// Copyright 2026 The Jianbao Authors.
//
// The service's shared core: the actor's scope in the organisation tree, who
// may see and edit a piece, and the associations a piece may be offered to.

#include "submissions/service.h"

#include <soci/soci.h>

#include "core/clock.h"
#include "core/markdown_limits.h"
#include "core/messages.h"
#include "core/text.h"
#include "orgs/service.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"
#include "submissions/sniff.h"

namespace jianbao::submissions {

namespace internal {

nlohmann::json AuditState(const Piece& p) {
  return {{"state", p.state}, {"version", p.version}, {"title", p.title}};
}

Status PieceNotFound(int64_t id) {
  return Status::NotFound("submission_not_found", "no such piece: " + std::to_string(id));
}

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

}  // namespace internal

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
  for (const orgs::Org& o : orgs()) {
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
  // The notification titles this service sends live in its catalogue; adding it
  // here (idempotent) lets Send store their Chinese text even before
  // cli/wiring.cc adds every catalogue (the demo loader runs first).
  messages::Add(Messages());
  limits_.max_input_bytes = static_cast<size_t>(config.GetInt("submissions.max_import_mb", 20))
                            << 20;
}

Result<SubmissionService::Scope> SubmissionService::LoadScope(const Actor& actor) {
  Scope scope;
  JB_ASSIGN_OR_RETURN(scope.tree, orgs_->Tree(actor));
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

std::vector<std::string> SubmissionService::SearchReadersOf(const Piece& p) {
  std::vector<std::string> out = {"reporter:" + std::to_string(p.owner_org_id)};
  if (p.state != kDraft && p.target_org_id) {
    out.push_back("editor:" + std::to_string(p.target_org_id));
  }
  return out;
}

Result<std::vector<std::string>> SubmissionService::SearchReaders(const Actor& actor) {
  if (actor.is_system()) return std::vector<std::string>{"*"};
  std::vector<std::string> out;
  if (actor.HasRole(kRoleReporter)) out.push_back("reporter:" + std::to_string(actor.org_id));
  if (actor.HasRole(kRoleEditor)) {
    JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
    if (scope.association) out.push_back("editor:" + std::to_string(scope.association));
  }
  return out;
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

}  // namespace jianbao::submissions
