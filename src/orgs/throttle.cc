// Copyright 2026 The Jianbao Authors.

#include "orgs/throttle.h"

#include <algorithm>

#include "orgs/repository.h"

namespace jianbao::orgs {
namespace {

constexpr const char* kPair = "pair";
constexpr const char* kAddress = "ip";

std::string PairKey(const std::string& login, const std::string& ip) { return login + "|" + ip; }

}  // namespace

int LoginThrottle::BackOff(int failures) const {
  if (failures <= limits_.free_failures) return 0;
  const int doublings = std::min(failures - limits_.free_failures, 20);
  return static_cast<int>(std::min<int64_t>(limits_.max_wait_seconds, int64_t{1} << doublings));
}

int LoginThrottle::RetryAfter(soci::session& s, const std::string& login, const std::string& ip,
                              int64_t now) const {
  const int64_t since = now - limits_.window_seconds;
  int64_t wait = 0;
  const std::vector<int64_t> pair = repo::RecentLoginFailures(s, kPair, PairKey(login, ip), since);
  if (!pair.empty()) {
    wait = std::max<int64_t>(0, pair.back() + BackOff(static_cast<int>(pair.size())) - now);
  }
  const std::vector<int64_t> address = repo::RecentLoginFailures(s, kAddress, ip, since);
  const size_t cap = static_cast<size_t>(std::max(1, limits_.max_per_address));
  if (address.size() >= cap) {
    // Free again when enough of the oldest failures have left the window.
    const int64_t oldest_that_counts = address[address.size() - cap];
    wait = std::max<int64_t>(wait, oldest_that_counts + limits_.window_seconds - now);
  }
  return static_cast<int>(std::max<int64_t>(wait, wait > 0 ? 1 : 0));
}

void LoginThrottle::Fail(soci::session& s, const std::string& login, const std::string& ip,
                         int64_t now) const {
  repo::AddLoginFailure(s, kPair, PairKey(login, ip), now);
  repo::AddLoginFailure(s, kAddress, ip, now);
  repo::DropLoginFailuresBefore(s, now - limits_.window_seconds);
}

void LoginThrottle::Succeed(soci::session& s, const std::string& login,
                            const std::string& ip) const {
  repo::ClearLoginFailures(s, kPair, PairKey(login, ip));
}

}  // namespace jianbao::orgs
