// Copyright 2026 The Jianbao Authors.
//
// Test support: a fresh in-memory SQLite database per test with the orgs
// demo loaded and the demo associations' regions and operator organisations
// set, a ComplaintService over it with a fake clock, and demo users as actors.

#ifndef JIANBAO_COMPLAINTS_TESTING_FIXTURE_H_
#define JIANBAO_COMPLAINTS_TESTING_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "complaints/service.h"
#include "notify/notify.h"
#include "orgs/service.h"
#include "store/database.h"

namespace jianbao::complaints::testing {

class ComplaintFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Sets the fake clock to 10:00 Asia/Shanghai on `date` (YYYY-MM-DD).
  void SetToday(const std::string& date);
  // Returns the user `login` as an actor (looked up, without signing in).
  Actor As(const std::string& login);
  // Returns a valid complaint about China Mobile in Hubei.
  CaseInput SampleInput() const;
  // Files SampleInput() by phone as hubei-desk; fails the test on error.
  Complaint FileSample();
  // Takes `action` as `login`; returns the result.
  Result<Complaint> Do(const std::string& login, int64_t id, const std::string& action,
                       const std::string& text = "", int satisfaction = 0);

  Config config_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<orgs::OrgService> orgs_;
  std::unique_ptr<ComplaintService> svc_;
  std::unique_ptr<notify::NotifyService> notify_;
  int64_t now_ = 0;
};

}  // namespace jianbao::complaints::testing

#endif  // JIANBAO_COMPLAINTS_TESTING_FIXTURE_H_
