// Copyright 2026 The Jianbao Authors.
//
// LoginThrottle: counts failed sign-ins per login and per address in a
// sliding window and refuses further attempts once a limit is reached.
// In memory and per process. Thread-safe.

#ifndef JIANBAO_ORGS_THROTTLE_H_
#define JIANBAO_ORGS_THROTTLE_H_

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace jianbao::orgs {

class LoginThrottle {
 public:
  LoginThrottle(int max_per_login, int max_per_ip, int window_seconds)
      : max_login_(max_per_login), max_ip_(max_per_ip), window_(window_seconds) {}

  // Returns 0 when an attempt may proceed, else the seconds to wait.
  int RetryAfter(const std::string& login, const std::string& ip, int64_t now);
  // Records a failed attempt.
  void Fail(const std::string& login, const std::string& ip, int64_t now);
  // Forgets the failures of `login` after a successful sign-in.
  void Succeed(const std::string& login);

 private:
  int Wait(std::deque<int64_t>& q, int max, int64_t now);

  int max_login_;
  int max_ip_;
  int window_;
  std::mutex mu_;
  std::map<std::string, std::deque<int64_t>> by_login_;
  std::map<std::string, std::deque<int64_t>> by_ip_;
};

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_THROTTLE_H_
