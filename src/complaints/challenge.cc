// Copyright 2026 The Jianbao Authors.

#include "complaints/challenge.h"

#include <sodium.h>

#include <vector>

namespace jianbao::complaints {
namespace {

std::string Hex(const unsigned char* data, size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

std::string Mac(const std::string& secret, const std::string& text) {
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES] = {};
  crypto_hash_sha256(key, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(out, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         key);
  return Hex(out, sizeof out);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char ch : s) {
    if (ch == sep) {
      out.emplace_back();
    } else {
      out.back() += ch;
    }
  }
  return out;
}

bool AllDigits(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

Status Failed(const std::string& field, const std::string& why) {
  return Status::Invalid(field, "challenge_failed", why);
}

}  // namespace

Challenge IssueChallenge(const std::string& secret, int64_t now, int ttl_seconds, int difficulty) {
  unsigned char nonce[16];
  randombytes_buf(nonce, sizeof nonce);
  Challenge c;
  c.difficulty = difficulty;
  c.expires_at = now + ttl_seconds;
  const std::string body = Hex(nonce, sizeof nonce) + "." + std::to_string(c.expires_at) + "." +
                           std::to_string(difficulty);
  c.token = body + "." + Mac(secret, body);
  return c;
}

Result<SolvedChallenge> VerifyChallenge(const std::string& secret, const std::string& token,
                                        const std::string& solution, int64_t now,
                                        int min_difficulty) {
  const std::vector<std::string> parts = Split(token, '.');
  if (parts.size() != 4 || parts[0].size() != 32 || !AllDigits(parts[1]) || !AllDigits(parts[2])) {
    return Failed("challenge", "malformed challenge");
  }
  const std::string body = parts[0] + "." + parts[1] + "." + parts[2];
  const std::string mac = Mac(secret, body);
  if (mac.size() != parts[3].size() ||
      sodium_memcmp(mac.data(), parts[3].data(), mac.size()) != 0) {
    return Failed("challenge", "forged challenge");
  }
  const int64_t expires = std::stoll(parts[1]);
  const int difficulty = std::stoi(parts[2]);
  if (expires < now) return Failed("challenge", "expired challenge");
  if (difficulty < min_difficulty) return Failed("challenge", "challenge too easy");
  if (solution.empty() || solution.size() > 64) return Failed("solution", "no solution");
  if (LeadingZeroBits(token + ":" + solution) < difficulty) {
    return Failed("solution", "wrong solution");
  }
  return SolvedChallenge{parts[0], expires};
}

int LeadingZeroBits(const std::string& text) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  int bits = 0;
  for (unsigned char b : hash) {
    if (b == 0) {
      bits += 8;
      continue;
    }
    for (int i = 7; i >= 0 && !(b & (1 << i)); --i) ++bits;
    break;
  }
  return bits;
}

std::string NewSecret() {
  unsigned char key[32];
  randombytes_buf(key, sizeof key);
  return Hex(key, sizeof key);
}

}  // namespace jianbao::complaints
