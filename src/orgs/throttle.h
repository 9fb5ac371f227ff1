// Copyright 2026 The Jianbao Authors.
//
// LoginThrottle: slows down password guessing without letting anyone lock
// somebody else out.
//  - Per (login, client address): the first `free_failures` failed sign-ins
//    in the window cost nothing; after that each failure doubles the wait
//    before the next attempt from that address for that login (2 s, 4 s, 8 s
//    …), capped at `max_wait_seconds`. Nobody else's attempts count: a
//    sign-in from an address that has not failed is never slowed down, and a
//    success forgets that pair's failures.
//  - Per address, across logins: `max_per_address` failures within the
//    window refuse further attempts from that address until the oldest ones
//    leave the window (one address guessing many accounts).
// The failures live in the database (table login_failures, kind "pair" with
// key "<login>|<address>", and kind "ip"), so every server on a shared
// PostgreSQL sees the same counts and a restart does not reset them.
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
  struct Limits {
    int free_failures = 2;      // per (login, address) before waits start
    int max_wait_seconds = 60;  // the longest wait between two attempts of a pair
    int max_per_address = 30;   // failures of one address, any login, in the window
    int window_seconds = 900;   // failures older than this are forgotten
  };

  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Returns 0 when an attempt of `login` from `ip` at `now` (Unix seconds)
  // may proceed, else the seconds to wait (at most max_wait_seconds for the
  // pair; up to window_seconds once the address is over its cap).
  int RetryAfter(soci::session& s, const std::string& login, const std::string& ip,
                 int64_t now) const;
  // Records a failed attempt (and drops failures older than the window).
  void Fail(soci::session& s, const std::string& login, const std::string& ip, int64_t now) const;
  // Forgets the failures of `login` from `ip` after a successful sign-in.
  void Succeed(soci::session& s, const std::string& login, const std::string& ip) const;

  // Returns the wait after `failures` failures of one pair (0 for the free ones).
  int BackOff(int failures) const;

 private:
  Limits limits_;
};

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_THROTTLE_H_
