// Copyright 2026 The Jianbao Authors.
//
// `jianbao search reindex --db DB`: rebuilds the full-text index, with progress.
// `jianbao search query --db DB --as LOGIN "QUERY" [--page N] [--page-size N] [--json]`:
// searches as that user and prints the answer of GET /api/v1/search (same defaults).

#include <iostream>

#include "cli/commands.h"
#include "cli/wiring.h"
#include "orgs/repository.h"
#include "search/json.h"

namespace jianbao::cli {
namespace {

struct SearchArgs {
  std::string db, config_path, as, query, kind, org, series, state, from, to;
  int page = 1, page_size = 20;
  bool json = false;
};

[[noreturn]] void Fail(const Status& st) {
  std::cerr << "jianbao search: " << st.ToString() << "\n";
  throw CLI::RuntimeError(1);
}

template <typename T>
T OrFail(Result<T> r) {
  if (!r.ok()) Fail(r.status());
  return std::move(r).value();
}

std::unique_ptr<store::Database> Open(const SearchArgs& a, Config* config) {
  *config = OrFail(LoadConfig(a.config_path));
  if (!a.db.empty()) config->Set("database.url", a.db);
  return OrFail(OpenDatabase(config->GetString("database.url", "sqlite:var/jianbao.db")));
}

void Reindex(const SearchArgs& a) {
  Config config;
  auto db = Open(a, &config);
  Services services(db.get(), config);
  Status st = services.search->Reindex([](int64_t done, int64_t total) {
    std::cerr << "\rindexed " << done << " of " << total << std::flush;
  });
  std::cerr << "\n";
  if (!st.ok()) Fail(st);

  auto size = OrFail(services.search->Size());
  std::cout << "index rebuilt: " << size.first << " bytes of index for " << size.second
            << " bytes of text\n";
}

// Returns the actor of user `login` (as when they sign in).
Actor ActorOf(store::Database& db, const std::string& login) {
  std::optional<orgs::User> user;
  Status st = db.Read([&](soci::session& s) {
    std::string hash;
    user = orgs::repo::FindUserByLogin(s, login, &hash);
    return Status::Ok();
  });
  if (!st.ok()) Fail(st);
  if (!user || user->disabled) {
    Fail(Status::NotFound("user_not_found", "no such active user: " + login));
  }
  Actor a;
  a.user_id = user->id;
  a.login = user->login;
  a.name = user->name;
  a.org_id = user->org_id;
  a.org_code = user->org_code;
  a.roles = user->roles;
  return a;
}

void Query(const SearchArgs& a) {
  Config config;
  auto db = Open(a, &config);
  Services services(db.get(), config);
  const Actor actor = ActorOf(*db, a.as);
  std::map<std::string, std::string> params = {
      {"q", a.query}, {"page", std::to_string(a.page)}, {"page_size", std::to_string(a.page_size)}};
  for (auto [name, value] :
       {std::pair{"kind", &a.kind}, std::pair{"org", &a.org}, std::pair{"series", &a.series},
        std::pair{"state", &a.state}, std::pair{"from", &a.from}, std::pair{"to", &a.to}}) {
    if (!value->empty()) params[name] = *value;
  }
  const search::SearchRequest req = OrFail(search::ReadSearchRequest(params));
  const search::SearchResult r = OrFail(services.search->Search(actor, req));
  if (a.json) {
    std::cout << search::SearchResultJson(r, req).dump() << "\n";
    return;
  }
  std::cout << r.total << " found";
  for (const auto& [kind, n] : r.kinds) std::cout << "  " << kind << " " << n;
  std::cout << "\n";
  for (const search::SearchItem& it : r.items) {
    std::cout << it.kind << " " << it.id << "  " << it.date << "  " << it.org << "  " << it.title
              << "\n    " << it.snippet << "\n";
  }
}

}  // namespace

void AddSearchCommands(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  auto* search = app.add_subcommand("search", "full-text search: rebuild the index, query it");
  search->require_subcommand(1);
  auto* reindex = search->add_subcommand("reindex", "rebuild the full-text index");
  reindex->add_option("--db", args->db, "database: PATH, sqlite:PATH or postgresql://…");
  reindex->add_option("--config", args->config_path, "TOML config file")->envname("JIANBAO_CONFIG");
  reindex->callback([args] { Reindex(*args); });
  auto* query =
      search->add_subcommand("query", "search as a user (the answer of GET /api/v1/search)");
  query->add_option("--db", args->db, "database: PATH, sqlite:PATH or postgresql://…");
  query->add_option("--config", args->config_path, "TOML config file")->envname("JIANBAO_CONFIG");
  query->add_option("--as", args->as, "the login of the user who searches")->required();
  query->add_option("query", args->query, "the query: words, \"phrases\", OR, -word, prefix*")
      ->required();
  query->add_option("--page", args->page, "page (default 1)");
  query->add_option("--page-size", args->page_size, "results per page (default 20)");
  query->add_option("--kind", args->kind, "piece, issue, …");
  query->add_option("--org", args->org, "organisation code");
  query->add_option("--series", args->series, "bulletin series code");
  query->add_option("--state", args->state, "workflow state (published, submitted, …)");
  query->add_option("--from", args->from, "first date, YYYY-MM-DD");
  query->add_option("--to", args->to, "last date, YYYY-MM-DD");
  query->add_flag("--json", args->json, "print the JSON answer");
  query->callback([args] { Query(*args); });
}

}  // namespace jianbao::cli
