// Copyright 2026 The Jianbao Authors.
//
// The compare-and-set behind core/edit_version.h, shared by every module's
// repository. A table with editable rows carries three columns, added by
// the module's migration:
//   version INTEGER NOT NULL DEFAULT 1, updated_by TEXT NOT NULL DEFAULT '',
//   updated_at TEXT NOT NULL DEFAULT ''
// A write transaction calls ClaimVersion before it writes the row: the
// UPDATE's WHERE clause carries the expected version, so of two racing
// transactions exactly one matches the row (PostgreSQL re-checks the WHERE
// clause after the other commits; SQLite has one writer at a time).

#ifndef JIANBAO_STORE_VERSIONS_H_
#define JIANBAO_STORE_VERSIONS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/edit_version.h"

namespace soci {
class session;
}

namespace jianbao::store {

// A table with editable rows: its name, the key column and the three stamp
// columns (compile-time constants of a repository, never user input). A
// table whose "version" column already means something else names others.
struct VersionedTable {
  const char* table;
  const char* key;  // an integer key column, e.g. "id"
  const char* version = "version";
  const char* by = "updated_by";
  const char* at = "updated_at";
};

// Returns the stamp of row `id`, or nullopt when there is no such row.
std::optional<EditStamp> ReadStamp(soci::session& s, VersionedTable t, int64_t id);

// Sets the row's version to version + 1 and its updated_by/updated_at to
// `by`/`at`, provided the row still has version `expected` (any version when
// `expected` is empty). Returns OK, or EditConflict(current stamp) when the
// row holds another version, or kNotFound "not_found" when it is gone.
// REQUIRES: inside Database::Write; the caller writes the row's content in
// the same transaction.
Status ClaimVersion(soci::session& s, VersionedTable t, int64_t id,
                    const std::optional<int64_t>& expected, const std::string& by,
                    const std::string& at);

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_VERSIONS_H_
