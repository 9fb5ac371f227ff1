// Copyright 2026 The Jianbao Authors.
//
// Poller: the background thread of a queue worker (the e-mail outboxes of
// bulletins and receipts, the group-robot deliveries). It runs a pass — "do
// up to `batch` due jobs, return how many were done" — at once when started,
// then again after `interval`, or as soon as it is poked; a pass that did a
// whole batch is followed at once by the next (more may be due). A pass that
// fails is logged under the poller's name and retried like an idle one.
//
//   Poller poller("robots", 20, [this](int max) { return SendDue(max); });
//   poller.Start(std::chrono::seconds(5));
//   …  poller.Poke();   // after queueing work
//   poller.Stop();      // the running pass, if any, ends first
//
// Stop never cuts a pass short on its own: it waits for the running pass to
// return. A pass that may block (an SMTP call) must be interruptible — the
// owner cancels it before calling Stop (see mail::SendCancel), or the pass
// checks stopping() between jobs; Stop then returns as soon as it does.
//
// Thread safety: every method may be called from any thread except from
// within the pass itself (Stop there would wait for itself). Start and Stop
// may alternate any number of times.

#ifndef JIANBAO_CORE_POLLER_H_
#define JIANBAO_CORE_POLLER_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/status.h"

namespace jianbao {

class Poller {
 public:
  // Does up to `max` due jobs; returns how many it attempted.
  using Pass = std::function<Result<int>(int max)>;

  // `name` prefixes the log line of a failed pass. REQUIRES: batch >= 1; what
  // `pass` uses outlives the Poller (or its Stop).
  Poller(std::string name, int batch, Pass pass);
  // Stops the thread (as Stop).
  ~Poller();
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  // Starts the thread, which runs a pass at once and then every `interval`
  // (sooner when poked). Does nothing when it is already running.
  void Start(std::chrono::milliseconds interval);
  // Makes the thread run a pass as soon as it is idle: at once when it is
  // waiting, right after the running pass otherwise. Never blocks for long.
  void Poke();
  // Asks the thread to end and waits for it: at once when it is waiting,
  // after the running pass returns otherwise. No further pass starts. Does
  // nothing when the thread is not running.
  void Stop();
  // Returns true while Stop waits for the thread to end; a long pass may
  // check it between jobs to end early.
  bool stopping() const;

 private:
  void Run(std::chrono::milliseconds interval);

  const std::string name_;
  const int batch_;
  const Pass pass_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;    // guarded by mu_; set while Stop runs
  bool poked_ = false;   // guarded by mu_
  std::thread thread_;   // started and joined under start_mu_
  std::mutex start_mu_;  // serialises Start and Stop
};

}  // namespace jianbao

#endif  // JIANBAO_CORE_POLLER_H_
