// Copyright 2026 The Jianbao Authors.

#include "typeset/cli.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "core/config.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

constexpr int kExitInput = 2;   // bad issue JSON or config
constexpr int kExitOutput = 3;  // cannot write the output

struct RenderArgs {
  std::string input, format = "pdf", output, config;
  int dpi = 96;
};

[[noreturn]] void Fail(const std::string& message, int code) {
  std::cerr << "jianbao render: " << message << "\n";
  throw CLI::RuntimeError(code);
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

template <typename T>
T Check(Result<T> r, int code) {
  if (!r.ok()) Fail(r.status().message(), code);
  return std::move(r).value();
}

void RunRender(const RenderArgs& a) {
  std::ifstream in(a.input, std::ios::binary);
  if (!in) Fail("cannot read " + a.input, kExitInput);
  std::stringstream ss;
  ss << in.rdbuf();
  Config config;
  if (!a.config.empty()) config = Check(Config::FromFile(a.config), kExitInput);
  config.ApplyEnvironment();
  // Images by path resolve next to the issue file.
  std::string base = std::filesystem::path(a.input).parent_path().string();
  if (base.empty()) base = ".";
  Issue issue = Check(ParseIssueJson(ss.str(), base), kExitInput);
  auto ts = Check(Typesetter::Create(FontsFromConfig(config)), kExitInput);
  std::string bytes;
  if (a.format == "png") {
    auto pages = Check(ts->RenderPngPages(issue, a.dpi), kExitInput);
    std::string stem = a.output;
    if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".png") == 0)
      stem.resize(stem.size() - 4);
    for (size_t i = 0; i < pages.size(); ++i) {
      std::string path = stem + "-" + std::to_string(i + 1) + ".png";
      if (!WriteFile(path, pages[i])) Fail("cannot write " + path, kExitOutput);
    }
    return;
  }
  if (a.format == "pdf") bytes = Check(ts->RenderPdf(issue), kExitInput);
  if (a.format == "docx") bytes = Check(ts->RenderDocx(issue), kExitInput);
  if (a.format == "html") bytes = Check(ts->RenderHtml(issue), kExitInput);
  if (a.format == "txt") bytes = Check(ts->RenderText(issue), kExitInput);
  if (!WriteFile(a.output, bytes)) Fail("cannot write " + a.output, kExitOutput);
}

}  // namespace

void AddCommands(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Typeset a bulletin issue (JSON) as PDF, DOCX, HTML, text or PNG");
  cmd->add_option("issue", args->input, "issue JSON file (schema: docs/typeset.md)")->required();
  cmd->add_option("--format,-f", args->format, "output format")
      ->check(CLI::IsMember({"pdf", "docx", "html", "txt", "png"}));
  cmd->add_option("-o,--output", args->output, "output file (png: OUT-1.png, OUT-2.png …)")
      ->required();
  cmd->add_option("--config", args->config,
                  "TOML config with [fonts] song, fangsong, hei, kai, title, mono, red");
  cmd->add_option("--dpi", args->dpi, "PNG resolution")->check(CLI::Range(10, 600));
  cmd->callback([args] { RunRender(*args); });
}

}  // namespace jianbao::typeset
