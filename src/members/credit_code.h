// Copyright 2026 The Jianbao Authors.
//
// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters
// of 0-9 and the capitals without I, O, S, V, Z; the last one is a check
// character over the first 17 (weights 3^i mod 31). Pure functions.

#ifndef JIANBAO_MEMBERS_CREDIT_CODE_H_
#define JIANBAO_MEMBERS_CREDIT_CODE_H_

#include <string>
#include <string_view>

namespace jianbao::members {

// Returns `code` trimmed of ASCII blanks and in capitals (what is stored).
std::string NormalizeCreditCode(std::string_view code);

// Returns true when the normalised `code` has 18 valid characters and the
// right check character.
bool IsValidCreditCode(std::string_view code);

// Returns the check character for the first 17 characters of `body`, or '\0'
// when `body` is not 17 valid characters (for tests and demo data).
char CreditCodeCheck(std::string_view body);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_CREDIT_CODE_H_
