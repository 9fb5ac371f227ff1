// Copyright 2026 The Jianbao Authors.
//
// All SQL of the complaint desk: cases, their history and attachments, the
// holiday calendar, the organisations' regions and operators, the public
// form's rate-limit hits and used proof-of-work challenges, reminders.
// Functions run on a session the caller got from store::Database::Read/Write
// and throw soci errors, which Database turns into a Status.
//
// Thread safety: stateless; each call on the caller's session.

#ifndef JIANBAO_COMPLAINTS_REPOSITORY_H_
#define JIANBAO_COMPLAINTS_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "complaints/model.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::complaints::repo {

// Returns this module's migrations (module name "complaints").
std::vector<store::Migration> Migrations();

// ---- cases ----

// Inserts a new case (c.id is ignored) and returns its id. A duplicate number
// throws a unique-key violation (kConflict).
int64_t InsertCase(soci::session& s, const Complaint& c, int64_t created_by);
// Writes every mutable column of case `c.id` (state, dates, texts, outcome).
void UpdateCase(soci::session& s, const Complaint& c);
// Returns the case, without events and attachments, or nullopt.
std::optional<Complaint> FindCase(soci::session& s, int64_t id);
// Returns the id of every case, oldest first (the search's reindex).
std::vector<int64_t> ListCaseIds(soci::session& s);
std::optional<Complaint> FindCaseByNumber(soci::session& s, const std::string& number);
// Returns one page of the cases matching `f`, latest received first, and their total.
Page<Complaint> ListCases(soci::session& s, const CaseFilter& f);
// Returns every case received in [from, to] (either "" = open) of `region`
// ("" = all), without texts: for statistics.
std::vector<Complaint> CasesForStats(soci::session& s, const std::string& from,
                                     const std::string& to, const std::string& region);
// Returns the cases with a running clock due on `due` (reminders).
std::vector<Complaint> CasesWithClockDue(soci::session& s, const std::string& due);

// ---- history and attachments ----

void AppendEvent(soci::session& s, int64_t complaint_id, const CaseEvent& e, int64_t actor_id);
std::vector<CaseEvent> Events(soci::session& s, int64_t complaint_id);
int64_t InsertAttachment(soci::session& s, const Attachment& a);
std::vector<Attachment> Attachments(soci::session& s, int64_t complaint_id);
// Returns the attachment with its bytes, or nullopt.
std::optional<Attachment> FindAttachment(soci::session& s, int64_t complaint_id, int64_t id);

// ---- purge ----

// Erases the personal data (name, phone, description, the operator's answer
// and reply, event texts, attachments) of cases that reached a final state
// before `before` (YYYY-MM-DD) and were not purged yet; stamps them purged at
// `now`. Returns how many cases were purged.
int PurgeBefore(soci::session& s, const std::string& before, const std::string& now);

// ---- calendar ----

std::vector<CalendarDay> CalendarDays(soci::session& s, const std::string& year);
void UpsertCalendarDay(soci::session& s, const CalendarDay& d, const std::string& by,
                       const std::string& now);
// Returns true when a row was deleted.
bool DeleteCalendarDay(soci::session& s, const std::string& date);

// ---- organisation settings ----

std::vector<OrgSetting> OrgSettings(soci::session& s);
std::optional<OrgSetting> FindOrgSetting(soci::session& s, int64_t org_id);
void UpsertOrgSetting(soci::session& s, const OrgSetting& o);
// Returns the ids of the associations of `region`, and of the operator
// organisations of `operator_code` in `province`.
std::vector<int64_t> DeskOrgs(soci::session& s, const std::string& region);
std::vector<int64_t> LiaisonOrgs(soci::session& s, const std::string& operator_code,
                                 const std::string& province);

// ---- the public form ----

// Returns how many hits `address` has at or after unix time `since`, and the oldest one's time.
std::pair<int64_t, int64_t> CountHits(soci::session& s, const std::string& address, int64_t since);
// Records a hit of `address` at `now` and forgets hits older than `forget_before`.
void RecordHit(soci::session& s, const std::string& address, int64_t now, int64_t forget_before);
// Records a used challenge nonce; returns false when it was used already.
// Forgets nonces that expired before `now`.
bool UseNonce(soci::session& s, const std::string& nonce, int64_t expires_at, int64_t now);
// Returns the named secret, creating it from `fresh` when absent.
std::string Secret(soci::session& s, const std::string& name, const std::string& fresh);

// ---- reminders ----

// Records a reminder of `clock` of case `id` for `due`; returns false when it was sent already.
bool RecordReminder(soci::session& s, int64_t id, const std::string& clock, const std::string& due,
                    const std::string& now);

}  // namespace jianbao::complaints::repo

#endif  // JIANBAO_COMPLAINTS_REPOSITORY_H_
