// Copyright 2026 The Jianbao Authors.

#include "members/credit_code.h"

#include <cctype>

namespace jianbao::members {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

std::string NormalizeCreditCode(std::string_view code) {
  size_t b = 0, e = code.size();
  while (b < e && (code[b] == ' ' || code[b] == '\t')) ++b;
  while (e > b && (code[e - 1] == ' ' || code[e - 1] == '\t')) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) {
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(code[i])));
  }
  return out;
}

char CreditCodeCheck(std::string_view body) {
  if (body.size() < 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const size_t v = kAlphabet.find(body[i]);
    if (v == std::string_view::npos) return '\0';
    sum += static_cast<int>(v) * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<size_t>(check)];
}

bool IsValidCreditCode(std::string_view code) {
  if (code.size() != 18) return false;
  const char c = CreditCodeCheck(code.substr(0, 17));
  return c != '\0' && c == code[17];
}

}  // namespace jianbao::members
