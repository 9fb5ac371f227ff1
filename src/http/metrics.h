// Copyright 2026 The Jianbao Authors.
//
// Metrics: request counts, errors and a latency histogram per route,
// exposed in the Prometheus text format at /metrics. Thread-safe.

#ifndef JIANBAO_HTTP_METRICS_H_
#define JIANBAO_HTTP_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

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

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_METRICS_H_
