// Copyright 2026 The Jianbao Authors.

#include "cli/wiring.h"

#include <spdlog/spdlog.h>

#include "bulletins/demo.h"
#include "bulletins/handlers.h"
#include "bulletins/repository.h"
#include "bulletins/search_kind.h"
#include "cli/catalogues.h"
#include "cli/workbench.h"
#include "complaints/demo.h"
#include "complaints/handlers.h"
#include "complaints/repository.h"
#include "complaints/search_kind.h"
#include "epidemic/demo.h"
#include "epidemic/handlers.h"
#include "epidemic/repository.h"
#include "members/demo.h"
#include "members/handlers.h"
#include "members/library_demo.h"
#include "members/library_handlers.h"
#include "members/repository.h"
#include "members/search_kind.h"
#include "notify/handlers.h"
#include "orgs/demo.h"
#include "orgs/handlers.h"
#include "orgs/repository.h"
#include "robots/announce.h"
#include "robots/handlers.h"
#include "robots/repository.h"
#include "search/handlers.h"
#include "search/repository.h"
#include "submissions/demo.h"
#include "submissions/handlers.h"
#include "submissions/repository.h"
#include "submissions/search_kind.h"
#include "submissions/service.h"
#include "typeset/typeset.h"

namespace jianbao::cli {

Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& url) {
  search::repo::InstallSqliteTokenizer();  // before the first SQLite connection opens
  JB_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::Database::Open(url));
  db->AddMigrations("orgs", orgs::repo::Migrations());
  db->AddMigrations("notify", notify::Migrations());
  db->AddMigrations("receipts", receipts::Migrations());
  db->AddMigrations("submissions", submissions::repo::Migrations());
  db->AddMigrations("epidemic", epidemic::Migrations());
  db->AddMigrations("bulletins", bulletins::repo::Migrations());
  db->AddMigrations("complaints", complaints::repo::Migrations());
  db->AddMigrations("search", search::repo::Migrations(db->engine()));
  db->AddMigrations("members", members::repo::Migrations());
  db->AddMigrations("robots", robots::repo::Migrations());
  JB_RETURN_IF_ERROR(db->Migrate());
  return db;
}

namespace {

bulletins::RenderGate::Limits RenderLimitsFrom(const Config& config) {
  bulletins::RenderGate::Limits limits;
  limits.queued = static_cast<int>(config.GetInt("render.queue", limits.queued));
  limits.max_wait = std::chrono::seconds(config.GetInt("render.max_wait_seconds", 20));
  return limits;
}

}  // namespace

Services::Services(store::Database* db, const Config& config)
    : orgs(std::make_unique<orgs::OrgService>(db, config)),
      notify(std::make_unique<notify::NotifyService>(db)),
      submissions(std::make_unique<submissions::SubmissionService>(db, orgs.get(), config)),
      epidemic(std::make_unique<epidemic::EpidemicService>(*db)),
      complaints(std::make_unique<complaints::ComplaintService>(db, orgs.get(), config)),
      epidemic_followups(std::make_unique<epidemic::FollowupService>(*db, *epidemic)),
      members(std::make_unique<members::MembersService>(db)),
      library(std::make_unique<members::LibraryService>(db)),
      robot_worker(std::make_unique<robots::Worker>(db, robots::WorkerOptions::FromConfig(config))),
      robots(std::make_unique<robots::RobotService>(db, robot_worker.get())) {
  // A policy digest announces itself to the association's group robots.
  library->SetDigestHook([](soci::session& s, int64_t org_id, const members::Digest& d) {
    robots::Announce(s, org_id, {"policy.digest", d.title, "", "/policies"});
  });
  auto ts = typeset::Typesetter::Create(typeset::FontsFromConfig(config));
  if (ts.ok()) {
    typesetter = std::move(ts).value();
  } else {
    typesetter_status = ts.status();
  }
  sources = std::make_unique<ModuleSources>(orgs.get(), submissions.get(), epidemic.get(),
                                            complaints.get(), members.get());
  notices = std::make_unique<members::NoticeService>(db, typesetter.get());
  // A sent notice announces itself to the association's group robots.
  notices->SetSentHook([](soci::session& s, int64_t org_id, const members::Notice& n) {
    robots::Announce(s, org_id, {"notice.sent", n.title, "", "/notices/" + std::to_string(n.id)});
  });
  bulletins = std::make_unique<bulletins::BulletinService>(db, orgs.get(), typesetter.get(),
                                                           sources.get(), RenderLimitsFrom(config));
  // Pieces say which bulletin issues use them ("已编入第N期").
  bulletins::BulletinService* bulletin_service = bulletins.get();
  submissions->SetPieceUsage(submissions::PieceUsage{
      .uses = [bulletin_service](const std::vector<int64_t>& ids)
          -> Result<std::map<int64_t, std::vector<submissions::PieceUse>>> {
        JB_ASSIGN_OR_RETURN(auto uses, bulletin_service->PieceUses(ids));
        std::map<int64_t, std::vector<submissions::PieceUse>> out;
        for (const auto& [piece, list] : uses) {
          for (const bulletins::PieceUse& u : list) {
            out[piece].push_back({u.issue_id, u.year, u.number, u.status});
          }
        }
        return out;
      },
      .used_ids = [bulletin_service] { return bulletin_service->UsedPieceIds(); }});
  const mail::SmtpConfig smtp = mail::SmtpConfigFrom(config);
  if (smtp.enabled()) {
    mail_status = mail::ValidateSmtpConfig(smtp);
    if (mail_status.ok()) {
      mailer = std::make_unique<bulletins::Mailer>(db, smtp);
      bulletins->SetMailer(mailer.get());
      reminder_mailer = std::make_unique<receipts::Mailer>(db, smtp);
      bulletins::Mailer* issues = mailer.get();
      members::NoticeService* notice_service = notices.get();
      reminder_mailer->SetContent("bulletin",
                                  [issues](int64_t id) { return issues->ExternalContent(id); });
      reminder_mailer->SetContent(
          "notice", [notice_service](int64_t id) { return notice_service->MailContent(id); });
      bulletins->SetReminderMailer(reminder_mailer.get());
      notices->SetReminderMailer(reminder_mailer.get());
    }
  }
  seed_dir = config.GetString("demo.seed_dir", "../shared/seed");
  complaints_job = std::make_unique<complaints::DailyJob>(complaints.get());
  robots::Worker* robot_worker_ptr = robot_worker.get();
  complaints_job->AddTask("robot deliveries", [robot_worker_ptr] {
    auto pruned = robot_worker_ptr->Prune();  // robots.retention_days
    if (pruned.ok() && *pruned > 0) spdlog::info("pruned {} old robot deliveries", *pruned);
    return pruned.status();
  });
  // server.public_url (links in mail and in the Atom feed): only an http(s)
  // address without quoting characters; anything else leaves the feed's
  // links relative.
  public_url = smtp.public_url;
  if ((public_url.rfind("http://", 0) != 0 && public_url.rfind("https://", 0) != 0) ||
      public_url.find_first_of("\"'<> \r\n") != std::string::npos) {
    public_url.clear();
  }
  // Full-text search: each module registers its kind of document (docs/search.md).
  search = std::make_unique<search::SearchService>(db);
  search->AddKind(submissions::PieceSearchKind(submissions.get()));
  search->AddKind(bulletins::IssueSearchKind(bulletins.get()));
  search->AddKind(complaints::ComplaintSearchKind(complaints.get()));
  search->AddKind(members::NoticeSearchKind(db));
  search->AddKind(members::PolicySearchKind());
  search->Observe();
}

Services::~Services() {
  if (reminder_mailer) reminder_mailer->Stop();
}

void RegisterRoutes(http::App& app, Services& services) {
  for (const messages::Catalogue* c : ModuleCatalogues()) messages::Add(*c);
  orgs::Register(app, *services.orgs);
  notify::Register(app, *services.notify);
  submissions::Register(app, *services.submissions);
  bulletins::Register(app, *services.bulletins, services.public_url);
  epidemic::Register(app, *services.epidemic);
  complaints::Register(app, *services.complaints);
  search::Register(app, *services.search);
  epidemic::RegisterFollowups(app, *services.epidemic_followups);
  members::Register(app, *services.members);
  members::RegisterNotices(app, *services.notices);
  members::RegisterLibrary(app, *services.library);
  robots::Register(app, *services.robots);
  RegisterWorkbench(app, services);
}

Result<std::string> LoadDemoData(Services& services) {
  JB_ASSIGN_OR_RETURN(bool empty, services.orgs->IsEmpty());
  if (!empty) return std::string();
  JB_RETURN_IF_ERROR(orgs::LoadDemo(*services.orgs));
  JB_RETURN_IF_ERROR(submissions::LoadDemo(*services.submissions, *services.orgs));
  JB_RETURN_IF_ERROR(bulletins::LoadDemo(*services.bulletins, services.seed_dir));
  JB_RETURN_IF_ERROR(epidemic::LoadDemo(*services.epidemic, services.seed_dir));
  JB_RETURN_IF_ERROR(complaints::LoadDemo(*services.complaints, *services.orgs));
  JB_RETURN_IF_ERROR(members::LoadDemo(*services.members, *services.orgs));
  JB_RETURN_IF_ERROR(members::LoadNoticeDemo(*services.notices, *services.orgs));
  JB_RETURN_IF_ERROR(members::LoadLibraryDemo(*services.library, *services.orgs));
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
