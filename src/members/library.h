// Copyright 2026 The Jianbao Authors.
//
// LibraryService: the policy library (政策汇编) and online training (培训)
// of the member-services module.
//
// Policies are government support measures kept by association staff
// (issuing body, date, document number such as 工信部规〔2020〕12号, region as
// a GB/T 2260 code, tags, summary, a link); everyone signed in reads them. A
// digest of chosen policies is a CommonMark list (BuildDigest) that the web
// UI copies into a notice and that announces itself to the organisation's
// group robots.
//
// Courses are organised by association staff; member units' staff register
// (the capacity is enforced by one conditional UPDATE of the course's
// counter, so two concurrent registrations for the last seat cannot both
// win on either engine); the organiser marks attendance; a postponed class
// and an extended certificate validity are kept in the course's history
// with their reasons.
//
// Who: association staff (admin or editor of a national or provincial
// organisation, or of a secretariat acting for its parent) write policies
// and courses of their subtree; members register; everyone signed in reads.
// The system actor may do everything.
//
// Thread safety: every method may be called from any thread; state lives in
// the database.

#ifndef JIANBAO_MEMBERS_LIBRARY_H_
#define JIANBAO_MEMBERS_LIBRARY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/status.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::members {

struct PolicyInput {
  std::string title, issuer, issued_on, doc_number, region, summary, link;
  std::vector<std::string> tags;
};

// A policy's attached file (the document itself): one per policy.
struct PolicyFile {
  std::string name, mime;  // mime sniffed from the bytes (submissions::SniffMime)
  int64_t size = 0;
  std::string sha256, data;  // data: only from GetAttachment
};

struct Policy : PolicyInput {
  int64_t id = 0;
  std::string owner;  // code of the owning association
  std::string created_at, created_by, updated_at;
  PolicyFile attachment;  // name empty when there is none; data never filled
};

struct PolicyFilter {
  std::string q, region, tag, year;
};

// A digest ready to be copied into a notice.
struct Digest {
  std::string title, body;
};

struct CourseInput {
  std::string title, provider, format, start, end, link, valid_until;
  int64_t capacity = 0;
};

struct CourseChange {
  std::string at, actor, kind, before, after, reason;  // kind: "postpone" or "extend"
};

struct Course : CourseInput {
  int64_t id = 0;
  int64_t registered = 0;
  std::string owner;  // code of the organising association
  std::string created_at, created_by;
  bool registered_by_me = false;
  std::vector<CourseChange> history;  // filled by GetCourse
};

struct CourseFilter {
  std::string q, format, from, to;  // from/to: days the start lies within
};

struct Registration {
  int64_t id = 0;
  std::string login, name, org, org_name, registered_at;
  bool attended = false;
  std::string attendance_by, attendance_at;
};

struct Attendance {
  std::string login;
  bool attended = false;
};

// Returns the CommonMark digest of `policies` under `title`: a heading and
// one list item per policy (title, document number, issuer, date, region,
// summary, link). Pure; exposed for tests.
Digest BuildDigest(const std::string& title, const std::vector<Policy>& policies);

// Returns true for text with a four-digit year in 〔〕 (or [] / ［］) followed
// later by 号 — the loose check of a document number (工信部规〔2020〕12号).
bool LooksLikeDocNumber(const std::string& s);

class LibraryService {
 public:
  // REQUIRES: `db` outlives the service; the orgs and members migrations are applied.
  explicit LibraryService(store::Database* db);

  // Called inside the transaction that records a digest (its audit entry):
  // the group-robot announcement (wired by cli/wiring.cc; may be empty).
  using DigestHook = std::function<void(soci::session&, int64_t org_id, const Digest&)>;
  void SetDigestHook(DigestHook hook) { digest_hook_ = std::move(hook); }

  // ---- policies ----

  // Errors: kInvalidArgument naming the field ("title", "issuer" required;
  // "issued_on" not a date; "doc_number" "invalid_doc_number"; "region"
  // "invalid_region" (six digits); "link" "invalid_link" (http/https only);
  // "tags" too many/long); kPermissionDenied for non-association staff.
  Result<Policy> CreatePolicy(const Actor& actor, const PolicyInput& in);
  // As CreatePolicy; kNotFound "policy_not_found"; kPermissionDenied unless
  // the policy's owner lies in the actor's subtree.
  Result<Policy> UpdatePolicy(const Actor& actor, int64_t id, const PolicyInput& in);
  Status DeletePolicy(const Actor& actor, int64_t id);
  // Everyone signed in. kNotFound "policy_not_found".
  Result<Policy> GetPolicy(const Actor& actor, int64_t id);
  // Newest issued first. kInvalidArgument "year" when not YYYY.
  Result<Page<Policy>> ListPolicies(const Actor& actor, const PolicyFilter& f,
                                    const PageRequest& page);
  // Attaches a file to a policy (replacing one it has), staff over its
  // owner. The type is sniffed from the bytes (PDF, images, .docx, .xlsx,
  // text): else kInvalidArgument "unsupported_attachment"; more than 10 MiB
  // is kPayloadTooLarge. Returns the policy.
  Result<Policy> SetAttachment(const Actor& actor, int64_t id, const std::string& name,
                               const std::string& bytes);
  // Returns the file (everyone signed in); kNotFound "policy_file_not_found".
  Result<PolicyFile> GetAttachment(const Actor& actor, int64_t id);
  // Removes the file (staff over the owner); kNotFound "policy_file_not_found".
  Status DeleteAttachment(const Actor& actor, int64_t id);
  // Builds the digest of `ids` (in that order; association staff). Errors:
  // kInvalidArgument "policy_ids" (empty, more than 50), "title";
  // kNotFound "policy_not_found". Announces it to the actor's association's
  // robots (the digest hook) in one transaction with the audit entry.
  Result<Digest> MakeDigest(const Actor& actor, const std::vector<int64_t>& ids,
                            const std::string& title);

  // ---- training ----

  // Errors: kInvalidArgument "title", "format" ("invalid_course_format":
  // online|offline), "start"/"end" ("invalid_datetime", "end_before_start"),
  // "capacity" (1..100000), "link"; kPermissionDenied for non-association staff.
  Result<Course> CreateCourse(const Actor& actor, const CourseInput& in);
  // Updates title, provider, format, link and capacity (not below the number
  // registered: kConflict "capacity_below_registered"); the schedule and the
  // validity change only through Postpone/Extend. kNotFound "course_not_found".
  Result<Course> UpdateCourse(const Actor& actor, int64_t id, const CourseInput& in);
  Result<Course> GetCourse(const Actor& actor, int64_t id);
  Result<Page<Course>> ListCourses(const Actor& actor, const CourseFilter& f,
                                   const PageRequest& page);
  // Registers the actor (a member unit's user). Errors: kPermissionDenied
  // for others; kConflict "course_full", "already_registered".
  Result<Course> Register(const Actor& actor, int64_t id);
  // Cancels the actor's registration; kNotFound "registration_not_found".
  Result<Course> Unregister(const Actor& actor, int64_t id);
  // The organiser sees every registration; a member unit its own unit's.
  Result<std::vector<Registration>> ListRegistrations(const Actor& actor, int64_t id);
  // Marks attendance (the organiser). kInvalidArgument "items[i].login"
  // ("registration_not_found") — nothing stored on any error.
  Result<std::vector<Registration>> MarkAttendance(const Actor& actor, int64_t id,
                                                   const std::vector<Attendance>& items);
  // Moves the schedule; `reason` required. A history row keeps the old and
  // new schedule.
  Result<Course> Postpone(const Actor& actor, int64_t id, const std::string& start,
                          const std::string& end, const std::string& reason);
  // Extends the certificate validity to `valid_until` (a date after the
  // current one); `reason` required.
  Result<Course> Extend(const Actor& actor, int64_t id, const std::string& valid_until,
                        const std::string& reason);

 private:
  store::Database* db_;
  DigestHook digest_hook_;
};

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_LIBRARY_H_
