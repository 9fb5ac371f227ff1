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

LoginThrottle::Limits Limits(int free, int max_wait, int per_address, int window) {
  return {free, max_wait, per_address, window};
}

TEST_F(LoginThrottleTest, ExponentialBackOffPerLoginAndAddress) {
  LoginThrottle t(Limits(2, 60, 100, 900));
  EXPECT_EQ(t.BackOff(1), 0);
  EXPECT_EQ(t.BackOff(2), 0);
  EXPECT_EQ(t.BackOff(3), 2);
  EXPECT_EQ(t.BackOff(4), 4);
  EXPECT_EQ(t.BackOff(5), 8);
  EXPECT_EQ(t.BackOff(8), 60);
  EXPECT_EQ(t.BackOff(1000), 60);
  int64_t now = 1000;
  for (int i = 0; i < 5; ++i) {
    now += t.BackOff(i);  // as soon as allowed
    EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", now), 0) << "attempt " << i;
    Fail(t, "a", "1.1.1.1", now);
  }
  // Five failures: the next attempt from there waits 8 s, never more than 60.
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", now), 8);
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", now + 3), 5);
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", now + 8), 0);
  // Nobody else is slowed down: another address, another login.
  EXPECT_EQ(RetryAfter(t, "a", "2.2.2.2", now), 0);
  EXPECT_EQ(RetryAfter(t, "b", "1.1.1.1", now), 0);
  for (int i = 0; i < 50; ++i) Fail(t, "a", "1.1.1.1", now);
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", now), 60);
  EXPECT_EQ(RetryAfter(t, "a", "2.2.2.2", now), 0) << "the account is never locked from outside";
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   t.Succeed(s, "a", "1.1.1.1");
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", now), 0);
}

TEST_F(LoginThrottleTest, FailuresLeaveTheWindow) {
  LoginThrottle t(Limits(0, 60, 100, 30));
  Fail(t, "a", "1.1.1.1", 100);
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", 100), 2);
  Fail(t, "a", "1.1.1.1", 101);
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", 101), 4);
  EXPECT_EQ(RetryAfter(t, "a", "1.1.1.1", 132), 0);
}

TEST_F(LoginThrottleTest, AddressCapAcrossLogins) {
  LoginThrottle t(Limits(2, 60, 3, 60));
  Fail(t, "x", "9.9.9.9", 1);
  Fail(t, "y", "9.9.9.9", 2);
  EXPECT_EQ(RetryAfter(t, "z", "9.9.9.9", 3), 0);
  Fail(t, "z", "9.9.9.9", 3);
  EXPECT_EQ(RetryAfter(t, "w", "9.9.9.9", 4), 57);  // until the failure at 1 leaves the window
  EXPECT_EQ(RetryAfter(t, "w", "8.8.8.8", 4), 0);
}

TEST_F(LoginThrottleTest, SharedBetweenThrottlesAndPrunedAfterTheWindow) {
  // Two servers: what one records, the other sees.
  LoginThrottle server1(Limits(1, 60, 10, 60)), server2(Limits(1, 60, 10, 60));
  Fail(server1, "a", "1.1.1.1", 100);
  Fail(server2, "a", "1.1.1.1", 101);
  EXPECT_EQ(RetryAfter(server1, "a", "1.1.1.1", 102), 1);
  EXPECT_EQ(RetryAfter(server2, "a", "1.1.1.1", 101), 2);
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
