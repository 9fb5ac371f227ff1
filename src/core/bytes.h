// Copyright 2026 The Jianbao Authors.
//
// Byte helpers shared by the modules that store or check files: base64 for
// keeping binary data in TEXT columns on both database engines, and SHA-256.

#ifndef JIANBAO_CORE_BYTES_H_
#define JIANBAO_CORE_BYTES_H_

#include <optional>
#include <string>

namespace jianbao::bytes {

// Returns standard base64 (with padding) of `data`.
std::string Base64Encode(const std::string& data);

// Returns the bytes of standard base64 `text`, or nullopt when it is not valid base64.
std::optional<std::string> Base64Decode(const std::string& text);

// Returns the lower-case hex SHA-256 of `data`.
std::string Sha256Hex(const std::string& data);
// Returns the SHA-256 digest of `data` in standard Base64 (as CSP hashes).
std::string Sha256Base64(const std::string& data);

}  // namespace jianbao::bytes

#endif  // JIANBAO_CORE_BYTES_H_
