// Copyright 2026 The Jianbao Authors.

#include "core/poller.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/retry.h"

namespace jianbao {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr auto kHour = std::chrono::hours(1);

// Waits up to 5 s for `done`; returns whether it came true.
template <typename Fn>
bool Eventually(Fn done) {
  const auto until = Clock::now() + std::chrono::seconds(5);
  while (!done()) {
    if (Clock::now() > until) return false;
    std::this_thread::sleep_for(milliseconds(1));
  }
  return true;
}

TEST(PollerTest, RunsAtStartAndWhenPoked) {
  std::atomic<int> passes{0};
  Poller poller("test", 20, [&](int) -> Result<int> { return ++passes, 0; });
  poller.Start(kHour);
  ASSERT_TRUE(Eventually([&] { return passes == 1; }));
  poller.Poke();
  ASSERT_TRUE(Eventually([&] { return passes == 2; }));
  poller.Poke();
  ASSERT_TRUE(Eventually([&] { return passes == 3; }));
  poller.Stop();
  EXPECT_EQ(passes, 3);
}

TEST(PollerTest, StopEndsPromptlyWhileIdle) {
  std::atomic<int> passes{0};
  Poller poller("test", 20, [&](int) -> Result<int> { return ++passes, 0; });
  poller.Start(kHour);
  ASSERT_TRUE(Eventually([&] { return passes == 1; }));
  const auto start = Clock::now();
  poller.Stop();
  EXPECT_LT(Clock::now() - start, milliseconds(500));
  poller.Stop();  // again: nothing to do
}

// A pass that runs until it sees stopping(): Stop waits for it, and no pass
// starts after it, even if one was asked for while it ran.
TEST(PollerTest, StopEndsPromptlyWhileAPassRuns) {
  std::atomic<bool> running{false};
  std::atomic<int> passes{0};
  Poller* self = nullptr;
  Poller poller("test", 20, [&](int) -> Result<int> {
    ++passes;
    running = true;
    while (!self->stopping()) std::this_thread::sleep_for(milliseconds(1));
    running = false;
    return 1;
  });
  self = &poller;
  poller.Start(kHour);
  ASSERT_TRUE(Eventually([&] { return running.load(); }));
  poller.Poke();
  const auto start = Clock::now();
  poller.Stop();
  EXPECT_LT(Clock::now() - start, milliseconds(500));
  EXPECT_FALSE(running);
  EXPECT_EQ(passes, 1);
  EXPECT_FALSE(poller.stopping());
}

// A whole batch means more may be due: the next pass follows at once; an
// error is logged and waited out like an idle pass; Start again after Stop.
TEST(PollerTest, FullBatchesGoRoundAgainAndRestart) {
  std::atomic<int> passes{0};
  Poller poller("test", 2, [&](int max) -> Result<int> {
    EXPECT_EQ(max, 2);
    const int n = ++passes;
    if (n == 4) return Status(Code::kUnavailable, "down", "database down");
    return n < 4 ? max : 0;
  });
  poller.Start(kHour);
  ASSERT_TRUE(Eventually([&] { return passes == 4; }));
  std::this_thread::sleep_for(milliseconds(20));
  EXPECT_EQ(passes, 4);
  poller.Stop();
  poller.Start(kHour);
  ASSERT_TRUE(Eventually([&] { return passes == 5; }));
  poller.Start(kHour);  // already running: nothing
  poller.Stop();
  EXPECT_EQ(passes, 5);
}

TEST(PollerTest, WaitsTheInterval) {
  std::atomic<int> passes{0};
  Poller poller("test", 20, [&](int) -> Result<int> { return ++passes, 0; });
  poller.Start(milliseconds(10));
  ASSERT_TRUE(Eventually([&] { return passes >= 3; }));
  poller.Stop();
}

TEST(RetryPolicyTest, MailAndExponential) {
  const RetryPolicy mail = RetryPolicy::Mail();
  EXPECT_EQ(mail.max_attempts(), 5);
  EXPECT_EQ(mail.After(1), 60);
  EXPECT_EQ(mail.After(2), 300);
  EXPECT_EQ(mail.After(3), 900);
  EXPECT_EQ(mail.After(4), 3600);
  EXPECT_FALSE(mail.After(5));
  const RetryPolicy robots = RetryPolicy::Exponential(60, 4);
  EXPECT_EQ(robots.After(1), 60);
  EXPECT_EQ(robots.After(2), 120);
  EXPECT_EQ(robots.After(3), 240);
  EXPECT_FALSE(robots.After(4));
  EXPECT_FALSE(RetryPolicy::Exponential(60, 1).After(1));
  const RetryPolicy many = RetryPolicy::Exponential(1, 100);
  EXPECT_EQ(many.After(31), int64_t{1} << 30);
  EXPECT_EQ(many.After(99), int64_t{1} << 30);
  EXPECT_FALSE(many.After(100));
}

}  // namespace
}  // namespace jianbao
