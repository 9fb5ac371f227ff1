// Copyright 2026 The Jianbao Authors.
//
// Wiring: opens the database with every module's migrations and builds the
// HTTP app with every module's routes. The one place that knows all modules.

#ifndef JIANBAO_CLI_WIRING_H_
#define JIANBAO_CLI_WIRING_H_

#include <memory>
#include <string>

#include "bulletins/service.h"
#include "cli/sources.h"
#include "complaints/job.h"
#include "complaints/service.h"
#include "core/config.h"
#include "epidemic/followups.h"
#include "epidemic/service.h"
#include "http/app.h"
#include "members/library.h"
#include "members/notices.h"
#include "members/service.h"
#include "notify/notify.h"
#include "orgs/service.h"
#include "receipts/mailer.h"
#include "robots/service.h"
#include "robots/worker.h"
#include "search/service.h"
#include "store/database.h"
#include "submissions/service.h"
#include "typeset/typeset.h"

namespace jianbao::cli {

// Returns the database at `url` with all migrations applied, or the error.
Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& url);

// The services of a running server. REQUIRES: `db` outlives it.
struct Services {
  Services(store::Database* db, const Config& config);
  // Stops the receipts outbox first: its thread calls into `notices`.
  ~Services();
  std::unique_ptr<orgs::OrgService> orgs;
  std::unique_ptr<notify::NotifyService> notify;
  std::unique_ptr<submissions::SubmissionService> submissions;
  std::unique_ptr<epidemic::EpidemicService> epidemic;
  std::unique_ptr<complaints::ComplaintService> complaints;
  std::unique_ptr<epidemic::FollowupService> epidemic_followups;
  std::unique_ptr<members::MembersService> members;
  std::unique_ptr<members::LibraryService> library;  // policies and training
  std::unique_ptr<robots::Worker> robot_worker;      // started by Serve
  std::unique_ptr<robots::RobotService> robots;
  std::unique_ptr<typeset::Typesetter> typesetter;  // null when fonts are missing
  Status typesetter_status;                         // why typesetter is null
  std::unique_ptr<ModuleSources> sources;
  std::unique_ptr<bulletins::Mailer> mailer;  // null unless mail.smtp_url is set
  // 催办 e-mails and documents to external units; null without SMTP.
  std::unique_ptr<receipts::Mailer> reminder_mailer;
  std::unique_ptr<members::NoticeService> notices;  // 通知 (after the typesetter)
  Status mail_status;                               // a bad [mail] configuration
  std::unique_ptr<bulletins::BulletinService> bulletins;
  std::string seed_dir;    // where the demo loader looks for old bulletins
  std::string public_url;  // server.public_url without a trailing slash; "" when unset
  std::unique_ptr<complaints::DailyJob> complaints_job;  // started by Serve
  // Full-text search; indexes every change of a registered kind from construction on.
  std::unique_ptr<search::SearchService> search;
};

// Registers every module's routes on `app`.
void RegisterRoutes(http::App& app, Services& services);

// Loads every module's demo data into an empty database and returns the
// lines to print (the demo sign-ins). Returns "" when the database already has users.
Result<std::string> LoadDemoData(Services& services);

// Reads the config: the TOML file `path` (if not empty), then JIANBAO_* variables.
Result<Config> LoadConfig(const std::string& path);

}  // namespace jianbao::cli

#endif  // JIANBAO_CLI_WIRING_H_
