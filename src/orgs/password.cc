// Copyright 2026 The Jianbao Authors.

#include "orgs/password.h"

#include <sodium.h>

#include <vector>

#include "core/text.h"

namespace jianbao::orgs {
namespace {

bool InitSodium() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string Hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.resize(n * 2);
  return out;
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  if (!InitSodium()) return Status::Internal("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("out of memory while hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  if (!InitSodium() || hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken(size_t bytes) {
  InitSodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return Hex(buf.data(), buf.size());
}

std::string TokenDigest(const std::string& token) {
  InitSodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(out, sizeof out);
}

Status CheckPasswordStrength(const std::string& password, const std::string& field) {
  const size_t n = text::CodePointCount(password);
  if (n < 8) return Status::Invalid(field, "weak_password", "password needs at least 8 characters");
  if (n > 128) return Status::Invalid(field, "too_long", "password is longer than 128 characters");
  return Status::Ok();
}

}  // namespace jianbao::orgs
