// Copyright 2026 The Jianbao Authors.
//
// The `jianbao epidemic …` commands: import, day, set, validate, narrative,
// corrections, correct, series. Each opens the database, applies the
// module's migrations and calls EpidemicService. On failure a command prints
// the reason to stderr and throws CLI::RuntimeError with a non-zero code.

#ifndef JIANBAO_EPIDEMIC_CLI_H_
#define JIANBAO_EPIDEMIC_CLI_H_

#include <CLI/CLI.hpp>

namespace jianbao::epidemic {

// Adds the `epidemic` subcommand and its subcommands to `app`.
void AddCommands(CLI::App& app);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_CLI_H_
