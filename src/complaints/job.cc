// Copyright 2026 The Jianbao Authors.

#include "complaints/job.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace jianbao::complaints {

DailyJob::~DailyJob() { Stop(); }

void DailyJob::Start(int interval_seconds) {
  stop_ = false;
  const int interval = interval_seconds < 1 ? 1 : interval_seconds;
  thread_ = std::thread([this, interval] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      lock.unlock();
      Status st = service_->RunDaily();
      if (!st.ok()) spdlog::warn("complaint desk daily job: {}", st.message());
      for (const auto& [name, task] : tasks_) {
        Status done = task();
        if (!done.ok()) spdlog::warn("daily job, {}: {}", name, done.message());
      }
      lock.lock();
      cv_.wait_for(lock, std::chrono::seconds(interval), [this] { return stop_; });
    }
  });
}

void DailyJob::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace jianbao::complaints
