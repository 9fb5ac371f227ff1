// Copyright 2026 The Jianbao Authors.

#include "bulletins/render_gate.h"

namespace jianbao::bulletins {
namespace {

Status Busy(int retry_after) {
  return Status(Code::kTooManyRequests, "render_busy",
                "the typesetter is busy with other renders; retry shortly")
      .set_retry_after_seconds(retry_after);
}

}  // namespace

Status RenderGate::Run(const std::function<Status()>& render) {
  {
    std::unique_lock lock(mu_);
    if (running_ >= limits_.running) {
      if (waiting_ >= limits_.queued) return Busy(5);
      ++waiting_;
      const bool turn =
          cv_.wait_for(lock, limits_.max_wait, [this] { return running_ < limits_.running; });
      --waiting_;
      if (!turn) return Busy(10);
    }
    ++running_;
  }
  struct Done {
    RenderGate* gate;
    ~Done() {
      {
        std::lock_guard lock(gate->mu_);
        --gate->running_;
      }
      gate->cv_.notify_one();
    }
  } done{this};
  return render();
}

int RenderGate::running() const {
  std::lock_guard lock(mu_);
  return running_;
}

int RenderGate::waiting() const {
  std::lock_guard lock(mu_);
  return waiting_;
}

}  // namespace jianbao::bulletins
