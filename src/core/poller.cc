// Copyright 2026 The Jianbao Authors.

#include "core/poller.h"

#include <spdlog/spdlog.h>

#include <utility>

namespace jianbao {

Poller::Poller(std::string name, int batch, Pass pass)
    : name_(std::move(name)), batch_(batch < 1 ? 1 : batch), pass_(std::move(pass)) {}

Poller::~Poller() { Stop(); }

void Poller::Start(std::chrono::milliseconds interval) {
  std::lock_guard<std::mutex> start(start_mu_);
  if (thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = false;
  }
  thread_ = std::thread([this, interval] { Run(interval); });
}

void Poller::Poke() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

void Poller::Stop() {
  std::lock_guard<std::mutex> start(start_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  stop_ = false;
}

bool Poller::stopping() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stop_;
}

void Poller::Run(std::chrono::milliseconds interval) {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    poked_ = false;  // this pass serves every poke made so far
    lock.unlock();
    const Result<int> done = pass_(batch_);
    if (!done.ok()) spdlog::warn("{}: {}", name_, done.status().message());
    lock.lock();
    // A whole batch means more may be due: go round again at once.
    if (done.ok() && done.value() >= batch_) continue;
    cv_.wait_for(lock, interval, [this] { return stop_ || poked_; });
  }
}

}  // namespace jianbao
