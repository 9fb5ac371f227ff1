// Copyright 2026 The Jianbao Authors.

#include "http/metrics.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace jianbao::http {

void Metrics::Observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
  std::lock_guard lock(mu_);
  Series& s = series_[{method, route}];
  ++s.count;
  if (status >= 500) ++s.errors;
  s.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
  ++s.by_status[status];
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP jianbao_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE jianbao_http_requests_total counter\n";
  for (const auto& [key, s] : series_) {
    for (const auto& [status, n] : s.by_status) {
      out += fmt::format(
          "jianbao_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", key.first,
          key.second, status, n);
    }
  }
  out += "# HELP jianbao_http_errors_total HTTP responses with status >= 500.\n";
  out += "# TYPE jianbao_http_errors_total counter\n";
  for (const auto& [key, s] : series_) {
    out += fmt::format("jianbao_http_errors_total{{method=\"{}\",route=\"{}\"}} {}\n", key.first,
                       key.second, s.errors);
  }
  out += "# HELP jianbao_http_request_duration_seconds Request latency.\n";
  out += "# TYPE jianbao_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : series_) {
    const std::string labels = fmt::format("method=\"{}\",route=\"{}\"", key.first, key.second);
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("jianbao_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                         labels, kBuckets[i], s.buckets[i]);
    }
    out += fmt::format("jianbao_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n",
                       labels, s.count);
    out += fmt::format("jianbao_http_request_duration_seconds_sum{{{}}} {:.6f}\n", labels, s.sum);
    out += fmt::format("jianbao_http_request_duration_seconds_count{{{}}} {}\n", labels, s.count);
  }
  return out;
}

AccessLog::AccessLog() : writer_([this] { Run(); }) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  writer_.join();
}

void AccessLog::Record(std::string_view ip, std::string_view method, std::string_view path,
                       int status, double seconds, size_t bytes) {
  if (!spdlog::should_log(spdlog::level::info)) return;
  Line line{std::chrono::system_clock::now(), fmt::format("{} {} {} {} {:.1f}ms {}B", ip, method,
                                                          path, status, seconds * 1000, bytes)};
  std::lock_guard lock(mu_);
  if (queued_.size() >= kMaxQueued) {
    ++dropped_;
    return;
  }
  queued_.push_back(std::move(line));
}

void AccessLog::Run() {
  std::vector<Line> batch;
  for (;;) {
    uint64_t dropped = 0;
    bool stop = false;
    {
      std::unique_lock lock(mu_);
      // Wakes ten times a second rather than per line: one wake-up per batch.
      cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stop_; });
      batch.swap(queued_);
      std::swap(dropped, dropped_);
      stop = stop_;
    }
    spdlog::logger* log = spdlog::default_logger_raw();
    for (const Line& line : batch) log->log(line.when, {}, spdlog::level::info, line.text);
    if (dropped > 0)
      spdlog::warn("access log: {} lines dropped (the log could not keep up)", dropped);
    batch.clear();
    if (stop) return;
  }
}

}  // namespace jianbao::http
