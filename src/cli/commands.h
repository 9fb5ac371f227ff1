// Copyright 2026 The Jianbao Authors.
//
// The platform's subcommands: serve, migrate, user add|list|passwd, mail test.

#ifndef JIANBAO_CLI_COMMANDS_H_
#define JIANBAO_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace jianbao::cli {

// Adds serve, migrate and user to `app`. Failing commands print to stderr
// and throw CLI::RuntimeError with a non-zero exit code.
void AddPlatformCommands(CLI::App& app);

// Adds import-bulletin.
void AddBulletinCommands(CLI::App& app);

// Adds search reindex|query (search_commands.cc).
void AddSearchCommands(CLI::App& app);

// Adds backup and restore (backup_commands.cc).
void AddBackupCommands(CLI::App& app);

// Adds `complaints purge` (complaint_commands.cc).
void AddComplaintCommands(CLI::App& app);

}  // namespace jianbao::cli

#endif  // JIANBAO_CLI_COMMANDS_H_
