// Copyright 2026 The Jianbao Authors.
//
// All SQL of the policy library and training (members migrations 20–29).
// Functions run on the caller's session and throw soci errors.
//
// Thread safety: stateless; each call on the caller's session.

#ifndef JIANBAO_MEMBERS_LIBRARY_REPOSITORY_H_
#define JIANBAO_MEMBERS_LIBRARY_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "members/library.h"
#include "store/database.h"

namespace jianbao::members::library_repo {

// Returns the library's migrations (module "members", versions 20–29).
std::vector<store::Migration> Migrations();

// ---- policies (owner: an organisation id; codes are the service's) ----

int64_t InsertPolicy(soci::session& s, int64_t owner_id, const PolicyInput& in,
                     const std::string& now, const std::string& by);
void UpdatePolicy(soci::session& s, int64_t id, const PolicyInput& in, const std::string& now);
void DeletePolicy(soci::session& s, int64_t id);
// Returns the policy and its owner's id, or nullopt.
std::optional<Policy> FindPolicy(soci::session& s, int64_t id, int64_t* owner_id);
// Returns the id of every policy (the search's reindex).
std::vector<int64_t> ListPolicyIds(soci::session& s);
// Returns the code of organisation `org_id` ("" when there is none).
std::string OrgCode(soci::session& s, int64_t org_id);
// Returns a page, newest issued first; `owner` of each item holds the owner id as text.
Page<Policy> ListPolicies(soci::session& s, const PolicyFilter& f, const PageRequest& page);

// Inserts or replaces the policy's file.
void SaveAttachment(soci::session& s, int64_t policy_id, const PolicyFile& f,
                    const std::string& now, const std::string& by);
// Returns the file with its bytes, or nullopt.
std::optional<PolicyFile> FindAttachment(soci::session& s, int64_t policy_id);
// Returns true when a file was removed.
bool DeleteAttachment(soci::session& s, int64_t policy_id);

// ---- courses ----

int64_t InsertCourse(soci::session& s, int64_t owner_id, const CourseInput& in,
                     const std::string& now, const std::string& by);
// Updates the course unless more are registered than the new capacity
// (checked in the statement, so a registration committed meanwhile counts);
// returns false then.
bool UpdateCourse(soci::session& s, int64_t id, const CourseInput& in);
void SetSchedule(soci::session& s, int64_t id, const std::string& start, const std::string& end);
void SetValidUntil(soci::session& s, int64_t id, const std::string& valid_until);
std::optional<Course> FindCourse(soci::session& s, int64_t id, int64_t* owner_id);
Page<Course> ListCourses(soci::session& s, const CourseFilter& f, const PageRequest& page);
void InsertChange(soci::session& s, int64_t course_id, const CourseChange& c);
std::vector<CourseChange> Changes(soci::session& s, int64_t course_id);

// Takes one seat: true when registered < capacity (one conditional UPDATE,
// re-checked by PostgreSQL after a concurrent writer commits).
bool TakeSeat(soci::session& s, int64_t course_id);
void ReleaseSeat(soci::session& s, int64_t course_id);
// Returns false when the user is registered already (nothing stored).
bool InsertRegistration(soci::session& s, int64_t course_id, int64_t user_id, int64_t org_id,
                        const std::string& now);
// Returns true when a registration was removed.
bool DeleteRegistration(soci::session& s, int64_t course_id, int64_t user_id);
bool IsRegistered(soci::session& s, int64_t course_id, int64_t user_id);
// Registrations with login and name, `org` holding the org id as text;
// only of `org_id` unless it is 0.
std::vector<Registration> Registrations(soci::session& s, int64_t course_id, int64_t org_id);
// Sets attendance of `login`'s registration; false when there is none.
bool SetAttendance(soci::session& s, int64_t course_id, const std::string& login, bool attended,
                   const std::string& by, const std::string& now);

}  // namespace jianbao::members::library_repo

#endif  // JIANBAO_MEMBERS_LIBRARY_REPOSITORY_H_
