// Copyright 2026 The Jianbao Authors.

#include "orgs/password.h"

#include <sodium.h>

#include <cctype>
#include <set>
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

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Passwords of 10 or more characters with two kinds of character that lists
// of leaked passwords put near the top (lower case). A small list: it stops
// the obvious, the length and mix rules do the rest.
bool IsCommonPassword(const std::string& lower) {
  static const std::set<std::string> kCommon = {
      "password123",    "password1234", "password12345", "password123456", "password!",
      "password1!",     "password@123", "password#123",  "passw0rd123",    "p@ssw0rd123",
      "p@ssword123",    "p@ssw0rd!",    "p@ssw0rd1234",  "qwerty1234",     "qwerty12345",
      "qwerty123456",   "qwertyuiop1",  "qwertyuiop123", "qwer1234!@#$",   "1q2w3e4r5t",
      "1q2w3e4r5t6y",   "1qaz2wsx3edc", "1qaz@wsx3edc",  "1qaz!qaz2wsx",   "zaq12wsxcde3",
      "zxcvbnm123",     "zxcvbnm1234",  "abc1234567",    "abcd123456",     "abcd1234567",
      "a123456789",     "a1234567890",  "aa123456789",   "aa12345678",     "qq123456789",
      "iloveyou123",    "iloveyou1234", "woaini1314",    "woaini520",      "woaini5201314",
      "admin12345",     "admin123456",  "admin@123",     "admin@1234",     "admin@12345",
      "administrator1", "root123456",   "test123456",    "welcome123",     "welcome1234",
      "letmein123",     "monkey12345",  "dragon12345",   "sunshine123",    "princess123",
      "football123",    "baseball123",  "superman123",   "trustno1234",    "master12345",
      "changeme123",    "1234567890a",  "123456789a",    "12345678910a",   "123456abc",
      "123456qwerty",   "123qweasdzxc", "qweasdzxc123",  "qazwsxedc123",   "asdf123456",
      "asdfghjkl1",     "asdfghjkl123", "1234qwer!@#$",  "!qaz2wsx#edc",   "abc123456789",
      "china123456",    "beijing2008",  "jianbao2020",   "jianbao123",     "jianbao@123",
  };
  return kCommon.count(lower) > 0;
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

Status CheckPasswordStrength(const std::string& password, const std::string& field,
                             const std::string& login) {
  const size_t n = text::CodePointCount(password);
  if (n < 10) {
    return Status::Invalid(field, "weak_password", "password needs at least 10 characters");
  }
  if (n > 128) return Status::Invalid(field, "too_long", "password is longer than 128 characters");
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    lower = lower || (c >= 'a' && c <= 'z');
    upper = upper || (c >= 'A' && c <= 'Z');
    digit = digit || (c >= '0' && c <= '9');
    other = other || !std::isalnum(c);
  }
  if (lower + upper + digit + other < 2) {
    return Status::Invalid(field, "password_one_kind",
                           "password must mix letters, digits or other characters");
  }
  const std::string folded = Lower(password);
  const std::string login_folded = Lower(login);
  if (!login_folded.empty() &&
      (folded == login_folded ||
       folded == std::string(login_folded.rbegin(), login_folded.rend()))) {
    return Status::Invalid(field, "password_is_login", "password must not be the login");
  }
  if (IsCommonPassword(folded)) {
    return Status::Invalid(field, "password_common", "password is too common");
  }
  return Status::Ok();
}

}  // namespace jianbao::orgs
