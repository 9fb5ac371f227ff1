// Copyright 2026 The Jianbao Authors.
//
// Notices (通知、慰问信、倡议书): drafts, sending, reading, 签收, receipts,
// reminders, recipient groups and the red-header PDF.

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/edit_version.h"
#include "core/markdown_limits.h"
#include "core/text.h"
#include "members/notices.h"
#include "members/repository_notices.h"
#include "members/service_internal.h"
#include "notify/notify.h"
#include "orgs/repository.h"
#include "orgs/service.h"
#include "typeset/typeset.h"

namespace jianbao::members {
namespace {

using internal::Scope;

const std::vector<std::string> kKinds = {"notice", "sympathy", "initiative"};

Status NotFound() { return Status::NotFound("notice_not_found", "no such notice"); }

Status RequireAssociation(const Scope& scope) {
  if (scope.system() || scope.association()) return Status::Ok();
  return Status::Denied("only association staff write and send notices");
}

// The association a notice belongs to when the actor writes one.
int64_t OwnerOf(const Scope& scope, const Actor& actor) {
  return scope.system() ? actor.org_id : scope.root();
}

// True when the actor's association owns the notice (the system: always).
bool Owns(const Scope& scope, const repo::NoticeRow& r) {
  return scope.system() || (scope.association() && r.org_id == scope.root());
}

Status CheckText(const std::string& field, const std::string& v, size_t max_chars) {
  if (!text::IsValidUtf8(v)) return Status::Invalid(field, "invalid_utf8", field + ": not UTF-8");
  if (text::CodePointCount(v) > max_chars) {
    return Status::Invalid(field, "too_long", field + " is too long");
  }
  return Status::Ok();
}

// Checks the input and resolves recipients and groups to organisation ids
// (in order, without duplicates).
Result<std::vector<int64_t>> CheckInput(soci::session& s, const Scope& scope, int64_t owner,
                                        NoticeInput* in) {
  in->title = text::Trim(in->title);
  if (in->title.empty()) return Status::Invalid("title", "required", "title is required");
  JB_RETURN_IF_ERROR(CheckText("title", in->title, kMaxNoticeTitleChars));
  if (std::find(kKinds.begin(), kKinds.end(), in->kind) == kKinds.end()) {
    return Status::Invalid("kind", "invalid_notice_kind", "kind: notice, sympathy or initiative");
  }
  if (text::Trim(in->body).empty()) return Status::Invalid("body", "required", "body is required");
  if (in->body.size() > kMaxNoticeBodyBytes) {
    return Status::Invalid("body", "too_long", "body is too long");
  }
  if (!text::IsValidUtf8(in->body)) {
    return Status::Invalid("body", "invalid_utf8", "body: not UTF-8");
  }
  JB_RETURN_IF_ERROR(markdown::CheckShape(in->body, "body"));
  std::vector<int64_t> ids;
  auto add = [&](const std::string& code, const std::string& field) -> Status {
    const orgs::Org* o = scope.Find(code);
    if (!o) {
      return Status::Invalid(field, "org_not_found", "no organisation " + code)
          .set_text("code", code);
    }
    if (o->id == owner || !(scope.system() || scope.IsAtOrBelow(o->id, owner))) {
      return Status::Invalid(field, "recipient_outside_scope", code + " is outside the association")
          .set_text("code", code);
    }
    if (std::find(ids.begin(), ids.end(), o->id) == ids.end()) ids.push_back(o->id);
    return Status::Ok();
  };
  if (in->recipients.size() > 5000) {
    return Status::Invalid("recipients", "too_long", "too many recipients");
  }
  for (const std::string& code : in->recipients) JB_RETURN_IF_ERROR(add(code, "recipients"));
  for (int64_t gid : in->groups) {
    auto g = repo::FindGroup(s, gid);
    if (!g || g->second != owner) {
      return Status::Invalid("groups", "group_not_found", "no such recipient group");
    }
    for (const NoticeOrg& o : g->first.orgs) JB_RETURN_IF_ERROR(add(o.code, "groups"));
  }
  return ids;
}

// Loads a notice the actor may see: its association's staff, or a recipient
// of a sent one (the actor's organisation is a recipient).
Result<repo::NoticeRow> Visible(soci::session& s, const Scope& scope, const Actor& actor,
                                int64_t id) {
  std::optional<repo::NoticeRow> r = repo::FindNotice(s, id);
  if (!r) return NotFound();
  if (Owns(scope, *r)) return *r;
  if (r->notice.status != "sent") return NotFound();
  const std::string own = [&] {
    const orgs::Org* o = scope.Find(actor.org_id);
    return o ? o->code : std::string();
  }();
  for (const NoticeOrg& o : r->notice.recipients) {
    if (o.code == own) {
      r->notice.recipient = true;
      return *r;
    }
  }
  return NotFound();
}

Result<repo::NoticeRow> Owned(soci::session& s, const Scope& scope, int64_t id) {
  JB_RETURN_IF_ERROR(RequireAssociation(scope));
  std::optional<repo::NoticeRow> r = repo::FindNotice(s, id);
  if (!r || !Owns(scope, *r)) return NotFound();
  return *r;
}

receipts::Summary SummaryOf(soci::session& s, int64_t id) {
  const receipts::DocRef doc{"notice", id};
  receipts::Summary sum = receipts::Aggregate(
      receipts::People(s, doc), repo::NoticeRecipients(s, id), receipts::Reminders(s, doc));
  receipts::AddMailStatus(s, doc, &sum);
  return sum;
}

void FillCounts(soci::session& s, Notice* n) {
  if (n->status != "sent") return;
  const receipts::Summary sum = SummaryOf(s, n->id);
  n->units_total = sum.units_total;
  n->units_read = sum.units_read;
  n->units_acknowledged = sum.units_acknowledged;
}

void FillCopy(soci::session& s, const Actor& actor, Notice* n) {
  auto copy = receipts::CopyOf(s, {"notice", n->id}, actor.user_id);
  if (!copy) return;
  n->recipient = true;
  n->read_at = copy->read_at;
  n->acknowledged_at = copy->acknowledged_at;
}

// Returns the Shanghai date of a UTC "YYYY-MM-DDTHH:MM:SSZ" (today when malformed).
std::string ShanghaiDateOfIso(const std::string& iso) {
  if (iso.size() < 19 || !clock::IsValidDate(iso.substr(0, 10))) return clock::TodayShanghai();
  const int64_t unix = clock::DaysFromDate(iso.substr(0, 10)) * 86400 +
                       std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60;
  return clock::ShanghaiDate(unix);
}

std::string KindLabel(const std::string& kind) {
  return kind == "sympathy" ? "慰问信" : kind == "initiative" ? "倡议书" : "通知";
}

}  // namespace

Result<Notice> NoticeService::Create(const Actor& actor, const NoticeInput& input) {
  NoticeInput in = input;
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireAssociation(*scope));
    const int64_t owner = OwnerOf(*scope, actor);
    if (!scope->Find(owner)) return Status::Denied("the actor has no association");
    JB_ASSIGN_OR_RETURN(std::vector<int64_t> org_ids, CheckInput(s, *scope, owner, &in));
    Notice n;
    n.kind = in.kind;
    n.title = in.title;
    n.body = in.body;
    id = repo::InsertNotice(s, n, owner, actor.user_id, clock::NowIso());
    repo::SetNoticeRecipients(s, id, org_ids);
    orgs::Audit(s, actor, "notice.create", "notice", std::to_string(id), "",
                nlohmann::json{{"title", n.title}, {"kind", n.kind}}.dump());
    return Status::Ok();
  }));
  return Get(actor, id);
}

Result<Notice> NoticeService::Update(const Actor& actor, int64_t id, const NoticeInput& input) {
  NoticeInput in = input;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Owned(s, *scope, id));
    if (r.notice.status != "draft") {
      return Status::Conflict("notice_not_draft", "a sent notice cannot be changed");
    }
    JB_RETURN_IF_ERROR(CheckVersion(
        in.version, EditStamp{r.notice.version, r.notice.author, r.notice.updated_at}));
    JB_ASSIGN_OR_RETURN(std::vector<int64_t> org_ids, CheckInput(s, *scope, r.org_id, &in));
    Notice n = r.notice;
    n.kind = in.kind;
    n.title = in.title;
    n.body = in.body;
    repo::UpdateNotice(s, n, std::nullopt, clock::NowIso());
    repo::SetNoticeRecipients(s, id, org_ids);
    orgs::Audit(s, actor, "notice.update", "notice", std::to_string(id),
                nlohmann::json{{"title", r.notice.title}}.dump(),
                nlohmann::json{{"title", n.title}}.dump());
    return Status::Ok();
  }));
  return Get(actor, id);
}

Result<Notice> NoticeService::Send(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Owned(s, *scope, id));
    if (r.notice.status != "draft") {
      return Status::Conflict("notice_not_draft", "the notice was already sent");
    }
    const std::vector<receipts::RecipientOrg> to = repo::NoticeRecipients(s, id);
    if (to.empty()) {
      return Status::Invalid("recipients", "required", "choose at least one recipient");
    }
    const std::string now = clock::NowIso();
    std::vector<receipts::Person> people;
    std::vector<int64_t> org_ids;
    for (const receipts::RecipientOrg& o : to) {
      org_ids.push_back(o.id);
      orgs::UserFilter f;
      f.org_ids = {o.id};
      f.limit = 1000;
      const size_t before = people.size();
      for (const orgs::User& u : orgs::repo::ListUsers(s, f).items) {
        if (u.disabled) continue;
        receipts::Person p;
        p.user_id = u.id;
        people.push_back(p);
      }
      // An external unit (no accounts) with a contact address gets the
      // notice by e-mail, its PDF attached (MailContent).
      if (people.size() == before && mailer_ && !o.email.empty()) {
        receipts::QueueDocument(s, {"notice", id}, o, now);
      }
    }
    receipts::Deliver(s, {"notice", id}, people, now);
    repo::MarkNoticeSent(s, id, now);
    notify::Notification n;
    n.kind = "notice.received";
    n.title_key = "notification.notice.received";
    n.params = {{"title", r.notice.title}, {"sender", r.notice.sender.name}};
    n.body = r.notice.title;
    n.entity = "notice";
    n.entity_id = std::to_string(id);
    notify::Audience audience;
    audience.org_ids = org_ids;
    notify::Send(s, audience, n);
    orgs::Audit(s, actor, "notice.send", "notice", std::to_string(id), "",
                nlohmann::json{{"units", to.size()}, {"people", people.size()}}.dump());
    if (sent_hook_) sent_hook_(s, r.org_id, r.notice);
    return Status::Ok();
  }));
  if (mailer_) mailer_->Wake();
  return Get(actor, id);
}

Result<Page<Notice>> NoticeService::List(const Actor& actor, const NoticeFilter& filter,
                                         const PageRequest& page) {
  if (!filter.status.empty() && filter.status != "draft" && filter.status != "sent") {
    return Status::Invalid("status", "invalid_notice_status", "status: draft or sent");
  }
  if (!filter.kind.empty() &&
      std::find(kKinds.begin(), kKinds.end(), filter.kind) == kKinds.end()) {
    return Status::Invalid("kind", "invalid_notice_kind", "kind: notice, sympathy or initiative");
  }
  Page<Notice> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    Page<repo::NoticeRow> rows;
    if (scope->system()) {
      rows = repo::ListNotices(s, 0, 0, filter, page.offset(), page.page_size);
    } else if (scope->association()) {
      // Their association's notices, and those sent to the actor's organisation
      // (a provincial association receives the national one's).
      rows =
          repo::ListNotices(s, scope->root(), actor.org_id, filter, page.offset(), page.page_size);
    } else {
      // Any other user reads what was sent to their organisation.
      rows = repo::ListNotices(s, 0, actor.org_id > 0 ? actor.org_id : -1, filter, page.offset(),
                               page.page_size);
    }
    out.total = rows.total;
    for (repo::NoticeRow& r : rows.items) {
      r.notice.body.clear();  // lists carry no bodies
      if (Owns(*scope, r)) {
        FillCounts(s, &r.notice);
      } else {
        FillCopy(s, actor, &r.notice);
      }
      out.items.push_back(std::move(r.notice));
    }
    return Status::Ok();
  }));
  return out;
}

Result<Notice> NoticeService::Get(const Actor& actor, int64_t id) {
  // Opening a notice as a recipient counts as read: a Write when it does.
  std::optional<Notice> out;
  bool mark = false;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Visible(s, *scope, actor, id));
    out = r.notice;
    if (Owns(*scope, r)) FillCounts(s, &*out);
    FillCopy(s, actor, &*out);
    mark = out->recipient && out->read_at.empty();
    return Status::Ok();
  }));
  if (!mark) return *out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    const std::string now = clock::NowIso();
    if (receipts::Mark(s, {"notice", id}, actor.user_id, false, now)) {
      orgs::Audit(s, actor, "notice.read", "notice", std::to_string(id), "", "");
      out->read_at = now;
    }
    return Status::Ok();
  }));
  return *out;
}

Result<Notice> NoticeService::Acknowledge(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Visible(s, *scope, actor, id));
    (void)r;
    if (!receipts::Mark(s, {"notice", id}, actor.user_id, true, clock::NowIso())) {
      return NotFound();
    }
    orgs::Audit(s, actor, "notice.acknowledge", "notice", std::to_string(id), "", "");
    return Status::Ok();
  }));
  return Get(actor, id);
}

Result<NoticeReceipts> NoticeService::Receipts(const Actor& actor, int64_t id) {
  NoticeReceipts out;
  out.notice_id = id;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Owned(s, *scope, id));
    out.title = r.notice.title;
    if (r.notice.status == "sent") out.summary = SummaryOf(s, id);
    return Status::Ok();
  }));
  return out;
}

Result<receipts::RemindResult> NoticeService::Remind(const Actor& actor, int64_t id,
                                                     const std::vector<std::string>& units) {
  std::optional<receipts::RemindResult> out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Owned(s, *scope, id));
    if (r.notice.status != "sent") {
      return Status::Conflict("notice_not_sent", "a draft has no recipients to remind");
    }
    receipts::RemindRequest req;
    req.doc = {"notice", id};
    req.title = r.notice.title;
    req.entity = "notice";
    req.link = "/notices/" + std::to_string(id);
    req.units = units;
    req.now_unix = clock::NowUnix();
    req.mail = mailer_ != nullptr;
    JB_ASSIGN_OR_RETURN(out, receipts::Remind(s, actor, SummaryOf(s, id), req));
    return Status::Ok();
  }));
  if (mailer_) mailer_->Wake();
  return *out;
}

Result<NoticeFile> NoticeService::ReceiptsXlsx(const Actor& actor, int64_t id,
                                               const std::string& lang) {
  std::string title;
  receipts::Summary sum;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Owned(s, *scope, id));
    title = r.notice.title;
    if (r.notice.status == "sent") sum = SummaryOf(s, id);
    return Status::Ok();
  }));
  JB_ASSIGN_OR_RETURN(std::string bytes, receipts::Xlsx(title, sum, lang));
  return NoticeFile{std::move(bytes),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    title + "-回执.xlsx"};
}

Result<NoticeFile> NoticeService::Pdf(const Actor& actor, int64_t id) {
  if (!typesetter_) {
    return Status(Code::kUnavailable, "typesetter_unavailable", "no fonts for typesetting");
  }
  std::optional<Notice> n;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_ASSIGN_OR_RETURN(repo::NoticeRow r, Visible(s, *scope, actor, id));
    n = r.notice;
    return Status::Ok();
  }));
  return RenderPdf(*n);
}

Result<mail::Message> NoticeService::MailContent(int64_t id) {
  std::optional<Notice> n;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    std::optional<repo::NoticeRow> r = repo::FindNotice(s, id);
    if (!r) return NotFound();
    n = r->notice;
    return Status::Ok();
  }));
  mail::Message m;
  m.subject = n->title;
  m.text = n->sender.name + "\n\n" + n->title + "\n\n" + n->body + "\n";
  if (typesetter_) {
    JB_ASSIGN_OR_RETURN(NoticeFile pdf, RenderPdf(*n));
    m.text += "\n（正式文本见附件 PDF。）\n";
    m.attachments.push_back({pdf.filename, pdf.content_type, std::move(pdf.bytes)});
  }
  return m;
}

Result<NoticeFile> NoticeService::RenderPdf(const Notice& notice) {
  const Notice* n = &notice;
  // A notice is a one-section document in the notice layout (no 目录, no
  // 第N期): the association's name as the red title, the kind under it, the
  // title and body, the signature, the recipients in the distribution block.
  typeset::Issue issue;
  issue.layout = typeset::Layout::kNotice;
  issue.title_lines = {n->sender.name};
  issue.subtitle = KindLabel(n->kind);
  issue.issuer = n->sender.name;
  const std::string at = n->sent_at.empty() ? n->updated_at : n->sent_at;
  issue.date = ShanghaiDateOfIso(at);
  issue.sections.push_back({n->title, n->body, ""});
  typeset::Recipients to;
  to.label = "送";
  for (const NoticeOrg& o : n->recipients) to.to.push_back(o.name);
  if (!to.to.empty()) issue.distribution.push_back(to);
  JB_ASSIGN_OR_RETURN(std::string pdf, typesetter_->RenderPdf(issue));
  return NoticeFile{std::move(pdf), "application/pdf", n->title + ".pdf"};
}

Result<std::vector<RecipientGroup>> NoticeService::Groups(const Actor& actor) {
  std::vector<RecipientGroup> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireAssociation(*scope));
    out = repo::ListGroups(s, OwnerOf(*scope, actor));
    return Status::Ok();
  }));
  return out;
}

Result<RecipientGroup> NoticeService::CreateGroup(const Actor& actor, const GroupInput& input) {
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireAssociation(*scope));
    const int64_t owner = OwnerOf(*scope, actor);
    const std::string name = text::Trim(input.name);
    if (name.empty()) return Status::Invalid("name", "required", "name is required");
    JB_RETURN_IF_ERROR(CheckText("name", name, 60));
    if (repo::GroupNameTaken(s, owner, name)) {
      return Status::Invalid("name", "duplicate", "a group of that name exists");
    }
    if (input.orgs.empty()) return Status::Invalid("orgs", "required", "choose organisations");
    NoticeInput probe;
    probe.title = "-";
    probe.kind = "notice";
    probe.body = "-";
    probe.recipients = input.orgs;
    auto ids = CheckInput(s, *scope, owner, &probe);
    if (!ids.ok()) {
      Status st = ids.status();
      return Status(st.code(), st.key(), st.message(), "orgs");
    }
    id = repo::InsertGroup(s, owner, name, *ids, clock::NowIso());
    orgs::Audit(s, actor, "notice.group_create", "notice_group", std::to_string(id), "",
                nlohmann::json{{"name", name}, {"orgs", input.orgs}}.dump());
    return Status::Ok();
  }));
  RecipientGroup out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    auto g = repo::FindGroup(s, id);
    if (!g) return Status::NotFound("group_not_found", "no such recipient group");
    out = g->first;
    return Status::Ok();
  }));
  return out;
}

Status NoticeService::DeleteGroup(const Actor& actor, int64_t id) {
  return db_->Write([&](soci::session& s) -> Status {
    auto scope = internal::LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireAssociation(*scope));
    auto g = repo::FindGroup(s, id);
    if (!g || g->second != OwnerOf(*scope, actor)) {
      return Status::NotFound("group_not_found", "no such recipient group");
    }
    repo::DeleteGroup(s, id);
    orgs::Audit(s, actor, "notice.group_delete", "notice_group", std::to_string(id),
                nlohmann::json{{"name", g->first.name}}.dump(), "");
    return Status::Ok();
  });
}

}  // namespace jianbao::members
