// Copyright 2026 The Jianbao Authors.
//
// The `jianbao members …` commands. `members import FILE --db DB --parent
// CODE [--dry-run] [--json]` imports a member list (.xlsx or .csv, by the
// file's extension) as the system actor, all or nothing; with --json it
// prints {"created","updated","errors":[{"row","column","message"}]}. Exit
// status: 0 imported (or checked with --dry-run), 1 rows have errors
// (nothing stored), 2 the file or the database cannot be used.

#ifndef JIANBAO_MEMBERS_CLI_H_
#define JIANBAO_MEMBERS_CLI_H_

#include <CLI/CLI.hpp>

namespace jianbao::members {

// Adds the `members` subcommand and its subcommands to `app`.
void AddCommands(CLI::App& app);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_CLI_H_
