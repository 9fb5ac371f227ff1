// Copyright 2026 The Jianbao Authors.
//
// SessionPool: a fixed set of database sessions handed out one at a time,
// with a bounded wait. Internal to src/store; Database is its only user.
//
// Each lease records the thread that holds it, since when, and what that
// thread is doing (store::ScopedActivity). When a borrow waits longer than
// the pool's timeout it fails, and the pool logs every holder with its
// current stack (taken by a signal sent to the holding thread), so the
// cause of a stall is visible in the log instead of a frozen process.
//
// Thread safety: every method may be called from any thread.

#ifndef JIANBAO_STORE_POOL_H_
#define JIANBAO_STORE_POOL_H_

#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace jianbao::store {

class SessionPool {
 public:
  // `name` ("readers", "writers") appears in log lines.
  SessionPool(std::string name, std::vector<std::unique_ptr<soci::session>> sessions);
  ~SessionPool();

  // Returns a free session, or null when none became free within `timeout`
  // (then every holder has been logged). The caller returns it with Return.
  soci::session* Borrow(std::chrono::milliseconds timeout);
  // REQUIRES: `s` came from Borrow on this pool and is not returned yet.
  void Return(soci::session* s);

  int size() const { return static_cast<int>(slots_.size()); }

 private:
  struct Slot {
    std::unique_ptr<soci::session> session;
    bool busy = false;
    pthread_t holder{};
    std::chrono::steady_clock::time_point since;
    std::string activity;
  };
  struct Holder {
    pthread_t thread;
    std::chrono::steady_clock::time_point since;
    std::string activity;
  };
  // Logs each holder, with its current stack when `stacks`. REQUIRES: mu_ not held.
  void LogHolders(const std::vector<Holder>& holders, bool stacks) const;

  std::string name_;
  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::chrono::steady_clock::time_point last_dump_{};
};

// Names what the current thread is doing ("GET /api/v1/bulletins/issues") for
// the stall log, for the lifetime of the object. Not owned: `what` must
// outlive the object.
class ScopedActivity {
 public:
  explicit ScopedActivity(const std::string* what);
  ~ScopedActivity();
  ScopedActivity(const ScopedActivity&) = delete;
  ScopedActivity& operator=(const ScopedActivity&) = delete;

 private:
  const std::string* previous_;
};

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_POOL_H_
