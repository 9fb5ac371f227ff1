// Copyright 2026 The Jianbao Authors.
//
// Pieces: create, show, list and change the content of a piece (a new version
// when title or body change).

#include <soci/soci.h>

#include <map>
#include <tuple>

#include "core/clock.h"
#include "core/markdown_images.h"
#include "core/markdown_limits.h"
#include "core/text.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

constexpr size_t kMaxTitleChars = 200;
constexpr size_t kMaxListItems = 20;

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
    JB_RETURN_IF_ERROR(markdown::CheckImages(*in.body));
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
  // A new or imported piece names its reporter as author unless told otherwise.
  if (!in.authors && !actor.name.empty()) p.authors = {actor.name};
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
  repo::InsertVersion(s, {p->id,
                          1,
                          p->title,
                          p->body,
                          actor.user_id,
                          actor.login,
                          in.note.value_or(""),
                          p->created_at,
                          {},
                          {}});
  orgs::Audit(s, actor, "submission.create", "submission", std::to_string(p->id), "",
              internal::AuditState(*p).dump());
  return Status::Ok();
}

Result<Piece> SubmissionService::Create(const Actor& actor, const PieceInput& in) {
  if (!in.title) return Status::Invalid("title", "required", "title is required");
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
  FillUsage({&view.piece});
  std::map<int64_t, Person> people;
  for (Event& e : view.events) std::tie(e.actor_name, e.actor_unit) = NameOf(e.actor_id, &people);
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

Result<Page<Piece>> SubmissionService::List(const Actor& actor, PieceFilter f) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  f.owner_org_ids.clear();
  f.target_org_ids.clear();
  f.hide_drafts_of_others = true;
  if (!actor.is_system()) {
    const bool reporter = actor.HasRole(kRoleReporter);
    const bool editor = actor.HasRole(kRoleEditor) && scope.association;
    if (!reporter && !editor) return Page<Piece>{};
    if (reporter) f.owner_org_ids = {actor.org_id};
    if (editor) f.target_org_ids = {scope.association};
  }
  if (!f.owner_org_code.empty()) {
    const orgs::Org* o = scope.FindCode(f.owner_org_code);
    if (!o) return Page<Piece>{};
    f.owner_org_id = o->id;
  }
  Page<Piece> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page = repo::ListPieces(s, f);
    return Status::Ok();
  }));
  std::vector<Piece*> items;
  for (Piece& p : page.items) {
    Decorate(scope, &p);
    items.push_back(&p);
  }
  FillUsage(items);
  return page;
}

void SubmissionService::FillUsage(std::vector<Piece*> pieces) const {
  if (!usage_.uses || pieces.empty()) return;
  std::vector<int64_t> ids;
  for (const Piece* p : pieces) ids.push_back(p->id);
  auto uses = usage_.uses(ids);
  if (!uses.ok()) return;
  for (Piece* p : pieces) {
    if (auto it = uses.value().find(p->id); it != uses.value().end()) p->used_in = it->second;
  }
}

Result<Page<Piece>> SubmissionService::List(const Actor& actor, const PieceQuery& q) {
  PieceFilter f;
  f.offset = q.page.offset();
  f.limit = q.page.page_size;
  for (const std::string& st : text::SplitCommas(q.states)) {
    if (!IsState(st)) return Status::Invalid("state", "invalid_state", "unknown state: " + st);
    f.states.push_back(st);
  }
  f.owner_org_code = q.org_code;
  f.text = q.text;
  for (auto [key, date, out, end] :
       {std::tuple{"from", &q.from, &f.from, false}, std::tuple{"to", &q.to, &f.to, true}}) {
    if (date->empty()) continue;
    if (!clock::IsValidDate(*date)) {
      return Status::Invalid(key, "invalid_date", std::string(key) + " is not a date");
    }
    *out = clock::FormatIso(end ? clock::ShanghaiDayEnd(*date) : clock::ShanghaiDayStart(*date));
  }
  f.commission_id = q.commission_id;
  if (q.unused && usage_.used_ids) {
    JB_ASSIGN_OR_RETURN(f.exclude_ids, usage_.used_ids());
  }
  return List(actor, f);
}

Result<Piece> SubmissionService::Update(const Actor& actor, int64_t id, const PieceInput& in) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  Piece p;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(p, LoadVisible(s, actor, scope, id));
    JB_RETURN_IF_ERROR(CheckEdit(actor, scope, p));
    // Compare-and-set: of two editors who loaded the same edit version one wins.
    JB_RETURN_IF_ERROR(repo::ClaimEditVersion(s, id, in.edit_version, EditorName(actor), now_()));
    if (in.target_code && (p.commission_id || p.state != kDraft)) {
      return Status::Invalid("target", "target_not_allowed",
                             "the association can only change on an uncommissioned draft");
    }
    const Piece before = p;
    JB_RETURN_IF_ERROR(ApplyContent(scope, actor, in, &p));
    p.updated_at = now_();
    const bool autosave = in.autosave && !in.note;
    if (!autosave) repo::CloseVersions(s, p.id);
    if (p.title != before.title || p.body != before.body) {
      const Version v{p.id,        before.version + 1,   p.title,      p.body, actor.user_id,
                      actor.login, in.note.value_or(""), p.updated_at, {},     {}};
      if (autosave && repo::IsOpenVersion(s, p.id, before.version, actor.user_id)) {
        repo::RewriteVersion(s, {p.id,
                                 before.version,
                                 p.title,
                                 p.body,
                                 actor.user_id,
                                 actor.login,
                                 "",
                                 p.updated_at,
                                 {},
                                 {}});
      } else {
        p.version = v.number;
        repo::InsertVersion(s, v, autosave);
      }
    }
    repo::UpdateContent(s, p);
    p.edit = {p.edit.version + 1, EditorName(actor), p.updated_at};
    orgs::Audit(s, actor, "submission.update", "submission", std::to_string(p.id),
                internal::AuditState(before).dump(), internal::AuditState(p).dump());
    return Status::Ok();
  }));
  Decorate(scope, &p);
  return p;
}

}  // namespace jianbao::submissions
