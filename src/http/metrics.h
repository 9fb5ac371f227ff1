// Copyright 2026 The Jianbao Authors.
//
// Metrics: request counts, errors and a latency histogram per route,
// exposed in the Prometheus text format at /metrics. Thread-safe.
//
// AccessLog: the one line per request, written by a background thread in
// batches, so that request threads never wait on the log's lock or write.

#ifndef JIANBAO_HTTP_METRICS_H_
#define JIANBAO_HTTP_METRICS_H_

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace jianbao::http {

class Metrics {
 public:
  // Records one finished request. `route` is the route pattern ("/api/v1/users/:id"),
  // "static" or "unmatched".
  void Observe(const std::string& method, const std::string& route, int status, double seconds);

  // Returns every metric in the Prometheus text exposition format.
  std::string Render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  0.5,  1.0};
  struct Series {
    uint64_t count = 0;
    uint64_t errors = 0;  // status >= 500
    double sum = 0;
    std::array<uint64_t, kBuckets.size()> buckets{};
    std::map<int, uint64_t> by_status;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, Series> series_;
};

class AccessLog {
 public:
  // Starts the writer thread, which passes the lines to spdlog's default
  // logger at level info, with the time each request finished.
  AccessLog();
  // Writes what is queued, then stops the writer thread.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Queues the line for one finished request; returns at once. When more than
  // kMaxQueued lines wait, the line is dropped and counted (the writer logs a
  // warning with the count). Does nothing when the log level is above info.
  // Thread-safe.
  void Record(std::string_view ip, std::string_view method, std::string_view path, int status,
              double seconds, size_t bytes);

  static constexpr size_t kMaxQueued = 100000;

 private:
  struct Line {
    std::chrono::system_clock::time_point when;
    std::string text;
  };
  void Run();

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Line> queued_;
  uint64_t dropped_ = 0;
  bool stop_ = false;
  std::thread writer_;
};

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_METRICS_H_
