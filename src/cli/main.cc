// Copyright 2026 The Jianbao Authors.
//
// The jianbao command: serve, migrate, user, and the modules' commands.
// Each module adds its own subcommands with an AddCommands(CLI::App&) call;
// a failing command prints its message to stderr and throws
// CLI::RuntimeError(exit_code).

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "epidemic/cli.h"
#include "members/cli.h"
#include "submissions/cli.h"
#include "typeset/cli.h"
#include "typeset/typeset.h"

int main(int argc, char** argv) {
  jianbao::typeset::PrepareCairoPdf();  // sets the environment: before any thread
  CLI::App app{"Jianbao 简报 — information reporting and bulletins"};
  app.set_version_flag("--version", "jianbao 0.1.0");
  app.require_subcommand(1);
  auto log = spdlog::stderr_color_mt("jianbao");
  spdlog::set_default_logger(log);
  if (const char* level = std::getenv("JIANBAO_LOG_LEVEL")) {
    spdlog::set_level(spdlog::level::from_str(level));
  }
  jianbao::cli::AddPlatformCommands(app);
  jianbao::cli::AddBulletinCommands(app);
  jianbao::cli::AddBackupCommands(app);
  jianbao::cli::AddComplaintCommands(app);
  jianbao::cli::AddSearchCommands(app);
  jianbao::submissions::AddCommands(app);
  jianbao::typeset::AddCommands(app);
  jianbao::epidemic::AddCommands(app);
  jianbao::members::AddCommands(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
