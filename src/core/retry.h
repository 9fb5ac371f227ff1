// Copyright 2026 The Jianbao Authors.
//
// RetryPolicy: how long a queued job waits after a failed attempt, and after
// how many attempts it has failed for good. The e-mail outboxes use
// RetryPolicy::Mail() (back-off 1, 5, 15, 60 minutes; five attempts), the
// group robots an exponential one from their configuration.
//
//   const RetryPolicy policy = RetryPolicy::Mail();
//   if (auto wait = policy.After(attempts)) next = now + *wait; else status = "failed";
//
// Thread safety: immutable; any thread.

#ifndef JIANBAO_CORE_RETRY_H_
#define JIANBAO_CORE_RETRY_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace jianbao {

class RetryPolicy {
 public:
  // Waits delays[0] seconds after the first failed attempt, delays[1] after
  // the second, … (the last one again after later attempts); gives up after
  // `max_attempts`. REQUIRES: delays not empty; max_attempts >= 1.
  RetryPolicy(std::vector<int64_t> delays, int max_attempts)
      : delays_(std::move(delays)), max_attempts_(max_attempts) {}
  // Waits first_seconds × 2^(n−1) after the n-th failed attempt (doubling
  // stops at 2^30); gives up after max_attempts. REQUIRES: first_seconds >= 1,
  // max_attempts >= 1.
  static RetryPolicy Exponential(int64_t first_seconds, int max_attempts);
  // The e-mail outboxes' policy: 1, 5, 15, 60 minutes; five attempts.
  static RetryPolicy Mail() { return RetryPolicy({60, 300, 900, 3600}, 5); }

  // Returns the seconds to wait before the next attempt after `attempts`
  // (>= 1) failed ones, or nullopt when the job has failed for good.
  std::optional<int64_t> After(int attempts) const;
  // Returns how many attempts a job gets.
  int max_attempts() const { return max_attempts_; }

 private:
  std::vector<int64_t> delays_;
  int max_attempts_;
};

}  // namespace jianbao

#endif  // JIANBAO_CORE_RETRY_H_
