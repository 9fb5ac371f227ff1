// Copyright 2026 The Jianbao Authors.

#include "bulletins/render_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace jianbao::bulletins {
namespace {

void WaitFor(const std::function<bool()>& cond) {
  while (!cond()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TEST(RenderGateTest, RefusesBeyondTheQueueAndRunsTheRest) {
  RenderGate gate({.running = 1, .queued = 2, .max_wait = std::chrono::seconds(30)});
  std::atomic<bool> release{false};
  std::atomic<int> ran{0};
  auto slow = [&] {
    WaitFor([&] { return release.load(); });
    ++ran;
    return Status::Ok();
  };
  std::vector<std::thread> threads;
  std::vector<Status> results(3);
  threads.emplace_back([&] { results[0] = gate.Run(slow); });
  WaitFor([&] { return gate.running() == 1; });
  threads.emplace_back([&] { results[1] = gate.Run(slow); });
  threads.emplace_back([&] { results[2] = gate.Run(slow); });
  WaitFor([&] { return gate.waiting() == 2; });
  Status refused = gate.Run([] { return Status::Ok(); });
  EXPECT_EQ(refused.code(), Code::kTooManyRequests);
  EXPECT_EQ(refused.key(), "render_busy");
  EXPECT_GT(refused.retry_after_seconds(), 0);
  release = true;
  for (auto& t : threads) t.join();
  for (const Status& st : results) EXPECT_TRUE(st.ok());
  EXPECT_EQ(ran, 3);
  EXPECT_EQ(gate.running(), 0);
  EXPECT_TRUE(gate.Run([] { return Status::Ok(); }).ok());
}

TEST(RenderGateTest, WaitingTooLongIsRefused) {
  RenderGate gate({.running = 1, .queued = 4, .max_wait = std::chrono::milliseconds(50)});
  std::atomic<bool> release{false};
  std::thread holder([&] {
    (void)gate.Run([&] {
      WaitFor([&] { return release.load(); });
      return Status::Ok();
    });
  });
  WaitFor([&] { return gate.running() == 1; });
  Status st = gate.Run([] { return Status::Ok(); });
  release = true;
  holder.join();
  EXPECT_EQ(st.code(), Code::kTooManyRequests);
}

TEST(RenderGateTest, PassesTheRendersStatus) {
  RenderGate gate({});
  Status st = gate.Run([] { return Status::Invalid("sections", "glyph_missing", "no glyph"); });
  EXPECT_EQ(st.key(), "glyph_missing");
}

}  // namespace
}  // namespace jianbao::bulletins
