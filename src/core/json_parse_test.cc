// Copyright 2026 The Jianbao Authors.

#include "core/json_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace jianbao {
namespace {

std::string Nested(size_t depth, char open, char close) {
  return std::string(depth, open) + std::string(depth, close);
}

TEST(ParseJsonTest, ParsesOrdinaryValues) {
  auto v = ParseJson(R"({"a": [1, {"b": "简报"}], "c": null})");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ((*v)["a"][1]["b"], "简报");
  EXPECT_TRUE(ParseJson("3").ok());
  EXPECT_TRUE(ParseJson(Nested(64, '[', ']')).ok());
}

// Issue 11: a body nested 300,000 arrays deep crashed the server when the
// value was copied; now the parser stops at the first level too deep.
TEST(ParseJsonTest, RefusesDeepNesting) {
  auto v = ParseJson(Nested(65, '[', ']'));
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().key(), "json_too_deep");
  EXPECT_NE(v.status().message().find("64"), std::string::npos);
  EXPECT_EQ(ParseJson(Nested(300000, '[', ']')).status().key(), "json_too_deep");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100000, '}');
  EXPECT_EQ(ParseJson(objects).status().key(), "json_too_deep");
  // Unterminated: still refused for depth, before the syntax error.
  EXPECT_EQ(ParseJson(std::string(300000, '[')).status().key(), "json_too_deep");
  EXPECT_TRUE(ParseJson(Nested(3, '[', ']'), 3).ok());
  EXPECT_FALSE(ParseJson(Nested(4, '[', ']'), 3).ok());
}

TEST(ParseJsonTest, RefusesDuplicateKeys) {
  auto v = ParseJson(R"({"login": "a", "login": "b"})");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().key(), "duplicate_field");
  EXPECT_EQ(v.status().field(), "login");
  EXPECT_EQ(ParseJson(R"({"s": [{"t": 1, "t": 2}]})").status().field(), "t");
  // The same key in sibling objects is fine.
  EXPECT_TRUE(ParseJson(R"([{"t": 1}, {"t": 2}, {"u": {"t": 3}}])").ok());
}

TEST(ParseJsonTest, SyntaxErrorsNameTheOffset) {
  auto v = ParseJson("{\"a\": tru}");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().key(), "invalid_json");
  EXPECT_NE(v.status().message().find("byte"), std::string::npos);
  EXPECT_EQ(ParseJson("").status().key(), "invalid_json");
  EXPECT_EQ(ParseJson("{} {}").status().key(), "invalid_json");
}

}  // namespace
}  // namespace jianbao
