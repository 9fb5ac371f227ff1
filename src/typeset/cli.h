// Copyright 2026 The Jianbao Authors.
//
// The typesetting engine's command:
//   jianbao render ISSUE.json --format pdf|docx|html|txt|png -o OUT [--config FILE] [--dpi N]
// png writes one file per page: OUT-1.png, OUT-2.png … (a trailing ".png" on
// OUT is dropped first). On failure the command prints the problem, naming
// the JSON key, to stderr and throws CLI::RuntimeError with a non-zero code.

#ifndef JIANBAO_TYPESET_CLI_H_
#define JIANBAO_TYPESET_CLI_H_

#include <CLI/CLI.hpp>

namespace jianbao::typeset {

// Adds the "render" subcommand to `app`.
void AddCommands(CLI::App& app);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_CLI_H_
