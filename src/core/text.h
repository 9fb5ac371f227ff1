// Copyright 2026 The Jianbao Authors.
//
// UTF-8 and Chinese text helpers shared by every module.

#ifndef JIANBAO_CORE_TEXT_H_
#define JIANBAO_CORE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::text {

// Returns true when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Decodes `s` into code points. REQUIRES: IsValidUtf8(s).
std::vector<char32_t> DecodeUtf8(std::string_view s);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Returns the number of code points in `s` (invalid bytes count as one each).
size_t CodePointCount(std::string_view s);

// Returns `s` with leading and trailing ASCII and full-width (U+3000) spaces removed.
std::string Trim(std::string_view s);

// Returns true when `cp` is a CJK ideograph (the blocks used for Chinese text).
bool IsCjkIdeograph(char32_t cp);

// Masks a phone number for display outside the complaint desk: 13812341234 → 138****1234.
// Returns "****" for inputs shorter than 7 characters.
std::string MaskPhone(std::string_view phone);

// Masks a person's name: 张三 → 张*, 欧阳娜娜 → 欧***.
std::string MaskName(std::string_view name);

// Percent-encodes every byte except ASCII letters, digits, '.', '-' and '_'
// (for RFC 5987 / RFC 2231 file-name parameters): "第1期.pdf" → "%E7%AC%AC1%E6%9C%9F.pdf".
std::string PercentEncode(std::string_view s);

}  // namespace jianbao::text

#endif  // JIANBAO_CORE_TEXT_H_
