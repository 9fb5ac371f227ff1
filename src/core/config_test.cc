// Copyright 2026 The Jianbao Authors.

#include "core/config.h"

#include <gtest/gtest.h>

namespace jianbao {
namespace {

TEST(ConfigTest, TomlAndEnvironment) {
  auto c = Config::FromToml("[server]\nlisten = \"127.0.0.1:9000\"\nworkers = 4\n[fonts]\nsong = \"Noto Serif CJK SC\"\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Config config = c.value();
  EXPECT_EQ(config.GetString("server.listen"), "127.0.0.1:9000");
  EXPECT_EQ(config.GetInt("server.workers", 1), 4);
  EXPECT_EQ(config.GetString("fonts.song"), "Noto Serif CJK SC");
  char a[] = "JIANBAO_SERVER_LISTEN=0.0.0.0:80";
  char b[] = "OTHER=1";
  char* env[] = {a, b, nullptr};
  config.ApplyEnvironment(env);
  EXPECT_EQ(config.GetString("server.listen"), "0.0.0.0:80");
  EXPECT_EQ(config.GetInt("missing", 7), 7);
}

TEST(ConfigTest, SyntaxErrorNamesLine) {
  auto c = Config::FromToml("a = 1\nb = = 2\n", "x.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("x.toml:2"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace jianbao
