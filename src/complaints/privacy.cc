// Copyright 2026 The Jianbao Authors.

#include "complaints/privacy.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace jianbao::complaints {

Complaint MaskPersonalData(Complaint c, Privacy privacy) {
  if (privacy == Privacy::kFull) {
    c.personal_data_masked = false;
    return c;
  }
  if (!c.name.empty()) c.name = text::MaskName(c.name);
  if (!c.phone.empty()) c.phone = text::MaskPhone(c.phone);
  c.personal_data_masked = true;
  return c;
}

std::string NormalizePhone(const std::string& phone) {
  std::string digits;
  for (char ch : phone) {
    if (ch == ' ' || ch == '-') continue;
    if (!std::isdigit(static_cast<unsigned char>(ch))) return "";
    digits += ch;
  }
  if (digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9') {
    return digits;
  }
  if (digits.size() >= 10 && digits.size() <= 12 && digits[0] == '0' && digits[1] != '0') {
    return digits;
  }
  return "";
}

bool HasMarkup(const std::string& text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '<') continue;
    const unsigned char n = static_cast<unsigned char>(text[i + 1]);
    if (std::isalpha(n) || n == '/' || n == '!' || n == '?') return true;
  }
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return lower.find("javascript:") != std::string::npos;
}

}  // namespace jianbao::complaints
