// Copyright 2026 The Jianbao Authors.

#include "http/router.h"

#include <gtest/gtest.h>

namespace jianbao::http {
namespace {

TEST(RouterTest, MatchesParamsAndMethods) {
  Router r;
  r.Add("GET", "/api/v1/users", nullptr);
  r.Add("PATCH", "/api/v1/users/:id", nullptr);
  auto m = r.Find("PATCH", "/api/v1/users/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params["id"], "42");
  EXPECT_EQ(r.Find("GET", "/api/v1/users/").route->pattern, "/api/v1/users");
  auto wrong = r.Find("DELETE", "/api/v1/users/42");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.method_not_allowed);
  auto none = r.Find("GET", "/api/v1/nothing");
  EXPECT_EQ(none.route, nullptr);
  EXPECT_FALSE(none.method_not_allowed);
  EXPECT_NE(r.Find("HEAD", "/api/v1/users").route, nullptr);
}

}  // namespace
}  // namespace jianbao::http
