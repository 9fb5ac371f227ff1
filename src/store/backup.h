// Copyright 2026 The Jianbao Authors.
//
// Backup and restore of a whole Jianbao database, on either engine.
//
// SQLite: the backup is a SQLite database file, copied with SQLite's online
// backup API in one read transaction, so it is a consistent snapshot even
// while a server writes (WAL lets the writer go on). PostgreSQL: the backup
// is a pg_dump archive in custom format (pg_dump also reads one snapshot);
// restore turns it into SQL with pg_restore and runs that with psql in one
// transaction. The PostgreSQL client programs are looked up in `pg_bin`
// (when set) and then on PATH. A password in the URL reaches them through
// PGPASSWORD, never on a command line.
//
// A backup is written to FILE.partial and renamed to FILE once complete, so
// a FILE that exists is whole.
//
//   JB_RETURN_IF_ERROR(store::Backup("sqlite:var/jianbao.db", "jianbao.bak", {}));
//   JB_RETURN_IF_ERROR(store::Restore("sqlite:new.db", "jianbao.bak", {}));
//
// Neither function applies migrations: the caller opens the restored
// database with its migrations afterwards (`jianbao restore` does).

#ifndef JIANBAO_STORE_BACKUP_H_
#define JIANBAO_STORE_BACKUP_H_

#include <string>

#include "core/status.h"

namespace jianbao::store {

struct BackupOptions {
  std::string pg_bin;  // directory of pg_dump, pg_restore and psql; "" means PATH
  bool force = false;  // Restore: replace a database that holds data
};

// Writes a consistent copy of the database at `url` (as accepted by
// Database::Open) to `path`. Returns kUnavailable when the database cannot
// be reached, kInvalid when `path` cannot be written, kInternal when a
// PostgreSQL tool fails (its message included). The database is not changed.
Status Backup(const std::string& url, const std::string& path, const BackupOptions& options);

// Replaces the contents of the database at `url` with the backup in `path`,
// all at once: on any error the database is left as it was. Returns
// kConflict "not_empty" when the database holds data (a row in any table
// other than schema_migrations) and `options.force` is false; kInvalid when
// `path` is not a backup for this engine (a SQLite file for sqlite:, a
// pg_dump custom archive for postgresql://) or fails its integrity check.
// REQUIRES: no server is using the database (stop them first).
Status Restore(const std::string& url, const std::string& path, const BackupOptions& options);

// Returns whether the database at `url` holds data (see Restore).
Result<bool> HoldsData(const std::string& url);

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_BACKUP_H_
