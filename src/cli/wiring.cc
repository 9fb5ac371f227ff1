// Copyright 2026 The Jianbao Authors.

#include "cli/wiring.h"

#include "orgs/demo.h"
#include "orgs/handlers.h"
#include "orgs/repository.h"

namespace jianbao::cli {

Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& url) {
  JB_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::Database::Open(url));
  db->AddMigrations("orgs", orgs::repo::Migrations());
  JB_RETURN_IF_ERROR(db->Migrate());
  return db;
}

Services::Services(store::Database* db, const Config& config)
    : orgs(std::make_unique<orgs::OrgService>(db, config)) {}

void RegisterRoutes(http::App& app, Services& services) {
  orgs::Register(app, *services.orgs);
}

Result<std::string> LoadDemoData(Services& services) {
  JB_ASSIGN_OR_RETURN(bool empty, services.orgs->IsEmpty());
  if (!empty) return std::string();
  JB_RETURN_IF_ERROR(orgs::LoadDemo(*services.orgs));
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
