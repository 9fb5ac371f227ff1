// Copyright 2026 The Jianbao Authors.

#include "bulletins/service.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <regex>

#include "bulletins/file_name.h"
#include "bulletins/json.h"
#include "bulletins/repository.h"
#include "core/bytes.h"
#include "core/clock.h"
#include "core/markdown_images.h"
#include "core/markdown_limits.h"
#include "orgs/repository.h"
#include "orgs/tree.h"
#include "robots/announce.h"
#include "store/changes.h"

namespace jianbao::bulletins {
namespace {

// Refuses section texts that no render could set, when they are saved rather
// than at the next preview: Markdown shape against one budget for the whole
// issue (core/markdown_limits.h) and data-URI images on their declared size.
Status CheckSectionBodies(const std::vector<SectionSpec>& sections) {
  markdown::Budget budget;
  for (size_t i = 0; i < sections.size(); ++i) {
    const std::string field = "sections[" + std::to_string(i) + "].body";
    JB_RETURN_IF_ERROR(markdown::CheckShape(sections[i].body, field, &budget));
    JB_RETURN_IF_ERROR(markdown::CheckImages(sections[i].body, field));
  }
  return Status::Ok();
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

Status NotFoundIssue() { return Status::NotFound("issue_not_found", "no such bulletin issue"); }

// The content is no longer what the approver saw (a preview) or is signing.
Status ContentChanged() {
  return Status::Conflict("content_changed",
                          "the issue changed since its pages were shown; look at them again");
}

// Refuses to publish content other than what was signed (签发). Issues signed
// before hashes were kept (approved_hash "") publish as before.
Status CheckSigned(const IssueRecord& issue) {
  if (issue.approved_hash.empty() || issue.approved_hash == issue.content_hash) return Status::Ok();
  return Status::Conflict("changed_since_approval",
                          "the issue changed after it was signed; it must be signed again");
}

Status SeriesNotFound(const std::string& code) {
  return Status::Invalid("series", "series_not_found", "no such series: " + code);
}

// Returns OK when `action` is allowed on `issue` (states.h), else kConflict "wrong_state".
Status Allows(const IssueRecord& issue, IssueAction action) {
  return Next(issue.status, action).status();
}

int YearOf(const std::string& date) { return std::stoi(date.substr(0, 4)); }

// Staff of a series: users of its owning organisation or of one above it.
bool IsStaffIn(const orgs::OrgTree& tree, const Actor& actor, const Series& series) {
  return actor.is_system() || tree.IsAtOrBelow(series.owner_org, actor.org_code);
}

bool IsAssociation(const orgs::Org& o) { return o.kind == "national" || o.kind == "provincial"; }

// Returns the association `code` belongs to: the nearest national or
// provincial organisation at or above it, or null.
const orgs::Org* AssociationOf(const orgs::OrgTree& tree, const std::string& code) {
  const orgs::Org* nearest = nullptr;
  for (const orgs::Org& o : tree.orgs()) {
    if (!IsAssociation(o) || !tree.IsAtOrBelow(code, o.code)) continue;
    if (!nearest || tree.IsAtOrBelow(o.code, nearest->code)) nearest = &o;
  }
  return nearest;
}

// A series speaks for its owner's association only: the masthead is the
// association's name and the issuer an organisation between the owner and
// the association (or its 秘书处). Empty ones are filled in from the tree.
Status CheckHeader(const orgs::OrgTree& tree, Series* series) {
  const orgs::Org* assoc = AssociationOf(tree, series->owner_org);
  if (!assoc) {
    return Status::Invalid("owner", "owner_not_association",
                           "the owner must be an association or belong to one");
  }
  if (series->masthead.empty()) series->masthead = assoc->name;
  if (series->issuer.empty()) series->issuer = tree.Find(series->owner_org)->name;
  if (series->masthead != assoc->name) {
    return Status::Invalid("masthead", "masthead_not_owner",
                           "the masthead must be the owner's association: " + assoc->name);
  }
  for (const orgs::Org& o : tree.orgs()) {
    const bool between =
        tree.IsAtOrBelow(series->owner_org, o.code) && tree.IsAtOrBelow(o.code, assoc->code);
    if (between && (series->issuer == o.name || series->issuer == o.name + "秘书处")) {
      return Status::Ok();
    }
  }
  return Status::Invalid(
      "issuer", "issuer_not_owner",
      "the issuer must be the owner or an organisation above it up to " + assoc->name);
}

// A series is distributed inside its owner's association, plus the
// government bodies (报/送 recipients such as the ministry or a provincial
// bureau) that association allows (`allowed_government`, its codes).
Status CheckDistribution(const orgs::OrgTree& tree, const std::string& owner,
                         const std::vector<std::string>& allowed_government,
                         const std::vector<DistributionLine>& lines) {
  const orgs::Org* assoc = AssociationOf(tree, owner);
  for (const auto& line : lines) {
    for (const auto& code : line.org_codes) {
      const orgs::Org* o = tree.Find(code);
      if (!o) {
        return Status::Invalid("distribution", "org_not_found", "no such organisation: " + code);
      }
      if (o->kind == "government") {
        if (std::find(allowed_government.begin(), allowed_government.end(), code) ==
            allowed_government.end()) {
          return Status::Invalid("distribution", "government_not_allowed",
                                 code + " is not a government recipient the association allows");
        }
      } else if (!(assoc && tree.IsAtOrBelow(code, assoc->code))) {
        return Status::Invalid("distribution", "outside_association",
                               code + " is outside the series' association");
      }
    }
  }
  return Status::Ok();
}

// Checks `lines` against the owner's association and the government
// recipients it allows, read in `s`.
Status CheckDistributionIn(soci::session& s, const orgs::OrgTree& tree, const std::string& owner,
                           const std::vector<DistributionLine>& lines) {
  const orgs::Org* assoc = AssociationOf(tree, owner);
  const std::vector<std::string> allowed =
      assoc ? repo::ListGovernmentRecipients(s, assoc->code) : std::vector<std::string>{};
  return CheckDistribution(tree, owner, allowed, lines);
}

// Returns the association `code` names, if the actor may manage its
// government recipients: an admin at or above it (its own admins and the
// national admin), or the system.
Result<const orgs::Org*> AssociationToManage(const orgs::OrgTree& tree, const Actor& actor,
                                             const std::string& code) {
  if (!actor.is_system() && !actor.HasRole(kRoleAdmin)) return Status::Denied("admins only");
  if (code.empty()) {
    return Status::Invalid("association", "required", "association is required");
  }
  const orgs::Org* assoc = tree.Find(code);
  if (!assoc) {
    return Status::Invalid("association", "org_not_found", "no such organisation: " + code);
  }
  if (!IsAssociation(*assoc)) {
    return Status::Invalid("association", "not_association", code + " is not an association");
  }
  if (!actor.is_system() && !tree.IsAtOrBelow(code, actor.org_code)) {
    return Status(Code::kPermissionDenied, "outside_scope",
                  "only admins of " + code + " or above may do this");
  }
  return assoc;
}

GovernmentRecipients GovernmentRecipientsOf(const orgs::OrgTree& tree, const std::string& assoc,
                                            const std::vector<std::string>& allowed) {
  GovernmentRecipients out{assoc, {}, {}};
  for (const orgs::Org& o : tree.orgs()) {
    if (o.kind != "government") continue;
    const bool in = std::find(allowed.begin(), allowed.end(), o.code) != allowed.end();
    (in ? out.allowed : out.available).push_back(OrgRef{o.code, o.name});
  }
  return out;
}

std::string StateJson(IssueState state) {
  return nlohmann::json{{"status", StateName(state)}}.dump();
}

nlohmann::json CodesJson(const std::vector<OrgRef>& orgs) {
  nlohmann::json out = nlohmann::json::array();
  for (const OrgRef& o : orgs) out.push_back(o.code);
  return out;
}

}  // namespace

namespace {

struct Rendered {
  std::vector<std::pair<FileInfo, std::string>> files;
};

Result<Rendered> RenderAll(typeset::Typesetter& ts, const typeset::Issue& issue) {
  Rendered out;
  auto add = [&out](const std::string& format, Result<std::string> rendered) -> Status {
    if (!rendered.ok()) return rendered.status();
    out.files.push_back({FileInfo{format, bytes::Sha256Hex(rendered.value()),
                                  static_cast<int64_t>(rendered.value().size())},
                         std::move(rendered).value()});
    return Status::Ok();
  };
  JB_RETURN_IF_ERROR(add("pdf", ts.RenderPdf(issue)));
  JB_RETURN_IF_ERROR(add("docx", ts.RenderDocx(issue)));
  JB_RETURN_IF_ERROR(add("html", ts.RenderHtml(issue)));
  JB_RETURN_IF_ERROR(add("txt", ts.RenderText(issue)));
  return out;
}

}  // namespace

BulletinService::BulletinService(store::Database* db, orgs::OrgService* orgs,
                                 typeset::Typesetter* typesetter, SectionSources* sources,
                                 RenderGate::Limits render_limits)
    : db_(db),
      orgs_(orgs),
      typesetter_(typesetter),
      sources_(sources),
      render_gate_(render_limits) {}

Result<std::shared_ptr<const orgs::OrgTree>> BulletinService::Tree(const Actor& actor) const {
  return orgs_->Tree(actor);
}

bool BulletinService::IsStaff(const Actor& actor, const Series& series) const {
  if (actor.is_system()) return true;
  auto tree = Tree(actor);
  return tree.ok() && IsStaffIn(*tree.value(), actor, series);
}

Status BulletinService::RequireStaff(const Actor& actor, const Series& series,
                                     const char* role) const {
  if (!actor.is_system() && !actor.HasRole(role)) {
    return Status::Denied(std::string("needs the ") + role + " role");
  }
  if (!IsStaff(actor, series)) {
    return Status(Code::kPermissionDenied, "outside_scope",
                  "only staff of " + series.owner_org + " may do this");
  }
  return Status::Ok();
}

std::string BulletinService::ContentHash(const IssueRecord& i, const Series& series) {
  nlohmann::json sections = nlohmann::json::array();
  for (const SectionSpec& sec : i.sections) {
    sections.push_back({sec.title, sec.org, sec.body});
  }
  nlohmann::json dist = nlohmann::json::array();
  for (const DistributionLine& line : i.distribution) dist.push_back({line.label, line.org_codes});
  // What the pages show, in a fixed order; the workflow fields are left out.
  const nlohmann::json content = {
      series.masthead, series.title,   series.subtitle, series.issuer,  i.year, i.number,
      i.supplement,    i.date,         sections,        i.closing_note, dist,   i.copies,
      i.revision,      i.revision_note};
  return bytes::Sha256Hex(content.dump());
}

Result<IssueView> BulletinService::Load(soci::session& s, int64_t id) {
  auto issue = repo::FindIssue(s, id);
  if (!issue) return NotFoundIssue();
  auto series = repo::FindSeriesById(s, issue->series_id);
  if (!series) return NotFoundIssue();
  issue->content_hash = ContentHash(*issue, *series);
  return IssueView{*issue, *series, repo::ListFiles(s, id), {}, {}};
}

Status BulletinService::CanRead(soci::session& s, const std::optional<Actor>& actor,
                                const IssueView& v) const {
  const bool published = IsReleased(v.issue.status);
  if (actor && IsStaff(*actor, v.series)) return Status::Ok();
  if (published && v.series.is_public) return Status::Ok();
  if (!actor) return Status(Code::kUnauthenticated, "unauthenticated", "sign in first");
  if (published && repo::IsRecipient(s, v.issue.id, actor->user_id)) return Status::Ok();
  return published ? Status::Denied("not a recipient of this issue") : NotFoundIssue();
}

std::vector<std::string> BulletinService::SearchReadersOf(const IssueRecord& issue,
                                                          const Series& series,
                                                          const std::vector<Receipt>& receipts) {
  std::vector<std::string> out = {"staff:" + series.owner_org};
  if (!IsReleased(issue.status)) return out;
  if (series.is_public) {
    out.push_back("public");
  } else {
    for (const Receipt& r : receipts) out.push_back("user:" + std::to_string(r.user_id));
  }
  return out;
}

Result<std::vector<std::string>> BulletinService::SearchReaders(const Actor& actor) const {
  if (actor.is_system()) return std::vector<std::string>{"*"};
  std::vector<std::string> out = {"public", "user:" + std::to_string(actor.user_id)};
  JB_ASSIGN_OR_RETURN(const auto tree_ptr, Tree(actor));
  const orgs::OrgTree& tree = *tree_ptr;
  for (const orgs::Org& o : tree.orgs()) {
    if (tree.IsAtOrBelow(actor.org_code, o.code)) out.push_back("staff:" + o.code);
  }
  return out;
}

Result<std::vector<Series>> BulletinService::ListSeries(const Actor& actor) {
  std::vector<Series> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    out = repo::ListSeries(s);
    return Status::Ok();
  }));
  return out;
}

Result<Series> BulletinService::CreateSeries(const Actor& actor, Series series) {
  static const std::regex kCode("^[a-z0-9][a-z0-9-]{1,31}$");
  if (!std::regex_match(series.code, kCode)) {
    return Status::Invalid("code", "invalid_series_code", "invalid series code");
  }
  if (series.numbering != "yearly" && series.numbering != "running") {
    return Status::Invalid("numbering", "out_of_range", "numbering must be yearly or running");
  }
  if (SplitLines(series.title).empty())
    return Status::Invalid("title", "required", "title is required");
  if (!actor.is_system() && !actor.HasRole(kRoleAdmin) && !actor.HasRole(kRoleEditor)) {
    return Status::Denied("admins and editors only");
  }
  if (!IsStaff(actor, series)) {
    return Status(Code::kPermissionDenied, "outside_scope", "not your organisation");
  }
  JB_ASSIGN_OR_RETURN(const auto tree_ptr, Tree(actor));
  const orgs::OrgTree& tree = *tree_ptr;
  if (!tree.Find(series.owner_org)) {
    return Status::Invalid("owner", "org_not_found", "no such organisation: " + series.owner_org);
  }
  JB_RETURN_IF_ERROR(CheckHeader(tree, &series));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_RETURN_IF_ERROR(CheckDistributionIn(s, tree, series.owner_org, series.distribution));
    if (repo::FindSeries(s, series.code))
      return Status::Conflict("series_code_taken", "code taken", "code");
    series.id = repo::InsertSeries(s, series, clock::NowIso());
    orgs::Audit(s, actor, "bulletin.series_create", "bulletin_series", series.code, "",
                SeriesJson(series).dump());
    return Status::Ok();
  }));
  return series;
}

Result<Page<IssueView>> BulletinService::ListIssues(const Actor& actor, const IssueQuery& q) {
  JB_ASSIGN_OR_RETURN(const auto tree_ptr, Tree(actor));
  const orgs::OrgTree& tree = *tree_ptr;
  Page<IssueView> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    repo::IssueFilter f;
    f.year = q.year, f.states = q.states, f.offset = q.page.offset(), f.limit = q.page.page_size;
    f.returned = q.returned;
    f.with_content = false;
    f.reader_user_id = actor.user_id;
    f.include_all = actor.is_system();
    std::map<int64_t, Series> series_by_id;
    for (Series& ser : repo::ListSeries(s)) {
      if (ser.code == q.series_code) f.series_id = ser.id;
      if (IsStaffIn(tree, actor, ser) && std::find(f.owner_orgs.begin(), f.owner_orgs.end(),
                                                   ser.owner_org) == f.owner_orgs.end()) {
        f.owner_orgs.push_back(ser.owner_org);
      }
      series_by_id.emplace(ser.id, std::move(ser));
    }
    if (!q.series_code.empty() && !f.series_id) return SeriesNotFound(q.series_code);
    Page<IssueRecord> records = repo::ListIssues(s, f);
    std::vector<int64_t> ids;
    for (const IssueRecord& r : records.items) ids.push_back(r.id);
    auto files = repo::ListFilesOf(s, ids);
    page.total = records.total;
    for (IssueRecord& r : records.items) {
      const Series& ser = series_by_id.at(r.series_id);
      std::vector<FileInfo> own = std::move(files[r.id]);
      page.items.push_back(IssueView{std::move(r), ser, std::move(own), {}, {}});
    }
    return Status::Ok();
  }));
  return page;
}

Result<IssueView> BulletinService::GetIssue(const std::optional<Actor>& actor, int64_t id) {
  std::optional<IssueView> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(CanRead(s, actor, v));
    // An issue still being made is checked against the one before it.
    if (!IsReleased(v.issue.status) && actor && IsStaff(*actor, v.series)) {
      auto prev = repo::PreviousIssue(s, v.issue);
      if (prev && v.issue.date < prev->date) {
        v.warnings.push_back(
            IssueWarning{"date_before_previous", prev->id, prev->year, prev->number, prev->date});
      }
    }
    NamePeople(s, &v);
    out = std::move(v);
    return Status::Ok();
  }));
  return *out;
}

void BulletinService::NamePeople(soci::session& s, IssueView* v) const {
  std::vector<std::string> logins;
  for (const std::string* login :
       {&v->issue.created_by, &v->issue.approved_by, &v->issue.published_by}) {
    if (!login->empty() && !v->people.count(*login)) logins.push_back(*login);
  }
  for (auto& [login, person] : orgs::NamesOf(s, logins)) v->people[login] = std::move(person);
}

Result<IssueView> BulletinService::CreateIssue(const Actor& actor, const NewIssue& in) {
  const std::string& date = in.date;
  if (!clock::IsValidDate(date)) return Status::Invalid("date", "invalid_date", "bad date");
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto series = repo::FindSeries(s, in.series_code);
    if (!series) return SeriesNotFound(in.series_code);
    JB_RETURN_IF_ERROR(RequireStaff(actor, *series, kRoleEditor));
    IssueRecord r;
    r.series_id = series->id;
    r.year = series->numbering == "yearly" ? YearOf(date) : 0;
    r.number = repo::NextNumber(s, series->id, r.year, in.supplement);
    r.supplement = in.supplement;
    r.status = kInitialState;
    r.date = date;
    r.distribution = series->distribution;
    r.created_by = actor.login;
    r.created_at = clock::NowIso();
    id = repo::InsertIssue(s, r);
    repo::RecordEditor(s, id, actor.login);
    orgs::Audit(
        s, actor, "bulletin.issue_create", "bulletin_issue", std::to_string(id), "",
        nlohmann::json{{"series", in.series_code}, {"number", r.number}, {"date", date}}.dump());
    return Status::Ok();
  }));
  return GetIssue(actor, id);
}

Result<IssueView> BulletinService::UpdateIssue(const Actor& actor, int64_t id,
                                               const IssueContent& content) {
  if (!clock::IsValidDate(content.date)) return Status::Invalid("date", "invalid_date", "bad date");
  if (content.copies < 0 || content.copies > 1000000) {
    return Status::Invalid("copies", "out_of_range", "copies must be 0 to 1000000");
  }
  JB_RETURN_IF_ERROR(CheckSectionBodies(content.sections));
  JB_ASSIGN_OR_RETURN(const auto tree_ptr, Tree(actor));
  const orgs::OrgTree& tree = *tree_ptr;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(CanRead(s, actor, v));  // a draft the actor may not see is not found
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleEditor));
    JB_RETURN_IF_ERROR(Allows(v.issue, IssueAction::kEdit));
    // Compare-and-set: of two editors who loaded the same version one wins.
    JB_RETURN_IF_ERROR(
        repo::ClaimIssueVersion(s, id, content.version, EditorName(actor), clock::NowIso()));
    const std::vector<DistributionLine> distribution =
        content.distribution.value_or(v.issue.distribution);
    JB_RETURN_IF_ERROR(CheckDistributionIn(s, tree, v.series.owner_org, distribution));
    repo::RecordEditor(s, id, actor.login);
    IssueRecord after = v.issue;
    if (after.revision == 1 && after.date != content.date && after.year != 0 &&
        YearOf(content.date) != after.year) {
      return Status::Invalid("date", "out_of_range", "the date must stay in the issue's year");
    }
    after.date = content.date;
    after.sections = content.sections;
    after.closing_note = content.closing_note;
    after.distribution = distribution;
    after.copies = content.copies;
    if (after.revision > 1 && !content.revision_note.empty())
      after.revision_note = content.revision_note;
    repo::UpdateIssue(s, after);
    orgs::Audit(s, actor, "bulletin.issue_update", "bulletin_issue", std::to_string(id),
                IssueJson(v.issue, v.series, {}, true).dump(),
                IssueJson(after, v.series, {}, true).dump());
    return Status::Ok();
  }));
  return GetIssue(actor, id);
}

Result<IssueView> BulletinService::Approve(const Actor& actor, int64_t id,
                                           const std::optional<std::string>& seen_hash) {
  std::optional<IssueView> loaded;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(loaded, Load(s, id));
    return Status::Ok();
  }));
  const IssueView& v = *loaded;
  // The role is checked before anything else: outsiders get 403, not 404.
  JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleApprover));
  JB_RETURN_IF_ERROR(Allows(v.issue, IssueAction::kApprove));
  if (v.issue.sections.empty()) {
    return Status::Invalid("sections", "required", "an issue needs at least one section");
  }
  if (seen_hash && *seen_hash != v.issue.content_hash) return ContentChanged();
  // Everything publishing checks is checked before sign-off: render every
  // format now (and discard it), so an approved issue cannot fail to publish.
  JB_ASSIGN_OR_RETURN(auto orgs, orgs_->ListOrgs(actor));
  JB_RETURN_IF_ERROR(render_gate_.Run(
      [&] { return RenderAll(*typesetter_, ToTypeset(v.issue, v.series, orgs)).status(); }));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView now, Load(s, id));
    JB_ASSIGN_OR_RETURN(const IssueState next, Next(now.issue.status, IssueAction::kApprove));
    // Signed is what was rendered above: refuse if it changed meanwhile.
    if (now.issue.content_hash != v.issue.content_hash) return ContentChanged();
    if (!allow_self_approval_ && !actor.is_system() && repo::HasEdited(s, id, actor.login)) {
      return Status(Code::kPermissionDenied, "self_approval",
                    "you edited this issue; another approver must sign it");
    }
    IssueRecord after = now.issue;
    after.status = next;
    after.approved_by = actor.login;
    after.approved_at = clock::NowIso();
    after.approved_hash = v.issue.content_hash;
    repo::UpdateIssue(s, after);
    Handoff(s, actor, now, "approve", "");
    orgs::Audit(s, actor, "bulletin.approve", "bulletin_issue", std::to_string(id),
                StateJson(now.issue.status), StateJson(next));
    return Status::Ok();
  }));
  return GetIssue(actor, id);
}

Result<IssueView> BulletinService::Reopen(const Actor& actor, int64_t id,
                                          const std::string& reason) {
  if (reason.empty()) return Status::Invalid("reason", "required", "say why it goes back");
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    Status editor = RequireStaff(actor, v.series, kRoleEditor);
    if (!editor.ok() && !RequireStaff(actor, v.series, kRoleApprover).ok()) return editor;
    JB_ASSIGN_OR_RETURN(const IssueState next, Next(v.issue.status, IssueAction::kReopen));
    IssueRecord after = v.issue;
    after.status = next;
    after.approved_by = after.approved_at = after.approved_hash = "";
    repo::UpdateIssue(s, after);
    orgs::Audit(s, actor, "bulletin.reopen", "bulletin_issue", std::to_string(id),
                StateJson(v.issue.status),
                nlohmann::json{{"status", StateName(next)}, {"reason", reason}}.dump());
    return Status::Ok();
  }));
  return GetIssue(actor, id);
}

typeset::Issue BulletinService::ToTypeset(const IssueRecord& r, const Series& series,
                                          const std::vector<orgs::Org>& orgs) const {
  typeset::Issue t;
  t.masthead = series.masthead;
  t.title_lines = SplitLines(series.title);
  t.subtitle = r.supplement ? (series.subtitle.empty() ? "增刊" : series.subtitle + "·增刊")
                            : series.subtitle;
  t.number = r.number;
  t.issuer = series.issuer;
  t.date = r.date;
  for (const SectionSpec& s : r.sections) t.sections.push_back({s.title, s.body, s.org});
  t.closing_note = r.closing_note;
  for (const DistributionLine& line : r.distribution) {
    typeset::Recipients rec{line.label, {}};
    for (const std::string& code : line.org_codes) {
      auto it = std::find_if(orgs.begin(), orgs.end(),
                             [&](const orgs::Org& o) { return o.code == code; });
      rec.to.push_back(it == orgs.end() ? code : it->name);
    }
    if (!rec.to.empty()) t.distribution.push_back(rec);
  }
  t.copies = r.copies;
  if (r.revision > 1) t.revision_note = "更正：" + r.revision_note;
  return t;
}

Result<std::vector<Receipt>> BulletinService::Recipients(
    const std::vector<DistributionLine>& lines) {
  std::vector<Receipt> out;
  const Actor system = Actor::System();
  const std::string now = clock::NowIso();
  for (const auto& line : lines) {
    for (const auto& code : line.org_codes) {
      for (int offset = 0;; offset += 100) {
        JB_ASSIGN_OR_RETURN(auto page, orgs_->ListUsers(system, code, "", "", offset, 100));
        for (const orgs::User& u : page.items) {
          if (u.org_code != code || u.disabled) continue;
          if (std::any_of(out.begin(), out.end(),
                          [&](const Receipt& r) { return r.user_id == u.id; }))
            continue;
          Receipt r;
          r.user_id = u.id, r.login = u.login, r.name = u.name;
          r.org_code = u.org_code, r.org_name = u.org_name, r.delivered_at = now;
          r.email = u.email;
          r.mail_status = mailer_ && !u.email.empty() ? "queued" : "";
          out.push_back(r);
        }
        if (offset + 100 >= page.total) break;
      }
    }
  }
  return out;
}

Result<IssueView> BulletinService::Publish(const Actor& actor, int64_t id) {
  std::optional<IssueView> v;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView loaded, Load(s, id));
    v = std::move(loaded);
    return Status::Ok();
  }));
  JB_RETURN_IF_ERROR(RequireStaff(actor, v->series, kRoleEditor));
  JB_RETURN_IF_ERROR(Allows(v->issue, IssueAction::kPublish));
  JB_RETURN_IF_ERROR(CheckSigned(v->issue));
  JB_ASSIGN_OR_RETURN(auto orgs, orgs_->ListOrgs(actor));
  Rendered rendered;
  JB_RETURN_IF_ERROR(render_gate_.Run([&] {
    JB_ASSIGN_OR_RETURN(rendered, RenderAll(*typesetter_, ToTypeset(v->issue, v->series, orgs)));
    return Status::Ok();
  }));
  JB_ASSIGN_OR_RETURN(std::vector<Receipt> recipients, Recipients(v->issue.distribution));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView now, Load(s, id));
    JB_ASSIGN_OR_RETURN(const IssueState next, Next(now.issue.status, IssueAction::kPublish));
    JB_RETURN_IF_ERROR(CheckSigned(now.issue));
    if (now.issue.content_hash != v->issue.content_hash) return ContentChanged();
    for (const auto& [info, bytes] : rendered.files) repo::InsertFile(s, id, info, bytes);
    IssueRecord after = now.issue;
    after.status = next;
    after.published_by = actor.login;
    after.published_at = clock::NowIso();
    repo::UpdateIssue(s, after);
    if (after.revises_id) {
      if (auto old = repo::FindIssue(s, after.revises_id)) {
        if (auto superseded = Next(old->status, IssueAction::kSupersede); superseded.ok()) {
          old->status = superseded.value();
          repo::UpdateIssue(s, *old);
        }
      }
    }
    for (const Receipt& r : recipients) repo::InsertDelivery(s, id, r);
    if (reminder_mailer_) QueueExternalCopies(s, id, now.issue.distribution, recipients);
    store::NotifyChanged(s, "issue", id);  // its readers are the recipients now (search)
    robots::AnnounceByCode(  // queued here, sent later: a failing robot never blocks this
        s, now.series.owner_org,
        {"bulletin.published", now.series.title.substr(now.series.title.rfind('\n') + 1),
         std::to_string(after.year) + "年第" + std::to_string(after.number) + "期",
         "/bulletins/issues/" + std::to_string(id)});
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [info, bytes] : rendered.files) files[info.format] = info.sha256;
    orgs::Audit(
        s, actor, "bulletin.publish", "bulletin_issue", std::to_string(id),
        StateJson(now.issue.status),
        nlohmann::json{
            {"status", StateName(next)}, {"sha256", files}, {"recipients", recipients.size()}}
            .dump());
    return Status::Ok();
  }));
  if (mailer_) mailer_->Wake();
  if (reminder_mailer_) reminder_mailer_->Wake();
  return GetIssue(actor, id);
}

void BulletinService::QueueExternalCopies(soci::session& s, int64_t id,
                                          const std::vector<DistributionLine>& distribution,
                                          const std::vector<Receipt>& recipients) {
  const std::vector<orgs::Org> all = orgs::repo::LoadOrgs(s);
  std::vector<std::string> done;
  for (const DistributionLine& line : distribution) {
    for (const std::string& code : line.org_codes) {
      if (std::find(done.begin(), done.end(), code) != done.end()) continue;
      done.push_back(code);
      if (std::any_of(recipients.begin(), recipients.end(),
                      [&](const Receipt& r) { return r.org_code == code; }))
        continue;  // a platform unit: its people have copies
      auto o = std::find_if(all.begin(), all.end(),
                            [&](const orgs::Org& org) { return org.code == code; });
      if (o == all.end() || o->email.empty()) continue;
      receipts::QueueDocument(s, {"bulletin", id}, {o->id, o->code, o->name, o->email},
                              clock::NowIso());
    }
  }
}

Result<IssueView> BulletinService::Correct(const Actor& actor, int64_t id,
                                           const std::string& note) {
  if (note.empty()) return Status::Invalid("note", "required", "a correction needs a visible note");
  int64_t new_id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleEditor));
    JB_RETURN_IF_ERROR(Allows(v.issue, IssueAction::kCorrect));
    IssueRecord r = v.issue;
    r.revision = v.issue.revision + 1;
    r.revises_id = id;
    r.revision_note = note;
    r.status = kInitialState;
    r.approved_by = r.approved_at = r.published_by = r.published_at = r.approved_hash = "";
    r.created_by = actor.login;
    r.created_at = clock::NowIso();
    r.imported = false;
    new_id = repo::InsertIssue(s, r);
    orgs::Audit(s, actor, "bulletin.correct", "bulletin_issue", std::to_string(new_id), "",
                nlohmann::json{{"revises", id}, {"revision", r.revision}, {"note", note}}.dump());
    return Status::Ok();
  }));
  return GetIssue(actor, new_id);
}

Result<Preview> BulletinService::RenderPreview(const Actor& actor, int64_t id, int dpi) {
  JB_ASSIGN_OR_RETURN(IssueView v, GetIssue(actor, id));
  // Editors compose and approvers read the pages before signing; nobody else renders.
  Status editor = RequireStaff(actor, v.series, kRoleEditor);
  if (!editor.ok() && !RequireStaff(actor, v.series, kRoleApprover).ok()) return editor;
  if (v.issue.sections.empty()) {
    return Status::Invalid("sections", "required", "add a section before previewing");
  }
  JB_ASSIGN_OR_RETURN(auto orgs, orgs_->ListOrgs(actor));
  const typeset::Issue t = ToTypeset(v.issue, v.series, orgs);
  Preview p;
  p.content_hash = v.issue.content_hash;
  JB_RETURN_IF_ERROR(render_gate_.Run([&] {
    JB_ASSIGN_OR_RETURN(p.png_pages, typesetter_->RenderPngPages(t, dpi));
    JB_ASSIGN_OR_RETURN(typeset::PageMap map, typesetter_->Paginate(t));
    p.section_pages = map.section_pages;
    return Status::Ok();
  }));
  return p;
}

Result<StoredFile> BulletinService::File(const std::optional<Actor>& actor, int64_t id,
                                         const std::string& format) {
  StoredFile out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(CanRead(s, actor, v));
    std::optional<std::string> bytes = repo::ReadFile(s, id, format, &out.info);
    if (!bytes) return Status::NotFound("file_not_found", "no " + format + " file for this issue");
    out.bytes = std::move(*bytes);
    out.name = IssueFileName(v.series, v.issue, format);
    out.ascii_name = IssueAsciiFileName(v.series, v.issue, format);
    return Status::Ok();
  }));
  return out;
}

namespace {

// "疫情防控专刊 2020年第32期": how a reminder names the issue.
std::string TitleOf(const IssueView& v) {
  std::string t = v.series.title.substr(0, v.series.title.find('\n')) + " " +
                  std::to_string(v.issue.year) + "年第" + std::to_string(v.issue.number) + "期";
  if (v.issue.supplement) t += "（增刊）";
  return t;
}

}  // namespace

Result<ReceiptSummary> BulletinService::Receipts(const Actor& actor, int64_t id) {
  ReceiptSummary out;
  out.mail_enabled = mail_enabled();
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    if (!IsStaff(actor, v.series)) return Status::Denied("only staff see receipts");
    out.items = repo::ListReceipts(s, id);
    out.units = UnitReceipts(s, v, out.items);
    out.title = TitleOf(v);
    return Status::Ok();
  }));
  for (const Receipt& r : out.items) {
    out.read += !r.read_at.empty();
    out.acknowledged += !r.acknowledged_at.empty();
    if (!r.mail_status.empty()) ++out.mail[r.mail_status];
  }
  return out;
}

receipts::Summary BulletinService::UnitReceipts(soci::session& s, const IssueView& v,
                                                const std::vector<Receipt>& copies) {
  std::vector<receipts::Person> people;
  for (const Receipt& r : copies) {
    people.push_back({r.user_id, r.login, r.name, r.org_code, r.org_name, r.delivered_at, r.read_at,
                      r.acknowledged_at});
  }
  std::vector<receipts::RecipientOrg> units;
  for (const DistributionLine& line : v.issue.distribution) {
    for (const std::string& code : line.org_codes) {
      if (std::any_of(units.begin(), units.end(),
                      [&](const receipts::RecipientOrg& o) { return o.code == code; }))
        continue;
      const std::optional<orgs::Org> o = orgs::repo::FindOrg(s, code);
      if (o) units.push_back({o->id, o->code, o->name, o->email});
    }
  }
  // Before publication nobody has a copy: every unit would look external.
  if (copies.empty()) return receipts::Summary{};
  receipts::Summary sum =
      receipts::Aggregate(people, units, receipts::Reminders(s, {"bulletin", v.issue.id}));
  receipts::AddMailStatus(s, {"bulletin", v.issue.id}, &sum);
  return sum;
}

Result<receipts::RemindResult> BulletinService::Remind(const Actor& actor, int64_t id,
                                                       const std::vector<std::string>& units) {
  std::optional<receipts::RemindResult> out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleEditor));
    if (v.issue.status != IssueState::kPublished) {
      return Status::Conflict("wrong_state", "only a published issue has receipts");
    }
    const receipts::Summary sum = UnitReceipts(s, v, repo::ListReceipts(s, id));
    receipts::RemindRequest r;
    r.doc = {"bulletin", id};
    r.title = TitleOf(v);
    r.entity = "bulletin_issue";
    r.link = "/inbox?issue=" + std::to_string(id);
    r.units = units;
    r.now_unix = clock::NowUnix();
    r.mail = reminder_mailer_ != nullptr;
    JB_ASSIGN_OR_RETURN(out, receipts::Remind(s, actor, sum, r));
    return Status::Ok();
  }));
  if (reminder_mailer_) reminder_mailer_->Wake();
  return *out;
}

Result<std::string> BulletinService::ReceiptsXlsx(const Actor& actor, int64_t id,
                                                  const std::string& lang) {
  JB_ASSIGN_OR_RETURN(ReceiptSummary r, Receipts(actor, id));
  return receipts::Xlsx(r.title, r.units, lang);
}

Result<int> BulletinService::RetryMail(const Actor& actor, int64_t id) {
  int n = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(IssueView v, Load(s, id));
    JB_RETURN_IF_ERROR(RequireStaff(actor, v.series, kRoleEditor));
    n = repo::RequeueFailedMail(s, id, clock::NowIso());
    orgs::Audit(s, actor, "bulletin.mail_retry", "bulletin_issue", std::to_string(id), "",
                nlohmann::json{{"requeued", n}}.dump());
    return Status::Ok();
  }));
  if (mailer_ && n > 0) mailer_->Wake();
  return n;
}

Result<Inbox> BulletinService::InboxOf(const Actor& actor, const PageRequest& page) {
  Inbox out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    out.page = repo::Inbox(s, actor.user_id, page.offset(), page.page_size);
    out.unread = repo::UnreadCount(s, actor.user_id);
    return Status::Ok();
  }));
  return out;
}

Status BulletinService::MarkRead(const Actor& actor, int64_t id, bool acknowledge) {
  return db_->Write([&](soci::session& s) {
    if (!repo::MarkDelivery(s, id, actor.user_id, acknowledge, clock::NowIso())) {
      return NotFoundIssue();
    }
    orgs::Audit(s, actor, acknowledge ? "bulletin.acknowledge" : "bulletin.read", "bulletin_issue",
                std::to_string(id), "", "");
    return Status::Ok();
  });
}

Result<std::vector<SourcePiece>> BulletinService::AdoptedPieces(const Actor& actor,
                                                                const std::string& text,
                                                                bool unused_only) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("editors only");
  if (!sources_) return Status(Code::kUnavailable, "source_unavailable", "no piece source");
  JB_ASSIGN_OR_RETURN(std::vector<SourcePiece> pieces,
                      sources_->AdoptedPieces(actor, text, unused_only ? 200 : 50));
  std::vector<int64_t> ids;
  for (const SourcePiece& p : pieces) ids.push_back(p.id);
  JB_ASSIGN_OR_RETURN(auto uses, PieceUses(ids));
  std::vector<SourcePiece> out;
  for (SourcePiece& p : pieces) {
    if (auto it = uses.find(p.id); it != uses.end()) p.used_in = it->second;
    if (unused_only && !p.used_in.empty()) continue;
    if (out.size() == 50) break;
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<int64_t>> BulletinService::UsedPieceIds() {
  std::vector<int64_t> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    out = repo::UsedPieceIds(s);
    return Status::Ok();
  }));
  return out;
}

Result<std::map<int64_t, std::vector<PieceUse>>> BulletinService::PieceUses(
    const std::vector<int64_t>& piece_ids) {
  std::map<int64_t, std::vector<PieceUse>> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    out = repo::PieceUses(s, piece_ids);
    return Status::Ok();
  }));
  return out;
}

Result<SectionSpec> BulletinService::PieceSection(const Actor& actor, int64_t piece_id) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("editors only");
  if (!sources_) return Status(Code::kUnavailable, "source_unavailable", "no piece source");
  JB_ASSIGN_OR_RETURN(SourcePiece p, sources_->AdoptedPiece(actor, piece_id));
  SectionSpec s;
  s.kind = "piece";
  s.piece_id = p.id;
  s.org = p.org_short_name;
  // "湖北行协·title", unless the title already names the organisation first.
  const bool named = !p.org_short_name.empty() && p.title.rfind(p.org_short_name, 0) == 0;
  s.title = p.org_short_name.empty() || named ? p.title : p.org_short_name + "·" + p.title;
  s.body = p.body;
  return s;
}

Result<SectionSpec> BulletinService::EpidemicSection(const Actor& actor, const std::string& date,
                                                     bool chart) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("editors only");
  if (!clock::IsValidDate(date)) return Status::Invalid("date", "invalid_date", "bad date");
  if (!sources_) return Status(Code::kUnavailable, "source_unavailable", "no data source");
  JB_ASSIGN_OR_RETURN(GeneratedSection g, sources_->EpidemicSection(date, chart));
  SectionSpec s;
  s.kind = "epidemic";
  s.data_date = date;
  s.chart = chart;
  s.title = g.title;
  s.body = g.body;
  return s;
}

Result<SectionSpec> BulletinService::ComplaintsSection(const Actor& actor,
                                                       const std::string& region,
                                                       const std::string& from,
                                                       const std::string& to) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("editors only");
  if (!from.empty() && !clock::IsValidDate(from)) {
    return Status::Invalid("from", "invalid_date", "bad date");
  }
  if (!to.empty() && !clock::IsValidDate(to))
    return Status::Invalid("to", "invalid_date", "bad date");
  if (!sources_) return Status(Code::kUnavailable, "source_unavailable", "no data source");
  JB_ASSIGN_OR_RETURN(GeneratedSection g, sources_->ComplaintsSection(region, from, to));
  SectionSpec s;
  s.kind = "summary";
  s.source = region.empty() ? "complaints" : "complaints:" + region;
  s.data_from = from;
  s.data_to = to;
  s.title = g.title;
  s.body = g.body;
  return s;
}

Result<std::vector<SummaryKind>> BulletinService::SummaryKinds(const Actor& actor) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("editors only");
  if (!sources_) return std::vector<SummaryKind>{};
  return sources_->SummaryKinds();
}

Result<SectionSpec> BulletinService::SummarySection(const Actor& actor, const std::string& key,
                                                    const std::string& from,
                                                    const std::string& to) {
  if (!actor.HasRole(kRoleEditor)) return Status::Denied("editors only");
  if (!clock::IsValidDate(from)) return Status::Invalid("from", "invalid_date", "bad date");
  if (!clock::IsValidDate(to)) return Status::Invalid("to", "invalid_date", "bad date");
  const int64_t days = clock::DaysFromDate(to) - clock::DaysFromDate(from);
  if (days < 0 || days > 366) {
    return Status::Invalid("to", "out_of_range",
                           "the period must be 1 to 367 days, from before to");
  }
  if (!sources_) return Status(Code::kUnavailable, "source_unavailable", "no data source");
  JB_ASSIGN_OR_RETURN(GeneratedSection g, sources_->Summary(actor, key, from, to));
  SectionSpec s;
  s.kind = "summary";
  s.source = key;
  s.data_from = from;
  s.data_to = to;
  s.title = g.title;
  s.body = g.body;
  return s;
}

Result<ImportResult> BulletinService::ImportLegacy(const Actor& actor,
                                                   const std::string& series_code,
                                                   const std::string& text,
                                                   const LegacyOptions& options) {
  std::optional<Series> series;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    series = repo::FindSeries(s, series_code);
    return series ? Status::Ok() : SeriesNotFound(series_code);
  }));
  JB_RETURN_IF_ERROR(RequireStaff(actor, *series, kRoleEditor));  // before any parsing
  JB_ASSIGN_OR_RETURN(LegacyImport imported, ImportLegacyText(text, options));
  IssueRecord r;
  r.series_id = series->id;
  r.date = imported.issue.date;
  r.year = series->numbering == "yearly" ? YearOf(r.date) : 0;
  r.number = imported.issue.number;
  r.status = IssueState::kPublished;  // an old bulletin enters the archive as published
  r.closing_note = imported.issue.closing_note;
  r.created_by = r.approved_by = r.published_by = actor.login;
  r.created_at = r.approved_at = r.published_at = clock::NowIso();
  r.imported = true;
  for (size_t i = 0; i < imported.issue.sections.size(); ++i) {
    const auto& sec = imported.issue.sections[i];
    SectionSpec spec;
    spec.kind = imported.kinds[i] == SectionKind::kEpidemic ? "epidemic" : "text";
    spec.title = sec.title;
    spec.org = sec.org;
    spec.body = sec.body_markdown;
    r.sections.push_back(spec);
  }
  JB_ASSIGN_OR_RETURN(auto orgs, orgs_->ListOrgs(actor));
  typeset::Issue t = imported.issue;  // keep the old issue's own header lines
  Rendered rendered;
  JB_RETURN_IF_ERROR(render_gate_.Run([&] {
    JB_ASSIGN_OR_RETURN(rendered, RenderAll(*typesetter_, t));
    return Status::Ok();
  }));
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    if (repo::NumberTaken(s, series->id, r.year, r.number)) {
      return Status::Conflict("issue_exists",
                              "第" + std::to_string(r.number) + "期（" + std::to_string(r.year) +
                                  "）已在归档中；如需另存，请指定期号",
                              "number");
    }
    id = repo::InsertIssue(s, r);
    r.id = id;
    repo::UpdateIssue(s, r);  // the sign-off and publication fields
    for (const auto& [info, data] : rendered.files) repo::InsertFile(s, id, info, data);
    orgs::Audit(s, actor, "bulletin.import", "bulletin_issue", std::to_string(id), "",
                nlohmann::json{{"series", series_code},
                               {"number", r.number},
                               {"date", r.date},
                               {"sections", r.sections.size()}}
                    .dump());
    return Status::Ok();
  }));
  JB_ASSIGN_OR_RETURN(IssueView view, GetIssue(actor, id));
  return ImportResult{view, imported.recognised, imported.problems};
}

Result<GovernmentRecipients> BulletinService::GetGovernmentRecipients(
    const Actor& actor, const std::string& association) {
  JB_ASSIGN_OR_RETURN(const auto tree_ptr, Tree(actor));
  const orgs::OrgTree& tree = *tree_ptr;
  JB_ASSIGN_OR_RETURN(const orgs::Org* assoc, AssociationToManage(tree, actor, association));
  std::vector<std::string> allowed;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    allowed = repo::ListGovernmentRecipients(s, assoc->code);
    return Status::Ok();
  }));
  return GovernmentRecipientsOf(tree, assoc->code, allowed);
}

Result<GovernmentRecipients> BulletinService::SetGovernmentRecipients(
    const Actor& actor, const std::string& association, const std::vector<std::string>& orgs) {
  JB_ASSIGN_OR_RETURN(const auto tree_ptr, Tree(actor));
  const orgs::OrgTree& tree = *tree_ptr;
  JB_ASSIGN_OR_RETURN(const orgs::Org* assoc, AssociationToManage(tree, actor, association));
  std::vector<std::string> codes;
  for (const std::string& code : orgs) {
    const orgs::Org* o = tree.Find(code);
    if (!o) return Status::Invalid("orgs", "org_not_found", "no such organisation: " + code);
    if (o->kind != "government") {
      return Status::Invalid("orgs", "not_government", code + " is not a government organisation");
    }
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  const GovernmentRecipients after = GovernmentRecipientsOf(tree, assoc->code, codes);
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    const GovernmentRecipients before =
        GovernmentRecipientsOf(tree, assoc->code, repo::ListGovernmentRecipients(s, assoc->code));
    repo::ReplaceGovernmentRecipients(s, assoc->code, codes);
    orgs::Audit(s, actor, "bulletin.government_recipients", "org", assoc->code,
                CodesJson(before.allowed).dump(), CodesJson(after.allowed).dump());
    return Status::Ok();
  }));
  return after;
}

Result<PublicSeries> BulletinService::PublicIssues(const std::string& series_code, int limit) {
  PublicSeries out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto series = repo::FindSeries(s, series_code);
    if (!series || !series->is_public) {
      return Status::NotFound("series_not_found", "no such public series: " + series_code);
    }
    out.series = *series;
    repo::IssueFilter f;
    f.series_id = series->id, f.states = {IssueState::kPublished}, f.include_all = true;
    f.limit = limit;
    out.issues = repo::ListIssues(s, f).items;
    return Status::Ok();
  }));
  return out;
}

}  // namespace jianbao::bulletins
