// Copyright 2026 The Jianbao Authors.

#include "http/json_io.h"

#include <gtest/gtest.h>

namespace jianbao::http {
namespace {

TEST(JsonIoTest, RejectsBadBodies) {
  EXPECT_EQ(ParseObject("{", {}).status().key(), "invalid_json");
  EXPECT_EQ(ParseObject("[1]", {}).status().key(), "not_object");
  EXPECT_EQ(ParseObject("{\"a\":\"\xff\"}", {"a"}).status().key(), "invalid_utf8");
  auto unknown = ParseObject(R"({"login":"x","admin":true})", {"login"});
  EXPECT_EQ(unknown.status().key(), "unknown_field");
  EXPECT_EQ(unknown.status().field(), "admin");
}

TEST(JsonIoTest, CapsDepthAndRefusesDuplicateKeys) {
  const std::string deep =
      "{\"sections\":" + std::string(300000, '[') + std::string(300000, ']') + "}";
  auto r = ParseObject(deep, {"sections"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "json_too_deep");
  EXPECT_NE(r.status().message().find("request body"), std::string::npos);
  const std::string ok = "{\"sections\":" + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_TRUE(ParseObject(ok, {"sections"}).ok());
  auto dup = ParseObject(R"({"login":"a","password":"x","login":"admin"})", {"login", "password"});
  EXPECT_EQ(dup.status().key(), "duplicate_field");
  EXPECT_EQ(dup.status().field(), "login");
}

TEST(JsonIoTest, TypedGetters) {
  Json o = Json::parse(R"({"s":"  简报 ","n":5,"b":true,"arr":["a"],"bad":3,"ctl":"a\u0001"})");
  EXPECT_EQ(RequiredString(o, "s", 10).value(), "简报");
  EXPECT_EQ(RequiredString(o, "missing", 10).status().key(), "required");
  EXPECT_EQ(RequiredString(o, "bad", 10).status().field(), "bad");
  EXPECT_EQ(RequiredString(o, "s", 1).status().key(), "too_long");
  EXPECT_EQ(RequiredString(o, "ctl", 10).status().key(), "control_char");
  EXPECT_EQ(*OptionalInt(o, "n", 0, 10).value(), 5);
  EXPECT_EQ(OptionalInt(o, "n", 0, 4).status().key(), "out_of_range");
  EXPECT_TRUE(*OptionalBool(o, "b").value());
  EXPECT_EQ(OptionalBool(o, "n").status().key(), "wrong_type");
  EXPECT_EQ(OptionalStringArray(o, "arr", 5, 5).value()->at(0), "a");
  EXPECT_EQ(OptionalStringArray(o, "s", 5, 5).status().key(), "wrong_type");
}

TEST(JsonIoTest, Paging) {
  Request r;
  EXPECT_EQ(ParsePage(r).value().page_size, 20);
  r.query["page"] = "3";
  r.query["page_size"] = "50";
  EXPECT_EQ(ParsePage(r).value().offset(), 100);
  r.query["page_size"] = "1000";
  EXPECT_EQ(ParsePage(r).status().field(), "page_size");
  r.query["page_size"] = "2x";
  EXPECT_FALSE(ParsePage(r).ok());
}

}  // namespace
}  // namespace jianbao::http
