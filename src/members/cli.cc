// Copyright 2026 The Jianbao Authors.

#include "members/cli.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "members/handlers.h"
#include "members/json.h"
#include "members/repository.h"
#include "members/service.h"
#include "members/sheet.h"
#include "orgs/repository.h"

namespace jianbao::members {
namespace {

struct ImportOptions {
  std::string file, db, parent;
  bool dry_run = false, json = false;
};

[[noreturn]] void Fail(const std::string& message, int code) {
  std::cerr << "jianbao members import: " << message << "\n";
  throw CLI::RuntimeError(code);
}

void RunImport(const ImportOptions& opt) {
  const SheetLimits limits;
  std::ifstream in(opt.file, std::ios::binary);
  if (!in) Fail("cannot read " + opt.file, 2);
  std::string bytes(limits.max_input_bytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  const std::string lower = [&] {
    std::string s = opt.file;
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }();
  const std::string format =
      lower.size() > 4 && lower.substr(lower.size() - 4) == ".csv" ? "csv" : "xlsx";
  auto db = store::Database::Open(opt.db);
  if (!db.ok()) Fail(db.status().message(), 2);
  (*db)->AddMigrations("orgs", orgs::repo::Migrations());
  (*db)->AddMigrations("members", repo::Migrations());
  if (Status st = (*db)->Migrate(); !st.ok()) Fail(st.message(), 2);
  messages::Add(Messages());
  MembersService svc((*db).get());
  Result<ImportResult> r = svc.Import(Actor::System(), opt.parent, format, bytes, opt.dry_run);
  if (!r.ok()) Fail(r.status().message() + " (" + r.status().key() + ")", 2);
  if (opt.json) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const ImportError& e : r->errors) {
      errors.push_back(
          {{"row", e.row}, {"column", e.column}, {"message", ImportErrorMessage(e, "en")}});
    }
    std::cout << nlohmann::ordered_json{{"created", r->created},
                                        {"updated", r->updated},
                                        {"errors", errors},
                                        {"dry_run", r->dry_run},
                                        {"stored", r->stored}}
                     .dump()
              << "\n";
  } else {
    for (const ImportError& e : r->errors) {
      std::cerr << "row " << e.row << (e.column.empty() ? "" : ", " + e.column) << ": "
                << ImportErrorMessage(e, "en") << "\n";
    }
    std::cout << (r->stored ? "imported" : "checked") << ": " << r->created << " created, "
              << r->updated << " updated, " << r->errors.size() << " errors"
              << (r->stored ? "" : "; nothing stored") << "\n";
  }
  if (!r->errors.empty()) throw CLI::RuntimeError(1);
}

}  // namespace

void AddCommands(CLI::App& app) {
  CLI::App* members = app.add_subcommand("members", "Member units (复工复产): import member lists");
  members->require_subcommand(1);
  auto opt = std::make_shared<ImportOptions>();
  CLI::App* cmd = members->add_subcommand(
      "import", "Import member units from .xlsx or .csv under an association, all or nothing");
  cmd->add_option("file", opt->file, "the .xlsx or .csv member list")->required();
  cmd->add_option("--db", opt->db, "database: a file path, sqlite:PATH or postgresql://…")
      ->required();
  cmd->add_option("--parent", opt->parent, "code of the association the units belong to")
      ->required();
  cmd->add_flag("--dry-run", opt->dry_run, "check and show what would change; store nothing");
  cmd->add_flag("--json", opt->json, "print the result as JSON");
  cmd->callback([opt] { RunImport(*opt); });
}

}  // namespace jianbao::members
