// Copyright 2026 The Jianbao Authors.

#include "core/retry.h"

#include <algorithm>

namespace jianbao {

RetryPolicy RetryPolicy::Exponential(int64_t first_seconds, int max_attempts) {
  std::vector<int64_t> delays;
  const int doublings = std::clamp(max_attempts - 1, 1, 31);
  for (int n = 0; n < doublings; ++n) delays.push_back(first_seconds << n);
  return RetryPolicy(std::move(delays), max_attempts);
}

std::optional<int64_t> RetryPolicy::After(int attempts) const {
  if (attempts < 1 || attempts >= max_attempts_ || delays_.empty()) return std::nullopt;
  const size_t i = std::min(static_cast<size_t>(attempts), delays_.size()) - 1;
  return delays_[i];
}

}  // namespace jianbao
