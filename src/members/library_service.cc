// Copyright 2026 The Jianbao Authors.
//
// The policy library (政策汇编) and online training (培训).

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/bytes.h"
#include "core/clock.h"
#include "core/text.h"
#include "members/library.h"
#include "members/library_repository.h"
#include "members/service_internal.h"
#include "orgs/service.h"
#include "submissions/sniff.h"

namespace jianbao::members {

using internal::LoadScope;
using internal::Scope;

namespace {

constexpr size_t kMaxDigestPolicies = 50;
constexpr size_t kMaxAttachmentBytes = 10 << 20;

// The name a file is served with: its last path part, without control
// characters or quotes, at most 120 characters; else "policy" + extension.
std::string CleanFileName(const std::string& name, const std::string& mime) {
  const size_t slash = name.find_last_of("/\\");
  std::string out;
  for (char c : name.substr(slash == std::string::npos ? 0 : slash + 1)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"') out += c;
  }
  out = text::Trim(out);
  if (out.empty() || !text::IsValidUtf8(out) || text::CodePointCount(out) > 120) {
    out = "policy" + submissions::ExtensionFor(mime);
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHttpLink(const std::string& s) {
  if (s.rfind("http://", 0) != 0 && s.rfind("https://", 0) != 0) return false;
  const size_t host = s.find("://") + 3;
  if (host >= s.size() || s[host] == '/') return false;
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>') return false;
  }
  return s.size() <= 2000;
}

// "YYYY-MM-DDTHH:MM" (Asia/Shanghai wall time).
bool IsValidDateTime(const std::string& s) {
  if (s.size() != 16 || s[10] != 'T' || s[13] != ':') return false;
  if (!clock::IsValidDate(s.substr(0, 10))) return false;
  for (int i : {11, 12, 14, 15}) {
    if (!IsDigit(s[i])) return false;
  }
  return std::stoi(s.substr(11, 2)) < 24 && std::stoi(s.substr(14, 2)) < 60;
}

// Backslash-escapes the characters CommonMark would read as markup.
std::string EscapeMarkdown(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

Status CheckPolicy(const PolicyInput& in) {
  if (text::Trim(in.title).empty())
    return Status::Invalid("title", "required", "title is required");
  if (text::Trim(in.issuer).empty()) {
    return Status::Invalid("issuer", "required", "issuer is required");
  }
  if (!clock::IsValidDate(in.issued_on)) {
    return Status::Invalid("issued_on", "invalid_date", "issued_on: not a date YYYY-MM-DD");
  }
  if (!in.doc_number.empty() && !LooksLikeDocNumber(in.doc_number)) {
    return Status::Invalid("doc_number", "invalid_doc_number",
                           "doc_number: like 工信部规〔2020〕12号");
  }
  if (in.region.size() != 6 || in.region.find_first_not_of("0123456789") != std::string::npos) {
    return Status::Invalid("region", "invalid_region", "region: a six-digit GB/T 2260 code");
  }
  if (!in.link.empty() && !IsHttpLink(in.link)) {
    return Status::Invalid("link", "invalid_link", "link: an http or https address");
  }
  for (size_t i = 0; i < in.tags.size(); ++i) {
    if (in.tags[i].find('|') != std::string::npos || text::Trim(in.tags[i]).empty()) {
      return Status::Invalid("tags[" + std::to_string(i) + "]", "invalid_tag",
                             "a tag may not be empty or hold |");
    }
  }
  return Status::Ok();
}

Status CheckCourse(const CourseInput& in) {
  if (text::Trim(in.title).empty())
    return Status::Invalid("title", "required", "title is required");
  if (in.format != "online" && in.format != "offline") {
    return Status::Invalid("format", "invalid_course_format", "format must be online or offline");
  }
  if (!IsValidDateTime(in.start)) {
    return Status::Invalid("start", "invalid_datetime", "start: YYYY-MM-DDTHH:MM");
  }
  if (!IsValidDateTime(in.end)) {
    return Status::Invalid("end", "invalid_datetime", "end: YYYY-MM-DDTHH:MM");
  }
  if (in.end < in.start) return Status::Invalid("end", "end_before_start", "end is before start");
  if (in.capacity < 1 || in.capacity > 100000) {
    return Status::Invalid("capacity", "out_of_range", "capacity: 1..100000")
        .set_detail("min", 1)
        .set_detail("max", 100000);
  }
  if (!in.link.empty() && !IsHttpLink(in.link)) {
    return Status::Invalid("link", "invalid_link", "link: an http or https address");
  }
  if (!in.valid_until.empty() && !clock::IsValidDate(in.valid_until)) {
    return Status::Invalid("valid_until", "invalid_date", "valid_until: YYYY-MM-DD");
  }
  return Status::Ok();
}

// The organisation new records of the actor belong to: the association, or
// for the system actor the root of the tree.
int64_t OwnerOf(const Scope& scope) {
  if (!scope.system()) return scope.root();
  for (const orgs::Org& o : scope.tree().orgs()) {
    if (o.parent_id == 0) return o.id;
  }
  return 0;
}

Status RequireStaff(const Scope& scope) {
  if (scope.system() || scope.association()) return Status::Ok();
  return Status::Denied("association staff only");
}

// Staff whose subtree holds the record's owner.
Status RequireOwner(const Scope& scope, int64_t owner) {
  if (scope.system()) return Status::Ok();
  if (scope.association() && scope.Covers(owner)) return Status::Ok();
  return Status::Denied("only the association that keeps it may change it");
}

std::string CodeOf(const Scope& scope, int64_t id) {
  const orgs::Org* o = scope.Find(id);
  return o ? o->code : "";
}

Policy Named(Policy p, const Scope& scope) {
  p.owner = CodeOf(scope, std::stoll(p.owner));
  return p;
}

Course Named(Course c, const Scope& scope) {
  c.owner = CodeOf(scope, std::stoll(c.owner));
  return c;
}

Status NotFoundPolicy() { return Status::NotFound("policy_not_found", "no such policy"); }
Status NotFoundCourse() { return Status::NotFound("course_not_found", "no such course"); }

}  // namespace

bool LooksLikeDocNumber(const std::string& s) {
  static const std::vector<std::pair<std::string, std::string>> kBrackets = {
      {"〔", "〕"}, {"[", "]"}, {"［", "］"}, {"【", "】"}};
  for (const auto& [open, close] : kBrackets) {
    const size_t a = s.find(open);
    if (a == std::string::npos) continue;
    const size_t y = a + open.size();
    if (s.size() < y + 4 || s.compare(y + 4, close.size(), close) != 0) continue;
    bool digits = true;
    for (size_t i = y; i < y + 4; ++i) digits = digits && IsDigit(s[i]);
    if (digits && s.find("号", y + 4 + close.size()) != std::string::npos) return true;
  }
  return false;
}

Digest BuildDigest(const std::string& title, const std::vector<Policy>& policies) {
  Digest d;
  d.title = title;
  std::string body;
  int n = 0;
  for (const Policy& p : policies) {
    body += std::to_string(++n) + ". **" + EscapeMarkdown(p.title) + "**";
    if (!p.doc_number.empty()) body += "（" + EscapeMarkdown(p.doc_number) + "）";
    body += "\n   " + EscapeMarkdown(p.issuer) + "，" + p.issued_on + "，" + p.region;
    if (!p.summary.empty()) body += "\n\n   " + EscapeMarkdown(p.summary);
    if (!p.link.empty()) body += "\n\n   <" + p.link + ">";
    body += "\n";
  }
  d.body = body;
  return d;
}

LibraryService::LibraryService(store::Database* db) : db_(db) {}

// ---- policies ----

Result<Policy> LibraryService::CreatePolicy(const Actor& actor, const PolicyInput& in) {
  JB_RETURN_IF_ERROR(CheckPolicy(in));
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireStaff(*scope));
    id = library_repo::InsertPolicy(s, OwnerOf(*scope), in, clock::NowIso(), actor.login);
    orgs::Audit(s, actor, "policy.create", "member_policy", std::to_string(id), "",
                nlohmann::json{{"title", in.title}}.dump());
    return Status::Ok();
  }));
  return GetPolicy(actor, id);
}

Result<Policy> LibraryService::UpdatePolicy(const Actor& actor, int64_t id, const PolicyInput& in) {
  JB_RETURN_IF_ERROR(CheckPolicy(in));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    if (!library_repo::FindPolicy(s, id, &owner)) return NotFoundPolicy();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    library_repo::UpdatePolicy(s, id, in, clock::NowIso());
    orgs::Audit(s, actor, "policy.update", "member_policy", std::to_string(id), "",
                nlohmann::json{{"title", in.title}}.dump());
    return Status::Ok();
  }));
  return GetPolicy(actor, id);
}

Status LibraryService::DeletePolicy(const Actor& actor, int64_t id) {
  return db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    auto p = library_repo::FindPolicy(s, id, &owner);
    if (!p) return NotFoundPolicy();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    library_repo::DeletePolicy(s, id);
    orgs::Audit(s, actor, "policy.delete", "member_policy", std::to_string(id),
                nlohmann::json{{"title", p->title}}.dump(), "");
    return Status::Ok();
  });
}

Result<Policy> LibraryService::GetPolicy(const Actor& actor, int64_t id) {
  Policy out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    auto p = library_repo::FindPolicy(s, id, &owner);
    if (!p) return NotFoundPolicy();
    out = Named(*p, *scope);
    return Status::Ok();
  }));
  return out;
}

Result<Page<Policy>> LibraryService::ListPolicies(const Actor& actor, const PolicyFilter& f,
                                                  const PageRequest& page) {
  if (!f.year.empty() &&
      (f.year.size() != 4 || f.year.find_first_not_of("0123456789") != std::string::npos)) {
    return Status::Invalid("year", "invalid_year", "year: YYYY");
  }
  Page<Policy> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    out = library_repo::ListPolicies(s, f, page);
    for (Policy& p : out.items) p = Named(p, *scope);
    return Status::Ok();
  }));
  return out;
}

Result<Policy> LibraryService::SetAttachment(const Actor& actor, int64_t id,
                                             const std::string& name, const std::string& bytes) {
  if (bytes.size() > kMaxAttachmentBytes) {
    return Status(Code::kPayloadTooLarge, "payload_too_large", "a file may have at most 10 MiB",
                  "file");
  }
  PolicyFile f;
  f.mime = submissions::SniffMime(bytes);
  if (f.mime.empty()) {
    return Status::Invalid("file", "unsupported_attachment",
                           "a policy's file may be PDF, an image, .docx, .xlsx or text");
  }
  f.name = CleanFileName(name, f.mime);
  f.size = static_cast<int64_t>(bytes.size());
  f.sha256 = jianbao::bytes::Sha256Hex(bytes);
  f.data = bytes;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    if (!library_repo::FindPolicy(s, id, &owner)) return NotFoundPolicy();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    library_repo::SaveAttachment(s, id, f, clock::NowIso(), actor.login);
    orgs::Audit(
        s, actor, "policy.attachment", "member_policy", std::to_string(id), "",
        nlohmann::json{{"name", f.name}, {"mime", f.mime}, {"size", f.size}, {"sha256", f.sha256}}
            .dump());
    return Status::Ok();
  }));
  return GetPolicy(actor, id);
}

Result<PolicyFile> LibraryService::GetAttachment(const Actor& actor, int64_t id) {
  PolicyFile out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto f = library_repo::FindAttachment(s, id);
    if (!f) return Status::NotFound("policy_file_not_found", "the policy has no file");
    out = std::move(*f);
    return Status::Ok();
  }));
  return out;
}

Status LibraryService::DeleteAttachment(const Actor& actor, int64_t id) {
  return db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    if (!library_repo::FindPolicy(s, id, &owner)) return NotFoundPolicy();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    if (!library_repo::DeleteAttachment(s, id)) {
      return Status::NotFound("policy_file_not_found", "the policy has no file");
    }
    orgs::Audit(s, actor, "policy.attachment_delete", "member_policy", std::to_string(id), "",
                "{}");
    return Status::Ok();
  });
}

Result<Digest> LibraryService::MakeDigest(const Actor& actor, const std::vector<int64_t>& ids,
                                          const std::string& title) {
  if (ids.empty()) return Status::Invalid("policy_ids", "required", "choose at least one policy");
  if (ids.size() > kMaxDigestPolicies) {
    return Status::Invalid("policy_ids", "too_many", "at most 50 policies")
        .set_detail("max", kMaxDigestPolicies);
  }
  if (text::Trim(title).empty()) return Status::Invalid("title", "required", "title is required");
  Digest out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireStaff(*scope));
    std::vector<Policy> chosen;
    std::set<int64_t> seen;
    for (int64_t id : ids) {
      if (!seen.insert(id).second) continue;
      int64_t owner = 0;
      auto p = library_repo::FindPolicy(s, id, &owner);
      if (!p) return NotFoundPolicy();
      chosen.push_back(*p);
    }
    out = BuildDigest(title, chosen);
    orgs::Audit(s, actor, "policy.digest", "member_policy", "", "",
                nlohmann::json{{"title", title}, {"policy_ids", ids}}.dump());
    if (digest_hook_ && !scope->system()) digest_hook_(s, scope->root(), out);
    return Status::Ok();
  }));
  return out;
}

// ---- training ----

Result<Course> LibraryService::CreateCourse(const Actor& actor, const CourseInput& in) {
  JB_RETURN_IF_ERROR(CheckCourse(in));
  int64_t id = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    JB_RETURN_IF_ERROR(RequireStaff(*scope));
    id = library_repo::InsertCourse(s, OwnerOf(*scope), in, clock::NowIso(), actor.login);
    orgs::Audit(s, actor, "training.course.create", "training_course", std::to_string(id), "",
                nlohmann::json{{"title", in.title}}.dump());
    return Status::Ok();
  }));
  return GetCourse(actor, id);
}

Result<Course> LibraryService::UpdateCourse(const Actor& actor, int64_t id, const CourseInput& in) {
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    auto c = library_repo::FindCourse(s, id, &owner);
    if (!c) return NotFoundCourse();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    CourseInput next = in;
    next.start = c->start;  // moved only by Postpone
    next.end = c->end;
    next.valid_until = c->valid_until;  // moved only by Extend
    JB_RETURN_IF_ERROR(CheckCourse(next));
    if (next.capacity < c->registered || !library_repo::UpdateCourse(s, id, next)) {
      return Status::Conflict("capacity_below_registered",
                              "more people are registered than that capacity", "capacity")
          .set_detail("registered", c->registered);
    }
    orgs::Audit(s, actor, "training.course.update", "training_course", std::to_string(id), "",
                nlohmann::json{{"title", in.title}, {"capacity", in.capacity}}.dump());
    return Status::Ok();
  }));
  return GetCourse(actor, id);
}

Result<Course> LibraryService::GetCourse(const Actor& actor, int64_t id) {
  Course out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    auto c = library_repo::FindCourse(s, id, &owner);
    if (!c) return NotFoundCourse();
    out = Named(*c, *scope);
    out.history = library_repo::Changes(s, id);
    out.registered_by_me = actor.user_id && library_repo::IsRegistered(s, id, actor.user_id);
    return Status::Ok();
  }));
  return out;
}

Result<Page<Course>> LibraryService::ListCourses(const Actor& actor, const CourseFilter& f,
                                                 const PageRequest& page) {
  if (!f.format.empty() && f.format != "online" && f.format != "offline") {
    return Status::Invalid("format", "invalid_course_format", "format must be online or offline");
  }
  for (const auto& [name, v] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
    if (!v.empty() && !clock::IsValidDate(v)) {
      return Status::Invalid(name, "invalid_date", std::string(name) + ": YYYY-MM-DD");
    }
  }
  Page<Course> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    out = library_repo::ListCourses(s, f, page);
    for (Course& c : out.items) {
      c = Named(c, *scope);
      c.registered_by_me = actor.user_id && library_repo::IsRegistered(s, c.id, actor.user_id);
    }
    return Status::Ok();
  }));
  return out;
}

Result<Course> LibraryService::Register(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    if (!library_repo::FindCourse(s, id, &owner)) return NotFoundCourse();
    if (!scope->member() || actor.user_id == 0) {
      return Status::Denied("member units' staff register for courses");
    }
    if (library_repo::IsRegistered(s, id, actor.user_id)) {
      return Status::Conflict("already_registered", "you are registered already");
    }
    if (!library_repo::TakeSeat(s, id)) {
      return Status::Conflict("course_full", "the course is full");
    }
    if (!library_repo::InsertRegistration(s, id, actor.user_id, actor.org_id, clock::NowIso())) {
      return Status::Conflict("already_registered", "you are registered already");
    }
    orgs::Audit(s, actor, "training.register", "training_course", std::to_string(id), "", "{}");
    return Status::Ok();
  }));
  return GetCourse(actor, id);
}

Result<Course> LibraryService::Unregister(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    int64_t owner = 0;
    if (!library_repo::FindCourse(s, id, &owner)) return NotFoundCourse();
    if (actor.user_id == 0 || !library_repo::DeleteRegistration(s, id, actor.user_id)) {
      return Status::NotFound("registration_not_found", "you are not registered");
    }
    library_repo::ReleaseSeat(s, id);
    orgs::Audit(s, actor, "training.unregister", "training_course", std::to_string(id), "", "{}");
    return Status::Ok();
  }));
  return GetCourse(actor, id);
}

Result<std::vector<Registration>> LibraryService::ListRegistrations(const Actor& actor,
                                                                    int64_t id) {
  std::vector<Registration> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    if (!library_repo::FindCourse(s, id, &owner)) return NotFoundCourse();
    int64_t only = 0;
    if (!RequireOwner(*scope, owner).ok()) {
      if (!scope->member()) return Status::Denied("the organiser and member units only");
      only = scope->root();
    }
    out = library_repo::Registrations(s, id, only);
    for (Registration& r : out) {
      const orgs::Org* o = scope->Find(std::stoll(r.org));
      r.org = o ? o->code : "";
      r.org_name = o ? internal::DisplayName(*o) : "";
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Registration>> LibraryService::MarkAttendance(
    const Actor& actor, int64_t id, const std::vector<Attendance>& items) {
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    if (!library_repo::FindCourse(s, id, &owner)) return NotFoundCourse();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    const std::string now = clock::NowIso();
    nlohmann::json marked = nlohmann::json::object();
    for (size_t i = 0; i < items.size(); ++i) {
      if (!library_repo::SetAttendance(s, id, items[i].login, items[i].attended, actor.login,
                                       now)) {
        return Status::Invalid("items[" + std::to_string(i) + "].login", "registration_not_found",
                               "not registered: " + items[i].login);
      }
      marked[items[i].login] = items[i].attended;
    }
    orgs::Audit(s, actor, "training.attendance", "training_course", std::to_string(id), "",
                marked.dump());
    return Status::Ok();
  }));
  return ListRegistrations(actor, id);
}

Result<Course> LibraryService::Postpone(const Actor& actor, int64_t id, const std::string& start,
                                        const std::string& end, const std::string& reason) {
  if (text::Trim(reason).empty())
    return Status::Invalid("reason", "required", "a reason is required");
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    auto c = library_repo::FindCourse(s, id, &owner);
    if (!c) return NotFoundCourse();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    CourseInput next = *c;
    next.start = start;
    next.end = end;
    JB_RETURN_IF_ERROR(CheckCourse(next));
    library_repo::SetSchedule(s, id, start, end);
    const CourseChange ch{clock::NowIso(),         actor.login,       "postpone",
                          c->start + "/" + c->end, start + "/" + end, reason};
    library_repo::InsertChange(s, id, ch);
    orgs::Audit(s, actor, "training.postpone", "training_course", std::to_string(id), ch.before,
                nlohmann::json{{"schedule", ch.after}, {"reason", reason}}.dump());
    return Status::Ok();
  }));
  return GetCourse(actor, id);
}

Result<Course> LibraryService::Extend(const Actor& actor, int64_t id,
                                      const std::string& valid_until, const std::string& reason) {
  if (!clock::IsValidDate(valid_until)) {
    return Status::Invalid("valid_until", "invalid_date", "valid_until: YYYY-MM-DD");
  }
  if (text::Trim(reason).empty())
    return Status::Invalid("reason", "required", "a reason is required");
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor);
    int64_t owner = 0;
    auto c = library_repo::FindCourse(s, id, &owner);
    if (!c) return NotFoundCourse();
    JB_RETURN_IF_ERROR(RequireOwner(*scope, owner));
    if (!c->valid_until.empty() && valid_until <= c->valid_until) {
      return Status::Invalid("valid_until", "validity_not_extended",
                             "the new date must be after the current validity");
    }
    library_repo::SetValidUntil(s, id, valid_until);
    const CourseChange ch{clock::NowIso(), actor.login, "extend",
                          c->valid_until,  valid_until, reason};
    library_repo::InsertChange(s, id, ch);
    orgs::Audit(s, actor, "training.extend", "training_course", std::to_string(id), ch.before,
                nlohmann::json{{"valid_until", valid_until}, {"reason", reason}}.dump());
    return Status::Ok();
  }));
  return GetCourse(actor, id);
}

}  // namespace jianbao::members
