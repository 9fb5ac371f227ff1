// Copyright 2026 The Jianbao Authors.

#include "orgs/throttle.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "orgs/repository.h"
#include "store/database.h"

namespace jianbao::orgs {
namespace {

class LoginThrottleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int n = 0;
    db_ = std::move(store::Database::Open("sqlite:file:throttle_test_" + std::to_string(++n) +
                                          "?mode=memory&cache=shared"))
              .value();
    db_->AddMigrations("orgs", repo::Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
  }
  int RetryAfter(const LoginThrottle& t, const std::string& login, const std::string& ip,
                 int64_t now) {
    int wait = -1;
    EXPECT_TRUE(db_->Read([&](soci::session& s) {
                     wait = t.RetryAfter(s, login, ip, now);
                     return Status::Ok();
                   })
                    .ok());
    return wait;
  }
  void Fail(const LoginThrottle& t, const std::string& login, const std::string& ip, int64_t now) {
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     t.Fail(s, login, ip, now);
                     return Status::Ok();
                   })
                    .ok());
  }
  std::unique_ptr<store::Database> db_;
};

TEST_F(LoginThrottleTest, LocksAfterLimitAndReleasesAfterWindow) {
  LoginThrottle t(3, 10, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", 100 + i), 0);
    Fail(t, "a", "1.1.1.1", 100 + i);
  }
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", 110), 50);
  EXPECT_EQ(RetryAfter(t, "b", "1.1.1.1", 110), 0);  // another login from the same address
  EXPECT_EQ(RetryAfter(t, "a", "2.2.2.2", 161), 0);  // window passed
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   t.Succeed(s, "a");
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", 111), 0);
}

TEST_F(LoginThrottleTest, AddressLimit) {
  LoginThrottle t(100, 2, 60);
  Fail(t, "x", "9.9.9.9", 1);
  Fail(t, "y", "9.9.9.9", 2);
  EXPECT_GT(RetryAfter(t, "z", "9.9.9.9", 3), 0);
}

TEST_F(LoginThrottleTest, SharedBetweenThrottlesAndPrunedAfterTheWindow) {
  // Two servers: what one records, the other sees.
  LoginThrottle server1(2, 10, 60), server2(2, 10, 60);
  Fail(server1, "a", "1.1.1.1", 100);
  Fail(server2, "a", "2.2.2.2", 101);
  EXPECT_EQ(RetryAfter(server1, "a", "3.3.3.3", 102), 58);
  Fail(server1, "other", "4.4.4.4", 500);  // drops everything older than 440
  int rows = -1;
  ASSERT_TRUE(db_->Read([&](soci::session& s) {
                   s << "SELECT COUNT(*) FROM login_failures", soci::into(rows);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(rows, 2);
}

}  // namespace
}  // namespace jianbao::orgs
