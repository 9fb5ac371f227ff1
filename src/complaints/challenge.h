// Copyright 2026 The Jianbao Authors.
//
// The public form's proof of work: the server issues a challenge token (a
// random nonce, its expiry and difficulty, signed with HMAC-SHA-256 under a
// server secret, so that issuing stores nothing); the browser searches for a
// solution string such that SHA-256(token ":" solution) starts with
// `difficulty` zero bits (crypto.subtle, about 2^difficulty hashes), and
// sends both with the filing. The server checks the signature, the expiry,
// the difficulty and the hash, and the service records the nonce so that a
// solution is used once. No third-party CAPTCHA service is involved.
//
// Thread safety: pure functions; callable from any thread.

#ifndef JIANBAO_COMPLAINTS_CHALLENGE_H_
#define JIANBAO_COMPLAINTS_CHALLENGE_H_

#include <cstdint>
#include <string>

#include "core/status.h"

namespace jianbao::complaints {

struct Challenge {
  std::string token;  // "<nonce>.<expires_at>.<difficulty>.<mac>"
  int difficulty = 0;
  int64_t expires_at = 0;
};

// A checked token: what the service records as used.
struct SolvedChallenge {
  std::string nonce;
  int64_t expires_at = 0;
};

// Returns a new challenge valid for `ttl_seconds` from `now`. REQUIRES: `secret` not empty.
Challenge IssueChallenge(const std::string& secret, int64_t now, int ttl_seconds, int difficulty);

// Checks `solution` for `token`. Errors: kInvalidArgument "challenge_failed"
// (field "challenge") for a token that is malformed, forged, expired or
// easier than `min_difficulty`, or a solution whose hash has too few leading
// zero bits (field "solution").
Result<SolvedChallenge> VerifyChallenge(const std::string& secret, const std::string& token,
                                        const std::string& solution, int64_t now,
                                        int min_difficulty);

// Returns the number of leading zero bits of SHA-256(`text`).
int LeadingZeroBits(const std::string& text);

// Returns 32 random bytes as 64 hex digits (a new secret).
std::string NewSecret();

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_CHALLENGE_H_
