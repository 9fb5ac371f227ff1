// Copyright 2026 The Jianbao Authors.

#include "http/request.h"

#include <gtest/gtest.h>

namespace jianbao::http {
namespace {

TEST(RequestTest, QueryDecoding) {
  auto q = ParseQuery("org=hubei&q=%E7%AE%80%E6%8A%A5&x=a+b&bad=%zz&empty");
  EXPECT_EQ(q["org"], "hubei");
  EXPECT_EQ(q["q"], "简报");
  EXPECT_EQ(q["x"], "a b");
  EXPECT_EQ(q["bad"], "%zz");
  EXPECT_EQ(q.count("empty"), 1u);
  EXPECT_TRUE(ParseQuery("").empty());
}

TEST(RequestTest, CookiesAndLanguage) {
  Request r;
  r.headers["cookie"] = "a=1; jb_session=abc; b=2";
  EXPECT_EQ(r.Cookie("jb_session"), "abc");
  EXPECT_EQ(r.Cookie("missing"), "");
  EXPECT_EQ(r.Language(), "zh");
  r.headers["accept-language"] = "en-US,en;q=0.9";
  EXPECT_EQ(r.Language(), "en");
}

}  // namespace
}  // namespace jianbao::http
