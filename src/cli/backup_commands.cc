// Copyright 2026 The Jianbao Authors.
//
// `jianbao backup --db DB -o FILE` and `jianbao restore --db DB FILE [--force]`:
// a consistent copy of the whole database while servers keep running, and
// its return into an empty (or, with --force, any) database, which is then
// brought up to the current schema. See docs/operations.md.

#include <iostream>

#include "cli/commands.h"
#include "cli/wiring.h"
#include "store/backup.h"

namespace jianbao::cli {
namespace {

struct BackupArgs {
  std::string db, config_path, file, pg_bin;
  bool force = false;
};

[[noreturn]] void Fail(const char* command, const Status& st) {
  std::cerr << "jianbao " << command << ": " << st.ToString() << "\n";
  throw CLI::RuntimeError(1);
}

// Returns the database URL: --db, else the config's database.url.
std::string DatabaseUrl(const char* command, const BackupArgs& a) {
  auto config = LoadConfig(a.config_path);
  if (!config.ok()) Fail(command, config.status());
  if (!a.db.empty()) config->Set("database.url", a.db);
  return config->GetString("database.url", "sqlite:var/jianbao.db");
}

void RunBackup(const BackupArgs& a) {
  const std::string url = DatabaseUrl("backup", a);
  Status st = store::Backup(url, a.file, {a.pg_bin, false});
  if (!st.ok()) Fail("backup", st);
  std::cout << "backup written to " << a.file << "\n";
}

void RunRestore(const BackupArgs& a) {
  const std::string url = DatabaseUrl("restore", a);
  Status st = store::Restore(url, a.file, {a.pg_bin, a.force});
  if (!st.ok()) Fail("restore", st);
  // A backup from an older version gets the migrations it lacks.
  auto db = OpenDatabase(url);
  if (!db.ok()) Fail("restore", db.status());
  std::cout << "restored " << a.file << " into " << db.value()->display_url()
            << "; the schema is up to date\n";
}

void AddShared(CLI::App* cmd, BackupArgs* a) {
  cmd->add_option("--db", a->db, "database: PATH, sqlite:PATH or postgresql://…");
  cmd->add_option("--config", a->config_path, "TOML config file")->envname("JIANBAO_CONFIG");
  cmd->add_option("--pg-bin", a->pg_bin,
                  "directory of pg_dump, pg_restore and psql (default: found on PATH)");
}

}  // namespace

void AddBackupCommands(CLI::App& app) {
  auto args = std::make_shared<BackupArgs>();
  auto* backup = app.add_subcommand(
      "backup", "write a consistent copy of the database to a file, while servers keep running");
  AddShared(backup, args.get());
  backup->add_option("-o,--output", args->file, "the backup file to write")->required();
  backup->callback([args] { RunBackup(*args); });

  auto* restore = app.add_subcommand(
      "restore", "load a backup into an empty database (stop the servers first)");
  AddShared(restore, args.get());
  restore->add_option("file", args->file, "the backup file")->required();
  restore->add_flag("--force", args->force, "replace a database that already holds data");
  restore->callback([args] { RunRestore(*args); });
}

}  // namespace jianbao::cli
