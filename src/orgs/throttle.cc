// Copyright 2026 The Jianbao Authors.

#include "orgs/throttle.h"

#include <algorithm>

namespace jianbao::orgs {

int LoginThrottle::Wait(std::deque<int64_t>& q, int max, int64_t now) {
  while (!q.empty() && q.front() <= now - window_) q.pop_front();
  if (static_cast<int>(q.size()) < max) return 0;
  return static_cast<int>(std::max<int64_t>(1, q.front() + window_ - now));
}

int LoginThrottle::RetryAfter(const std::string& login, const std::string& ip, int64_t now) {
  std::lock_guard lock(mu_);
  return std::max(Wait(by_login_[login], max_login_, now), Wait(by_ip_[ip], max_ip_, now));
}

void LoginThrottle::Fail(const std::string& login, const std::string& ip, int64_t now) {
  std::lock_guard lock(mu_);
  by_login_[login].push_back(now);
  by_ip_[ip].push_back(now);
  if (by_login_.size() > 100000) by_login_.clear();  // bound memory under a spray attack
  if (by_ip_.size() > 100000) by_ip_.clear();
}

void LoginThrottle::Succeed(const std::string& login) {
  std::lock_guard lock(mu_);
  by_login_.erase(login);
}

}  // namespace jianbao::orgs
