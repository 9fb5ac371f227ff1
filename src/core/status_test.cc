// Copyright 2026 The Jianbao Authors.

#include "core/status.h"

#include <gtest/gtest.h>

#include "core/edit_version.h"

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

TEST(EditVersionTest, CheckVersionComparesAndNamesTheNewerSave) {
  const EditStamp current{4, "陈静", "2026-03-02T02:42:09Z"};
  EXPECT_TRUE(CheckVersion(std::nullopt, current).ok());
  EXPECT_TRUE(CheckVersion(4, current).ok());
  const Status st = CheckVersion(3, current);
  EXPECT_EQ(st.code(), Code::kPreconditionFailed);
  EXPECT_EQ(st.key(), "edit_conflict");
  EXPECT_EQ(st.details().at("version"), 4);
  EXPECT_EQ(st.texts().at("by"), "陈静");
  EXPECT_EQ(st.texts().at("time"), "10:42");
  EXPECT_EQ(ShanghaiClockTime("2026-03-02T17:05:00Z"), "01:05");
  EXPECT_EQ(ShanghaiClockTime("garbage"), "");
}

}  // namespace
}  // namespace jianbao
