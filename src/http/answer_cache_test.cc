// Copyright 2026 The Jianbao Authors.

#include "http/answer_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace jianbao::http {
namespace {

size_t Length(const std::string& s) { return s.size(); }

TEST(AnswerCacheTest, FindsOnlyAtTheSameVersion) {
  AnswerCache<std::string> cache(1 << 20, std::chrono::seconds(10), Length);
  cache.Store("k", 7, "answer");
  EXPECT_EQ(cache.Find("k", 7), "answer");
  EXPECT_EQ(cache.Find("other", 7), std::nullopt);
  cache.Store("j", 7, "another");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.Find("k", 8), std::nullopt);  // the database changed
  EXPECT_EQ(cache.size(), 0u);                  // and every older entry is gone
  EXPECT_EQ(cache.Find("k", 7), std::nullopt);
  cache.Store("k", 7, "late");  // computed before the change: not kept
  EXPECT_EQ(cache.size(), 0u);
  cache.Store("k", 8, "fresh");
  EXPECT_EQ(cache.Find("k", 8), "fresh");
}

TEST(AnswerCacheTest, EntriesExpire) {
  AnswerCache<std::string> cache(1 << 20, std::chrono::milliseconds(20), Length);
  cache.Store("k", 1, "answer");
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_EQ(cache.Find("k", 1), std::nullopt);
}

TEST(AnswerCacheTest, EvictsTheLeastRecentlyUsedBeyondTheLimit) {
  // Each entry costs its key, its value and 128 bytes of overhead: ~2.6 KB,
  // so four fit in 12,000 bytes and a fifth pushes one out.
  AnswerCache<std::string> cache(12000, std::chrono::seconds(10), Length);
  const std::string value(2500, 'x');
  for (const char* key : {"a", "b", "c", "d"}) cache.Store(key, 1, value);
  EXPECT_EQ(cache.size(), 4u);
  EXPECT_TRUE(cache.Find("a", 1).has_value());  // a is now the most recent
  cache.Store("e", 1, value);                   // b goes
  EXPECT_EQ(cache.size(), 4u);
  EXPECT_TRUE(cache.Find("a", 1).has_value());
  EXPECT_FALSE(cache.Find("b", 1).has_value());
  EXPECT_TRUE(cache.Find("e", 1).has_value());
  cache.Store("huge", 1, std::string(4000, 'y'));  // over a quarter of the limit
  EXPECT_FALSE(cache.Find("huge", 1).has_value());
}

TEST(AnswerCacheTest, DisabledKeepsNothing) {
  AnswerCache<std::string> cache(1 << 20, std::chrono::milliseconds(0), Length);
  EXPECT_FALSE(cache.enabled());
  cache.Store("k", 1, "answer");
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace jianbao::http
