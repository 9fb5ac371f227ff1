// Copyright 2026 The Jianbao Authors.
//
// Worker: sends queued robot deliveries in a background thread (like the
// bulletins Mailer). A due delivery is claimed by a compare-and-set on its
// due time (a lease longer than one request may last), so several servers
// on one database never send the same delivery at once. A failed attempt is
// retried after backoff_seconds × 2^(attempts−1); after max_attempts the
// delivery is "failed" with the last error.
//
//   Worker worker(db, WorkerOptions::FromConfig(config));
//   worker.Start();
//   …
//   worker.Stop();
//
// Thread safety: any method from any thread, but the Set…ForTesting ones
// only before Start.

#ifndef JIANBAO_ROBOTS_WORKER_H_
#define JIANBAO_ROBOTS_WORKER_H_

#include <functional>
#include <string>

#include "core/config.h"
#include "core/poller.h"
#include "core/retry.h"
#include "core/status.h"
#include "robots/sender.h"
#include "store/database.h"

namespace jianbao::robots {

struct WorkerOptions {
  int poll_seconds = 5;
  int max_attempts = 5;
  int backoff_seconds = 60;
  std::string public_url;  // prefixes relative links; "" leaves them relative
  HttpOptions http;
  int retention_days = 90;  // Prune: sent and failed deliveries older go; 0 = keep all
  // Reads robots.poll_seconds, robots.max_attempts, robots.backoff_seconds,
  // robots.timeout_seconds, robots.allow_private_hosts (default false),
  // robots.retention_days (default 90) and server.public_url.
  static WorkerOptions FromConfig(const Config& config);
};

class Worker {
 public:
  // REQUIRES: `db` outlives the Worker.
  Worker(store::Database* db, WorkerOptions options);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Sends up to `max` due deliveries; returns how many were attempted.
  Result<int> SendDue(int max);
  // Deletes the sent and failed deliveries created more than
  // options.retention_days ago (none when 0); pending ones stay. Returns how
  // many. Run by the server's daily retention job (complaints::DailyJob).
  Result<int> Prune();
  // Starts / stops the background thread (a Poller) that calls SendDue at
  // once, then every options.poll_seconds and at once after Wake(). Stop
  // waits for the delivery in flight (at most one HTTP timeout per delivery
  // left in the pass: the pass ends early once stopping).
  void Start();
  void Stop();
  void Wake();
  // Makes the worker read the time (Unix milliseconds) from `now` (tests).
  void SetClockForTesting(std::function<int64_t()> now_ms) { now_ms_ = std::move(now_ms); }
  // Replaces the HTTP POST (tests).
  void SetPostForTesting(std::function<Status(const Request&)> post) { post_ = std::move(post); }

 private:
  store::Database* db_;
  WorkerOptions options_;
  RetryPolicy retry_;  // backoff_seconds × 2^(attempts−1), max_attempts
  std::function<int64_t()> now_ms_;
  std::function<Status(const Request&)> post_;
  Poller poller_;  // last: its thread uses the members above
};

}  // namespace jianbao::robots

#endif  // JIANBAO_ROBOTS_WORKER_H_
