// Copyright 2026 The Jianbao Authors.
//
// LoginThrottle: counts failed sign-ins per login and per address in a
// sliding window and refuses further attempts once a limit is reached. The
// failures live in the database (table login_failures), so every server on a
// shared PostgreSQL sees the same counts and a restart does not reset them.
// Stateless apart from its limits; the calls join the caller's transaction.

#ifndef JIANBAO_ORGS_THROTTLE_H_
#define JIANBAO_ORGS_THROTTLE_H_

#include <cstdint>
#include <string>

namespace soci {
class session;
}

namespace jianbao::orgs {

class LoginThrottle {
 public:
  LoginThrottle(int max_per_login, int max_per_ip, int window_seconds)
      : max_login_(max_per_login), max_ip_(max_per_ip), window_(window_seconds) {}

  // Returns 0 when an attempt may proceed, else the seconds to wait.
  int RetryAfter(soci::session& s, const std::string& login, const std::string& ip,
                 int64_t now) const;
  // Records a failed attempt (and drops failures older than the window).
  void Fail(soci::session& s, const std::string& login, const std::string& ip, int64_t now) const;
  // Forgets the failures of `login` after a successful sign-in.
  void Succeed(soci::session& s, const std::string& login) const;

 private:
  int Wait(soci::session& s, const char* kind, const std::string& key, int max, int64_t now) const;

  int max_login_;
  int max_ip_;
  int window_;
};

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_THROTTLE_H_
