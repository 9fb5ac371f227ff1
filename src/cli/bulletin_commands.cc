// Copyright 2026 The Jianbao Authors.
//
// `jianbao import-bulletin FILE.txt [--json | --db DB --series CODE]`:
// rebuilds an old bulletin from PDF-extracted text. With --json it prints the
// typesetting engine's issue JSON and stores nothing; otherwise it stores the
// issue, with its rendered files, in the archive of a series.

#include <fstream>
#include <iostream>
#include <sstream>

#include "bulletins/legacy.h"
#include "cli/commands.h"
#include "cli/wiring.h"

namespace jianbao::cli {
namespace {

struct ImportArgs {
  std::string file, db, config_path, series = "ccea-epidemic", date;
  int number = 0;
  bool json = false;
};

[[noreturn]] void Fail(const Status& st) {
  std::cerr << "jianbao import-bulletin: " << st.ToString() << "\n";
  throw CLI::RuntimeError(1);
}

void PrintReport(const std::vector<std::string>& recognised, const std::vector<std::string>& problems) {
  for (const auto& r : recognised) std::cerr << "recognised: " << r << "\n";
  for (const auto& p : problems) std::cerr << "problem: " << p << "\n";
}

void Run(const ImportArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  if (!in) Fail(Status::Invalid("file", "unreadable", "cannot read " + a.file));
  std::stringstream text;
  text << in.rdbuf();
  const bulletins::LegacyOptions options{a.number, a.date};
  if (a.json) {
    auto r = bulletins::ImportLegacyText(text.str(), options);
    if (!r.ok()) Fail(r.status());
    PrintReport(r->recognised, r->problems);
    std::cout << bulletins::IssueToJson(r->issue) << "\n";
    return;
  }
  auto config = LoadConfig(a.config_path);
  if (!config.ok()) Fail(config.status());
  if (!a.db.empty()) config->Set("database.url", a.db);
  auto db = OpenDatabase(config->GetString("database.url", "sqlite:var/jianbao.db"));
  if (!db.ok()) Fail(db.status());
  Services services(db->get(), *config);
  if (!services.typesetter) Fail(services.typesetter_status);
  auto r = services.bulletins->ImportLegacy(Actor::System(), a.series, text.str(), options);
  if (!r.ok()) Fail(r.status());
  PrintReport(r->recognised, r->problems);
  std::cout << "stored as issue " << r->view.issue.id << " (第" << r->view.issue.number << "期, "
            << r->view.issue.date << ") of " << a.series << "\n";
}

}  // namespace

void AddBulletinCommands(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import-bulletin", "rebuild an old bulletin from PDF-extracted text");
  cmd->add_option("file", args->file, "the .txt file")->required();
  cmd->add_flag("--json", args->json, "print the issue JSON for `jianbao render`; store nothing");
  cmd->add_option("--db", args->db, "database to store the issue in");
  cmd->add_option("--config", args->config_path, "TOML config file")->envname("JIANBAO_CONFIG");
  cmd->add_option("--series", args->series, "series code (default ccea-epidemic)");
  cmd->add_option("--number", args->number, "issue number when the header lost it");
  cmd->add_option("--date", args->date, "issue date YYYY-MM-DD when the header lost it");
  cmd->callback([args] { Run(*args); });
}

}  // namespace jianbao::cli
