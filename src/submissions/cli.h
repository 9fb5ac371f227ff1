// Copyright 2026 The Jianbao Authors.
//
// The `jianbao import-docx FILE [--json]` command: converts a .docx (or a
// .txt) without a database and prints the title and the CommonMark body, as
// text or as {"title": …, "body": …}. On failure it prints the reason to
// stderr and throws CLI::RuntimeError with exit code 2.

#ifndef JIANBAO_SUBMISSIONS_CLI_H_
#define JIANBAO_SUBMISSIONS_CLI_H_

#include <CLI/CLI.hpp>

namespace jianbao::submissions {

// Adds the `import-docx` subcommand to `app`.
void AddCommands(CLI::App& app);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_CLI_H_
