// Copyright 2026 The Jianbao Authors.
//
// `jianbao complaints purge --db DB [--before DATE]`: erases the personal
// data (name, phone, description, the operator's texts, attachments) of the
// complaint desk's cases that were closed, refused or merged before DATE, or,
// without --before, longer ago than complaints.retention_days (default 730).
// The cases, their counts and the statistics stay. Prints how many cases were
// purged; the server's daily job does the same without --before.

#include <iostream>

#include "cli/commands.h"
#include "cli/wiring.h"
#include "core/clock.h"

namespace jianbao::cli {
namespace {

struct PurgeArgs {
  std::string db, config_path, before;
};

[[noreturn]] void Fail(const Status& st) {
  std::cerr << "jianbao complaints purge: " << st.ToString() << "\n";
  throw CLI::RuntimeError(1);
}

void Purge(const PurgeArgs& a) {
  if (!a.before.empty() && !clock::IsValidDate(a.before)) {
    Fail(Status::Invalid("before", "invalid_date", "--before must be a date YYYY-MM-DD"));
  }
  auto config = LoadConfig(a.config_path);
  if (!config.ok()) Fail(config.status());
  if (!a.db.empty()) config->Set("database.url", a.db);
  auto db = OpenDatabase(config->GetString("database.url", "sqlite:var/jianbao.db"));
  if (!db.ok()) Fail(db.status());
  orgs::OrgService orgs(db->get(), *config);
  complaints::ComplaintService service(db->get(), &orgs, *config);
  auto n = service.Purge(a.before);
  if (!n.ok()) Fail(n.status());
  std::cout << "personal data erased from " << *n << " case" << (*n == 1 ? "" : "s") << "\n";
}

}  // namespace

void AddComplaintCommands(CLI::App& app) {
  CLI::App* group = app.add_subcommand("complaints", "Complaint desk (申诉受理) maintenance");
  group->require_subcommand(1);
  auto args = std::make_shared<PurgeArgs>();
  CLI::App* purge = group->add_subcommand(
      "purge", "Erase the personal data of finished cases (the counts and statistics stay)");
  purge->add_option("--db", args->db, "database: PATH, sqlite:PATH or postgresql://…");
  purge->add_option("--config", args->config_path, "TOML config file")->envname("JIANBAO_CONFIG");
  purge->add_option("--before", args->before,
                    "erase cases finished before this date (default: the retention period)");
  purge->callback([args] { Purge(*args); });
}

}  // namespace jianbao::cli
