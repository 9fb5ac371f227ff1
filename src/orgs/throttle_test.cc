// Copyright 2026 The Jianbao Authors.

#include "orgs/throttle.h"

#include <gtest/gtest.h>

namespace jianbao::orgs {
namespace {

TEST(LoginThrottleTest, LocksAfterLimitAndReleasesAfterWindow) {
  LoginThrottle t(3, 10, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.RetryAfter("a", "1.1.1.1", 100 + i), 0);
    t.Fail("a", "1.1.1.1", 100 + i);
  }
  EXPECT_EQ(t.RetryAfter("a", "1.1.1.1", 110), 50);
  EXPECT_EQ(t.RetryAfter("b", "1.1.1.1", 110), 0);  // another login from the same address
  EXPECT_EQ(t.RetryAfter("a", "2.2.2.2", 161), 0);  // window passed
  t.Succeed("a");
  EXPECT_EQ(t.RetryAfter("a", "1.1.1.1", 111), 0);
}

TEST(LoginThrottleTest, AddressLimit) {
  LoginThrottle t(100, 2, 60);
  t.Fail("x", "9.9.9.9", 1);
  t.Fail("y", "9.9.9.9", 2);
  EXPECT_GT(t.RetryAfter("z", "9.9.9.9", 3), 0);
}

}  // namespace
}  // namespace jianbao::orgs
