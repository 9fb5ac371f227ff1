// Copyright 2026 The Jianbao Authors.
//
// Password hashing (Argon2id through libsodium) and random tokens.

#ifndef JIANBAO_ORGS_PASSWORD_H_
#define JIANBAO_ORGS_PASSWORD_H_

#include <string>

#include "core/status.h"

namespace jianbao::orgs {

// Returns the Argon2id hash string of `password` (salt and parameters inside).
// Returns kInternal only when libsodium cannot allocate its working memory.
Result<std::string> HashPassword(const std::string& password);

// Returns true when `password` matches `hash` (constant time inside libsodium).
bool VerifyPassword(const std::string& hash, const std::string& password);

// Returns `bytes` random bytes as lower-case hex.
std::string RandomToken(size_t bytes = 32);

// Returns the hex BLAKE2b hash of a session token, which is what the database stores.
std::string TokenDigest(const std::string& token);

// The password policy, applied wherever a password is set (user creation,
// an admin's reset, one's own change). Returns OK when `password`
//  - has 10 to 128 characters (code points),
//  - mixes at least two kinds of character (lower-case letters, upper-case
//    letters, digits, anything else),
//  - is not the login `login` (ignoring case, also reversed), and
//  - is not one of the commonly used passwords of a small embedded list
//    (ignoring case);
// else kInvalidArgument with `field` and the key "weak_password",
// "too_long", "password_one_kind", "password_is_login" or "password_common".
Status CheckPasswordStrength(const std::string& password, const std::string& field,
                             const std::string& login);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_PASSWORD_H_
