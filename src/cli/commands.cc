// Copyright 2026 The Jianbao Authors.

#include "cli/commands.h"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/wiring.h"
#include "http/server.h"
#include "mail/mime.h"
#include "mail/smtp.h"
#include "orgs/json.h"

namespace jianbao::cli {
namespace {

struct Common {
  std::string config_path;
  std::string db;
};

[[noreturn]] void Fail(const Status& st, int code = 1) {
  std::cerr << "jianbao: " << st.ToString() << "\n";
  throw CLI::RuntimeError(code);
}

template <typename T>
T OrFail(Result<T> r) {
  if (!r.ok()) Fail(r.status());
  return std::move(r).value();
}

// Returns the config with --db applied (flag > environment > file > default).
Config Resolve(const Common& c) {
  Config config = OrFail(LoadConfig(c.config_path));
  if (!c.db.empty()) config.Set("database.url", c.db);
  if (!config.Has("database.url")) config.Set("database.url", "sqlite:var/jianbao.db");
  return config;
}

std::string ReadPasswordStdin() {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("--db", c->db, "database: PATH, sqlite:PATH or postgresql://…");
  cmd->add_option("--config", c->config_path, "TOML config file")->envname("JIANBAO_CONFIG");
}

// Caps glibc's malloc arenas at two unless MALLOC_ARENA_MAX says otherwise.
// With one arena per handler thread, freed memory stays spread over the
// arenas and the RSS of a long-running server kept growing under steady
// traffic (bench/soak: +45 % in 30 minutes; with two arenas +6.6 %, no leak).
void LimitMallocArenas() {
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
}

void Serve(const Common& c, const std::string& listen, bool demo, const std::string& web_root,
           int threads) {
  LimitMallocArenas();
  Config config = Resolve(c);
  if (!listen.empty()) config.Set("server.listen", listen);
  if (!web_root.empty()) config.Set("server.web_root", web_root);
  auto hostport = OrFail(http::ParseListen(config.GetString("server.listen", "127.0.0.1:8080")));
  OrFail(http::ParseAddressList(config.GetString("server.trusted_proxies")));
  auto db = OrFail(OpenDatabase(config.GetString("database.url")));
  Services services(db.get(), config);
  if (!services.typesetter) Fail(services.typesetter_status);
  if (!services.mail_status.ok()) Fail(services.mail_status);
  if (services.mailer)
    services.mailer->Start(static_cast<int>(config.GetInt("mail.poll_seconds", 5)));
  if (services.reminder_mailer) {  // reminders and documents to external units
    services.reminder_mailer->Start(static_cast<int>(config.GetInt("mail.poll_seconds", 5)));
  }
  if (demo) {
    const std::string logins = OrFail(LoadDemoData(services));
    if (!logins.empty()) std::cout << logins << std::flush;
  }
  services.robot_worker->Start();  // group-robot deliveries (docs/robots.md)
  // After the demo loader, which moves the complaint desk's clock while it runs.
  services.complaints_job->Start(
      static_cast<int>(config.GetInt("complaints.job_interval_seconds", 3600)));
  // Records of a kind the index never saw in full (an upgrade, a database
  // older than the search) are indexed while the server already answers.
  std::jthread indexer([&services](std::stop_token stop) {
    auto n = services.search->IndexNewKinds([&stop] { return stop.stop_requested(); });
    if (!n.ok()) {
      spdlog::warn("search: indexing the kinds not yet indexed: {}", n.status().ToString());
    } else if (*n > 0) {
      spdlog::info("search: indexed {} records of kinds not indexed before", *n);
    }
  });
  http::App app(config, db.get());
  app.SetWebRoot(config.GetString("server.web_root", "web/dist"));
  RegisterRoutes(app, services);
  http::ServerOptions opt;
  opt.address = hostport.first;
  opt.port = hostport.second;
  opt.threads = threads > 0 ? threads : static_cast<int>(config.GetInt("server.threads", 8));
  opt.shutdown_grace_seconds = static_cast<int>(config.GetInt("server.shutdown_grace_seconds", 10));
  Status st = http::RunServer(app, opt, [&] {
    std::cout << "Jianbao is serving http://" << opt.address << ":" << opt.port << " (database "
              << db->display_url() << ")" << std::endl;
  });
  indexer.request_stop();
  indexer.join();
  if (!st.ok()) Fail(st);
}

void UserAdd(const Common& c, const orgs::NewUser& in) {
  auto db = OrFail(OpenDatabase(Resolve(c).GetString("database.url")));
  orgs::OrgService svc(db.get(), Config());
  orgs::NewUser u = in;
  u.password = ReadPasswordStdin();
  if (u.name.empty()) u.name = u.login;
  auto created = OrFail(svc.CreateUser(Actor::System(), u));
  std::cout << orgs::UserJson(created).dump() << "\n";
}

// Sets the contact e-mail of an organisation as the system actor (audited):
// the only way for roots such as government bodies, which no admin is over.
void OrgSetEmail(const Common& c, const std::string& code, const std::string& email) {
  auto db = OrFail(OpenDatabase(Resolve(c).GetString("database.url")));
  orgs::OrgService svc(db.get(), Config());
  auto org =
      OrFail(svc.UpdateOrg(Actor::System(), code, std::nullopt, std::nullopt, std::nullopt, email));
  std::cout << orgs::OrgJson(org).dump() << "\n";
}

void UserList(const Common& c, const std::string& org) {
  auto db = OrFail(OpenDatabase(Resolve(c).GetString("database.url")));
  orgs::OrgService svc(db.get(), Config());
  auto orgs_list = OrFail(svc.ListOrgs(Actor::System()));
  for (const orgs::Org& o : orgs_list) {
    if (!org.empty() && o.code != org) continue;
    if (!org.empty() || o.parent_id == 0) {
      auto page = OrFail(svc.ListUsers(Actor::System(), o.code, "", "", 0, 100));
      for (const orgs::User& u : page.items) {
        std::string roles;
        for (const auto& r : u.roles) roles += (roles.empty() ? "" : ",") + r;
        std::cout << u.login << "\t" << u.name << "\t" << u.org_code << "\t" << roles
                  << (u.disabled ? "\tdisabled" : "") << "\n";
      }
    }
  }
}

void UserPasswd(const Common& c, const std::string& login) {
  auto db = OrFail(OpenDatabase(Resolve(c).GetString("database.url")));
  orgs::OrgService svc(db.get(), Config());
  const std::string pw = ReadPasswordStdin();
  auto page = OrFail(svc.ListUsers(Actor::System(), "", "", login, 0, 100));
  for (const orgs::User& u : page.items) {
    if (u.login == login) {
      Status st = svc.ResetPassword(Actor::System(), u.id, pw);
      if (!st.ok()) Fail(st);
      std::cout << "password of " << login << " changed\n";
      return;
    }
  }
  Fail(Status::NotFound("user_not_found", "no such user: " + login));
}

// Sends a short test message with the [mail] settings, to check them.
void MailTest(const Common& c, const std::string& to) {
  const mail::SmtpConfig smtp = mail::SmtpConfigFrom(Resolve(c));
  if (!smtp.enabled()) {
    Fail(Status::Invalid("mail.smtp_url", "invalid_config",
                         "e-mail is off: set mail.smtp_url (or JIANBAO_MAIL_SMTP_URL)"));
  }
  mail::Message m;
  m.from = {smtp.from_name, smtp.from};
  m.to = {{"", to}};
  m.subject = "简报系统测试邮件 / Jianbao test message";
  m.text =
      "这是一封测试邮件：简报系统的 SMTP 设置可以使用。\nThis is a test: Jianbao's SMTP settings "
      "work.\n";
  Status st = mail::SendMail(smtp, {to}, mail::Compose(m));
  if (!st.ok()) Fail(st);
  std::cout << "test message sent to " << to << " through " << smtp.url << "\n";
}

// Prints every API route, one per line: METHOD PATTERN auth|open. Tests that
// must cover every route (load, authorisation) read this list.
void Routes() {
  auto db = OrFail(OpenDatabase("sqlite::memory:"));
  Config config;
  Services services(db.get(), config);
  // Records of a kind the index never saw in full (an upgrade, a database
  // older than the search) are indexed while the server already answers.
  std::jthread indexer([&services](std::stop_token stop) {
    auto n = services.search->IndexNewKinds([&stop] { return stop.stop_requested(); });
    if (!n.ok()) {
      spdlog::warn("search: indexing the kinds not yet indexed: {}", n.status().ToString());
    } else if (*n > 0) {
      spdlog::info("search: indexed {} records of kinds not indexed before", *n);
    }
  });
  http::App app(config, db.get());
  RegisterRoutes(app, services);
  for (const http::Route& r : app.router().routes()) {
    std::cout << r.method << " " << r.pattern << " " << (r.options.require_auth ? "auth" : "open")
              << "\n";
  }
}

}  // namespace

void AddPlatformCommands(CLI::App& app) {
  auto common = std::make_shared<Common>();

  auto* serve = app.add_subcommand("serve", "run the web server");
  AddCommon(serve, common.get());
  auto listen = std::make_shared<std::string>();
  auto web_root = std::make_shared<std::string>();
  auto demo = std::make_shared<bool>(false);
  auto threads = std::make_shared<int>(0);
  serve->add_option("--listen", *listen, "HOST:PORT (default 127.0.0.1:8080)");
  serve->add_flag("--demo", *demo, "load the demo data into an empty database");
  serve->add_option("--web-root", *web_root, "the built web UI (default web/dist)");
  serve->add_option("--threads", *threads, "handler threads (default 8)");
  serve->callback([=] { Serve(*common, *listen, *demo, *web_root, *threads); });

  auto* migrate = app.add_subcommand("migrate", "create or upgrade the database schema");
  AddCommon(migrate, common.get());
  migrate->callback([=] {
    auto db = OrFail(OpenDatabase(Resolve(*common).GetString("database.url")));
    std::cout << "database " << db->display_url() << " is up to date\n";
  });

  app.add_subcommand("routes", "list the HTTP API routes (METHOD PATTERN auth|open)")
      ->callback(Routes);

  auto* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto nu = std::make_shared<orgs::NewUser>();
  auto* add = user->add_subcommand("add", "add a user; the password is read from stdin");
  AddCommon(add, common.get());
  add->add_option("--login", nu->login, "login name")->required();
  add->add_option("--org", nu->org_code, "organisation code")->required();
  add->add_option("--role", nu->roles, "role (repeatable)")->required();
  add->add_option("--name", nu->name, "display name (default: the login)");
  add->add_flag("--password-stdin")
      ->description("read the password from standard input (always on)");
  add->callback([=] { UserAdd(*common, *nu); });

  auto list_org = std::make_shared<std::string>();
  auto* list = user->add_subcommand("list", "list users");
  AddCommon(list, common.get());
  list->add_option("--org", *list_org, "only this organisation and those below it");
  list->callback([=] { UserList(*common, *list_org); });

  auto login = std::make_shared<std::string>();
  auto* passwd = user->add_subcommand("passwd", "set a user's password from stdin");
  AddCommon(passwd, common.get());
  passwd->add_option("--login", *login, "login name")->required();
  passwd->add_flag("--password-stdin")
      ->description("read the password from standard input (always on)");
  passwd->callback([=] { UserPasswd(*common, *login); });

  auto* org = app.add_subcommand("org", "manage organisations");
  org->require_subcommand(1);
  auto org_code = std::make_shared<std::string>();
  auto org_email = std::make_shared<std::string>();
  auto* set_email = org->add_subcommand(
      "set-email", "set the contact e-mail documents go to when it has no accounts");
  AddCommon(set_email, common.get());
  set_email->add_option("--code", *org_code, "organisation code")->required();
  set_email->add_option("--email", *org_email, "the address; \"\" removes it")->required();
  set_email->callback([=] { OrgSetEmail(*common, *org_code, *org_email); });

  auto* mail_cmd = app.add_subcommand("mail", "e-mail settings");
  mail_cmd->require_subcommand(1);
  auto to = std::make_shared<std::string>();
  auto* test = mail_cmd->add_subcommand("test", "send a test message with the [mail] settings");
  AddCommon(test, common.get());
  test->add_option("--to", *to, "recipient address")->required();
  test->callback([=] { MailTest(*common, *to); });
}

}  // namespace jianbao::cli
