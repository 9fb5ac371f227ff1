// Copyright 2026 The Jianbao Authors.

#include "store/pool.h"

#include <execinfo.h>
#include <signal.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdlib>
#include <thread>

namespace jianbao::store {
namespace {

thread_local const std::string* t_activity = nullptr;

// One stack capture at a time: the dumping thread fills in `target`, signals
// it, and the target's handler writes its frames here.
constexpr int kMaxFrames = 48;
struct StackCapture {
  void* frames[kMaxFrames];
  std::atomic<int> count{-1};
};
StackCapture g_capture;
std::mutex g_capture_mu;

int StackSignal() { return SIGRTMIN + 3; }

void OnStackSignal(int) {
  const int saved = errno;
  g_capture.count.store(backtrace(g_capture.frames, kMaxFrames), std::memory_order_release);
  errno = saved;
}

void InstallStackHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    void* warm[1];
    backtrace(warm, 1);  // loads the unwinder now, not inside the handler
    struct sigaction sa {};
    sa.sa_handler = OnStackSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(StackSignal(), &sa, nullptr);
  });
}

// Returns `thread`'s current stack, one frame a line, or "" when it did not answer.
std::string StackOf(pthread_t thread) {
  std::lock_guard lock(g_capture_mu);
  g_capture.count.store(-1, std::memory_order_relaxed);
  if (pthread_kill(thread, StackSignal()) != 0) return "";
  for (int i = 0; i < 200 && g_capture.count.load(std::memory_order_acquire) < 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const int n = g_capture.count.load(std::memory_order_acquire);
  if (n <= 0) return "";
  std::string out;
  char** symbols = backtrace_symbols(g_capture.frames, n);
  for (int i = 0; i < n; ++i) {
    out += "\n    #" + std::to_string(i) + " " + (symbols ? symbols[i] : "?");
  }
  std::free(symbols);
  return out;
}

}  // namespace

ScopedActivity::ScopedActivity(const std::string* what) : previous_(t_activity) {
  t_activity = what;
}
ScopedActivity::~ScopedActivity() { t_activity = previous_; }

SessionPool::SessionPool(std::string name, std::vector<std::unique_ptr<soci::session>> sessions)
    : name_(std::move(name)) {
  InstallStackHandler();
  for (auto& s : sessions) {
    Slot slot;
    slot.session = std::move(s);
    slots_.push_back(std::move(slot));
  }
}

SessionPool::~SessionPool() = default;

soci::session* SessionPool::Borrow(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  auto free_slot = [this]() -> Slot* {
    for (Slot& s : slots_) {
      if (!s.busy) return &s;
    }
    return nullptr;
  };
  Slot* slot = nullptr;
  if (!cv_.wait_for(lock, timeout, [&] { return (slot = free_slot()) != nullptr; })) {
    std::vector<Holder> holders;
    for (const Slot& s : slots_) {
      if (s.busy) holders.push_back({s.holder, s.since, s.activity});
    }
    const auto now = std::chrono::steady_clock::now();
    // Stacks at most every 10 s: a stall makes many waiters time out at once.
    const bool stacks = now - last_dump_ > std::chrono::seconds(10);
    if (stacks) last_dump_ = now;
    lock.unlock();
    LogHolders(holders, stacks);
    return nullptr;
  }
  slot->busy = true;
  slot->holder = pthread_self();
  slot->since = std::chrono::steady_clock::now();
  slot->activity = t_activity ? *t_activity : "";
  return slot->session.get();
}

void SessionPool::Return(soci::session* s) {
  {
    std::lock_guard lock(mu_);
    for (Slot& slot : slots_) {
      if (slot.session.get() == s) slot.busy = false;
    }
  }
  cv_.notify_one();
}

void SessionPool::LogHolders(const std::vector<Holder>& holders, bool stacks) const {
  const auto now = std::chrono::steady_clock::now();
  spdlog::error("database {}: no session free within the borrow timeout; {} held", name_,
                holders.size());
  for (const Holder& s : holders) {
    const auto held = std::chrono::duration_cast<std::chrono::milliseconds>(now - s.since);
    spdlog::error("  held {} ms by thread {:#x} ({}){}", held.count(),
                  static_cast<uint64_t>(s.thread), s.activity.empty() ? "-" : s.activity,
                  stacks ? StackOf(s.thread) : "");
  }
}

}  // namespace jianbao::store
