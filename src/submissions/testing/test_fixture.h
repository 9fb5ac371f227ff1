// Copyright 2026 The Jianbao Authors.
//
// Test support: an in-memory SQLite database with the orgs demo loaded, a
// SubmissionService over it, and demo users as actors.

#ifndef JIANBAO_SUBMISSIONS_TESTING_TEST_FIXTURE_H_
#define JIANBAO_SUBMISSIONS_TESTING_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "notify/notify.h"
#include "orgs/demo.h"
#include "orgs/repository.h"
#include "store/database.h"
#include "submissions/repository.h"
#include "submissions/service.h"

namespace jianbao::submissions::testing {

class ServiceFixture : public ::testing::Test {
 protected:
  // Opens a fresh shared in-memory database named `name`.
  static void Open(const std::string& name) {
    db_ = std::move(store::Database::Open("sqlite:file:" + name + "?mode=memory&cache=shared"))
              .value()
              .release();
    db_->AddMigrations("orgs", orgs::repo::Migrations());
    db_->AddMigrations("notify", notify::Migrations());
    db_->AddMigrations("submissions", repo::Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    Config config;
    config.Set("security.login_max_failures", "1000");
    orgs_ = new orgs::OrgService(db_, config);
    ASSERT_TRUE(orgs::LoadDemo(*orgs_).ok());
    svc_ = new SubmissionService(db_, orgs_, config);
    notify_ = new notify::NotifyService(db_);
  }

  // Closes what Open made (gtest calls it after the suite's last test).
  static void TearDownTestSuite() {
    delete notify_;
    delete svc_;
    delete orgs_;
    delete db_;
    notify_ = nullptr;
    svc_ = nullptr;
    orgs_ = nullptr;
    db_ = nullptr;
  }

  // Returns the demo user `login` as an actor (signing in once per login).
  static Actor As(const std::string& login) {
    static std::map<std::string, Actor> cache;
    auto it = cache.find(login);
    if (it != cache.end()) return it->second;
    auto s = orgs_->Login(login, orgs::kDemoPassword, "127.0.0.1");
    EXPECT_TRUE(s.ok()) << login << ": " << s.status().ToString();
    Actor a = orgs_->Resolve(s->token)->actor;
    cache[login] = a;
    return a;
  }

  static inline store::Database* db_ = nullptr;
  static inline orgs::OrgService* orgs_ = nullptr;
  static inline SubmissionService* svc_ = nullptr;
  static inline notify::NotifyService* notify_ = nullptr;
};

}  // namespace jianbao::submissions::testing

#endif  // JIANBAO_SUBMISSIONS_TESTING_TEST_FIXTURE_H_
