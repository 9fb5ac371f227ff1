// Copyright 2026 The Jianbao Authors.
//
// The epidemic module's SQL, all of it, in the common dialect of SQLite and
// PostgreSQL. Every function runs on the session it is given; callers wrap
// writes in store::Database::Write so that they form one transaction.
//
// Tables: epidemic_regions, epidemic_figures (one row per day and region, one
// nullable column per Field; NULL = not reported), epidemic_corrections,
// epidemic_notes (source notes; list columns are comma-separated),
// epidemic_followups and epidemic_followup_events (follow-ups of findings).

#ifndef JIANBAO_EPIDEMIC_REPOSITORY_H_
#define JIANBAO_EPIDEMIC_REPOSITORY_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/edit_version.h"
#include "core/page.h"
#include "core/status.h"
#include "epidemic/followups.h"
#include "epidemic/model.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::epidemic {

// Returns the module's migrations (module name "epidemic"); they create the
// three tables and insert the built-in regions.
std::vector<store::Migration> Migrations();

namespace repository {

// Inserts the regions that do not exist yet; existing ones are left as they are.
Status InsertMissingRegions(soci::session& s, const std::vector<Region>& regions);

// Returns every region, ordered by code.
Result<std::vector<Region>> LoadRegions(soci::session& s);

// Merges `rows` into the stored figures: a reported value overwrites the
// stored one, an unreported value leaves it alone. Returns how many stored
// rows were inserted or changed (0 when everything was already there).
Result<int> MergeFigures(soci::session& s, const std::vector<RegionDay>& rows,
                         const std::string& source);

// Stores `row` exactly (unset fields become NULL), inserting it if needed.
// An all-unset row deletes the stored row.
Status ReplaceFigures(soci::session& s, const RegionDay& row, const std::string& source);

// The edit version of each grid row of `date` that has been saved from the
// grid (store/versions.h; a row without one has version 1), by region.
std::map<std::string, EditStamp> LoadFigureVersions(soci::session& s, const std::string& date);
// Claims the next edit version of grid row (date, region): EditConflict when
// it no longer has version `expected` (any version when empty).
// REQUIRES: inside Database::Write, before ReplaceFigures.
// Gives every stored row of the days `from`..`to` a new version (by, at), so a
// grid loaded before an import or a correction cannot save over it unseen:
// its If-Match is stale and it gets 412 edit_conflict. One statement.
void BumpFigureVersions(soci::session& s, const std::string& from, const std::string& to,
                        const std::string& by, const std::string& at);
Status ClaimFigureVersion(soci::session& s, const std::string& date, const std::string& region,
                          const std::optional<int64_t>& expected, const std::string& by,
                          const std::string& at);

// Returns the stored rows with from <= day <= to ("" = unbounded), ordered by
// region then day. When `region` is non-empty only that region's rows.
Result<std::vector<RegionDay>> LoadFigures(soci::session& s, const std::string& from,
                                           const std::string& to, const std::string& region = "");

// Inserts corrections. With `skip_duplicates`, one equal in date, region,
// field, delta and reason to a stored one is skipped; otherwise it is a
// kConflict error. Returns how many were inserted; sets each inserted id.
Result<int> InsertCorrections(soci::session& s, std::vector<Correction>* corrections,
                              bool skip_duplicates);

// Returns the corrections with from <= date <= to ("" = unbounded), by date then id.
Result<std::vector<Correction>> LoadCorrections(soci::session& s, const std::string& from,
                                                const std::string& to);

// Returns the first and last stored day and how many distinct days there are.
Result<DateRange> StoredDates(soci::session& s);

// Deletes correction `id`. Returns NotFound when there is none.
Status DeleteCorrection(soci::session& s, int64_t id);

// Inserts source notes. With `skip_duplicates`, one equal in scope and
// reason to a stored one is skipped. Returns how many were inserted; sets
// each inserted id.
Result<int> InsertNotes(soci::session& s, std::vector<SourceNote>* notes, bool skip_duplicates);

// Returns every source note, by id.
Result<std::vector<SourceNote>> LoadNotes(soci::session& s);

// Deletes source note `id`. Returns NotFound "note_not_found" when there is none.
Status DeleteNote(soci::session& s, int64_t id);

// --- Follow-ups (repository_followups.cc; tables epidemic_followups and
// epidemic_followup_events, migration 5).

// Returns the follow-up of finding `key` (without events), or nullopt.
std::optional<Followup> FindFollowupByKey(soci::session& s, const FindingKey& key);
// Returns follow-up `id` with its events (oldest first), or nullopt.
std::optional<Followup> FindFollowup(soci::session& s, int64_t id);
// Returns one page of follow-ups matching `filter`, newest first, without events.
Page<Followup> ListFollowups(soci::session& s, const FollowupFilter& filter);
// Inserts `f` (key, state, assignee, created_*; version 1); sets f->id.
// A second follow-up of one key violates a unique key (kConflict from the store).
void InsertFollowup(soci::session& s, Followup* f);
// Stores the state, assignee and resolution of `f` (the stamp is ClaimFollowupVersion's).
void UpdateFollowup(soci::session& s, const Followup& f);
// Claims the next edit version of follow-up `id` (store::ClaimVersion).
Status ClaimFollowupVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                            const std::string& by, const std::string& at);
// Appends one event to follow-up `followup_id`; sets e->id.
void InsertFollowupEvent(soci::session& s, int64_t followup_id, FollowupEvent* e);
// Returns the follow-ups of findings with from <= date <= to ("" = unbounded).
std::vector<FollowupRef> LoadFollowupRefs(soci::session& s, const std::string& from,
                                          const std::string& to);
// Returns every active user with the editor role, by name then id.
std::vector<Assignee> LoadAssignees(soci::session& s);
// Returns true when correction `id` exists.
bool CorrectionExists(soci::session& s, int64_t id);
// Returns true when source note `id` exists.
bool NoteExists(soci::session& s, int64_t id);

}  // namespace repository
}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_REPOSITORY_H_
