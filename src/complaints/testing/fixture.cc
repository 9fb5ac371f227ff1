// Copyright 2026 The Jianbao Authors.

#include "complaints/testing/fixture.h"

#include <atomic>

#include "complaints/repository.h"
#include "core/clock.h"
#include "orgs/demo.h"
#include "orgs/repository.h"

namespace jianbao::complaints::testing {

void ComplaintFixture::SetUp() {
  static std::atomic<int> counter{0};
  const std::string name = "complaints" + std::to_string(counter++);
  db_ =
      std::move(store::Database::Open("sqlite:file:" + name + "?mode=memory&cache=shared")).value();
  db_->AddMigrations("orgs", orgs::repo::Migrations());
  db_->AddMigrations("notify", notify::Migrations());
  db_->AddMigrations("complaints", repo::Migrations());
  ASSERT_TRUE(db_->Migrate().ok());
  config_.Set("security.login_max_failures", "1000");
  orgs_ = std::make_unique<orgs::OrgService>(db_.get(), config_);
  ASSERT_TRUE(orgs::LoadDemo(*orgs_).ok());
  svc_ = std::make_unique<ComplaintService>(db_.get(), orgs_.get(), config_);
  notify_ = std::make_unique<notify::NotifyService>(db_.get());
  SetToday("2026-12-07");
  svc_->SetClock([this] { return now_; });
  for (const auto& [code, region] :
       std::vector<std::pair<std::string, std::string>>{{"hubei", "420000"}, {"hebei", "130000"}}) {
    OrgSetting s;
    s.region = region;
    ASSERT_TRUE(svc_->SetOrgSetting(Actor::System(), code, s).ok());
  }
  for (const auto& [code, op] : std::vector<std::pair<std::string, std::string>>{
           {"hubei-cmcc", "cmcc"}, {"hubei-ct", "ctcc"}}) {
    OrgSetting s;
    s.operator_code = op;
    s.province = "420000";
    ASSERT_TRUE(svc_->SetOrgSetting(Actor::System(), code, s).ok());
  }
}

void ComplaintFixture::TearDown() {
  notify_.reset();
  svc_.reset();
  orgs_.reset();
  db_.reset();
}

void ComplaintFixture::SetToday(const std::string& date) {
  now_ = clock::ShanghaiDayStart(date) + 10 * 3600;
}

Actor ComplaintFixture::As(const std::string& login) {
  // Looked up rather than signed in: no password hashing per call.
  auto users = orgs_->ListUsers(Actor::System(), "ccea", "", login, 0, 100);  // the demo root
  EXPECT_TRUE(users.ok()) << users.status().ToString();
  if (users.ok()) {
    for (const orgs::User& u : users->items) {
      if (u.login != login) continue;
      Actor a;
      a.user_id = u.id;
      a.login = u.login;
      a.name = u.name;
      a.org_id = u.org_id;
      a.org_code = u.org_code;
      a.roles = u.roles;
      return a;
    }
  }
  ADD_FAILURE() << "no demo user " << login;
  return Actor();
}

CaseInput ComplaintFixture::SampleInput() const {
  CaseInput in;
  in.kind = "complaint";
  in.category = "billing";
  in.operator_code = "cmcc";
  in.region = "420000";
  in.name = "张三";
  in.phone = "138-1234-1234";
  in.description = "流量被多扣费。";
  in.operator_contacted_on = clock::ShanghaiDate(now_ - 86400);
  in.operator_answer = "客服未处理。";
  return in;
}

Complaint ComplaintFixture::FileSample() {
  auto c = svc_->FileByPhone(As("hubei-desk"), SampleInput());
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : Complaint();
}

Result<Complaint> ComplaintFixture::Do(const std::string& login, int64_t id,
                                       const std::string& action, const std::string& text,
                                       int satisfaction) {
  ActionInput in;
  in.action = action;
  in.reason = text;
  in.text = text;
  in.outcome = text;
  in.target = text;
  in.satisfaction = satisfaction;
  return svc_->Act(As(login), id, in);
}

}  // namespace jianbao::complaints::testing
