// Copyright 2026 The Jianbao Authors.
//
// The epidemic module's SQL, all of it, in the common dialect of SQLite and
// PostgreSQL. Every function runs on the session it is given; callers wrap
// writes in store::Database::Write so that they form one transaction.
//
// Tables: epidemic_regions, epidemic_figures (one row per day and region, one
// nullable column per Field; NULL = not reported), epidemic_corrections,
// epidemic_notes (source notes; list columns are comma-separated).

#ifndef JIANBAO_EPIDEMIC_REPOSITORY_H_
#define JIANBAO_EPIDEMIC_REPOSITORY_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/edit_version.h"
#include "core/status.h"
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

}  // namespace repository
}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_REPOSITORY_H_
