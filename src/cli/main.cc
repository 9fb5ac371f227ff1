// Copyright 2026 The Jianbao Authors.

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"Jianbao 简报 — information reporting and bulletins"};
  app.set_version_flag("--version", "jianbao 0.1.0");
  CLI11_PARSE(app, argc, argv);
  return 0;
}
