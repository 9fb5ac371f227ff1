// Copyright 2026 The Jianbao Authors.

#include "cli/wiring.h"

#include "orgs/demo.h"
#include "orgs/handlers.h"
#include "orgs/repository.h"
#include "notify/handlers.h"
#include "submissions/demo.h"
#include "submissions/handlers.h"
#include "submissions/repository.h"

namespace jianbao::cli {

Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& url) {
  JB_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::Database::Open(url));
  db->AddMigrations("orgs", orgs::repo::Migrations());
  db->AddMigrations("notify", notify::Migrations());
  db->AddMigrations("submissions", submissions::repo::Migrations());
  JB_RETURN_IF_ERROR(db->Migrate());
  return db;
}

Services::Services(store::Database* db, const Config& config)
    : orgs(std::make_unique<orgs::OrgService>(db, config)),
      notify(std::make_unique<notify::NotifyService>(db)),
      submissions(std::make_unique<submissions::SubmissionService>(db, orgs.get(), config)) {}

void RegisterRoutes(http::App& app, Services& services) {
  orgs::Register(app, *services.orgs);
  notify::Register(app, *services.notify);
  submissions::Register(app, *services.submissions);
}

Result<std::string> LoadDemoData(Services& services) {
  JB_ASSIGN_OR_RETURN(bool empty, services.orgs->IsEmpty());
  if (!empty) return std::string();
  JB_RETURN_IF_ERROR(orgs::LoadDemo(*services.orgs));
  JB_RETURN_IF_ERROR(submissions::LoadDemo(*services.submissions, *services.orgs));
  std::string out = "Demo sign-ins (password " + std::string(orgs::kDemoPassword) + "):\n";
  for (const auto& d : orgs::DemoLogins()) {
    out += "  " + d.login + std::string(24 - std::min<size_t>(d.login.size(), 23), ' ') + d.role +
           " @ " + d.org + "  (" + d.name + ")\n";
  }
  return out;
}

Result<Config> LoadConfig(const std::string& path) {
  Config config;
  if (!path.empty()) {
    JB_ASSIGN_OR_RETURN(config, Config::FromFile(path));
  }
  config.ApplyEnvironment();
  return config;
}

}  // namespace jianbao::cli
