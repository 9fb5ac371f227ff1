// Copyright 2026 The Jianbao Authors.

#include "orgs/throttle.h"

#include <algorithm>

#include "orgs/repository.h"

namespace jianbao::orgs {

int LoginThrottle::Wait(soci::session& s, const char* kind, const std::string& key, int max,
                        int64_t now) const {
  const std::vector<int64_t> times = repo::RecentLoginFailures(s, kind, key, now - window_);
  if (static_cast<int>(times.size()) < max) return 0;
  // Free again when enough of the oldest failures have left the window.
  const int64_t oldest_that_counts = times[times.size() - static_cast<size_t>(max)];
  return static_cast<int>(std::max<int64_t>(1, oldest_that_counts + window_ - now));
}

int LoginThrottle::RetryAfter(soci::session& s, const std::string& login, const std::string& ip,
                              int64_t now) const {
  return std::max(Wait(s, "login", login, max_login_, now), Wait(s, "ip", ip, max_ip_, now));
}

void LoginThrottle::Fail(soci::session& s, const std::string& login, const std::string& ip,
                         int64_t now) const {
  repo::AddLoginFailure(s, "login", login, now);
  repo::AddLoginFailure(s, "ip", ip, now);
  repo::DropLoginFailuresBefore(s, now - window_);
}

void LoginThrottle::Succeed(soci::session& s, const std::string& login) const {
  repo::ClearLoginFailures(s, "login", login);
}

}  // namespace jianbao::orgs
