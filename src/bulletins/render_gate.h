// Copyright 2026 The Jianbao Authors.
//
// RenderGate: bounds how much typesetting the server does at once. Renders
// (previews, publications, legacy imports) are slow and CPU-bound, and the
// Typesetter serialises them; without a bound, a few users pressing 预览 can
// occupy every handler thread and the whole API stops answering.
//
// A render runs when fewer than `running` renders run; otherwise it waits in
// a queue of at most `queued`, for at most `max_wait`. A render that finds
// the queue full, or waits too long, is refused with kTooManyRequests
// ("render_busy") and a Retry-After, so the client can say "busy, retrying"
// while every other request is still answered.
//
// Thread safety: every method may be called from any thread.

#ifndef JIANBAO_BULLETINS_RENDER_GATE_H_
#define JIANBAO_BULLETINS_RENDER_GATE_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "core/status.h"

namespace jianbao::bulletins {

class RenderGate {
 public:
  struct Limits {
    int running = 1;  // renders at once (the Typesetter runs one at a time)
    int queued = 2;   // renders waiting for a turn
    std::chrono::milliseconds max_wait{20000};
  };
  explicit RenderGate(Limits limits) : limits_(limits) {}

  // Runs `render` when its turn comes and returns its status, or returns
  // kTooManyRequests without running it (see above).
  Status Run(const std::function<Status()>& render);

  // Returns the renders running and waiting now (for /metrics and tests).
  int running() const;
  int waiting() const;

 private:
  const Limits limits_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  int running_ = 0;
  int waiting_ = 0;
};

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_RENDER_GATE_H_
