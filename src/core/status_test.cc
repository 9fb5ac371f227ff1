// Copyright 2026 The Jianbao Authors.

#include "core/status.h"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

Result<int> Half(int x) {
  if (x % 2) return Status::Invalid("x", "odd", "x must be even");
  return x / 2;
}

Result<int> Quarter(int x) {
  JB_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status().ok());
  Status s = Status::Invalid("login", "required", "login is required");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.field(), "login");
  EXPECT_EQ(s.ToString(), "invalid_argument: login is required (field: login)");
}

TEST(StatusTest, ResultPropagates) {
  EXPECT_EQ(Quarter(8).value(), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "odd");
}

}  // namespace
}  // namespace jianbao
