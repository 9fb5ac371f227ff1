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
// Linear in `s`, allocates nothing.
size_t CodePointCount(std::string_view s);

// Returns the first (last) code point of `s`, or 0 when `s` is empty; an
// invalid byte there reads as U+FFFD. Looks at no more than 4 bytes.
char32_t FirstCodePoint(std::string_view s);
char32_t LastCodePoint(std::string_view s);

// Returns `s` with leading and trailing ASCII and full-width (U+3000) spaces removed.
std::string Trim(std::string_view s);

// Returns the comma-separated parts of `list`, each as written (not trimmed):
// "" gives none; "a,,b" and "a," keep their empty parts, so a caller that
// checks each part refuses them. The one parser of list-valued query
// parameters ("status=published,superseded") and list settings.
std::vector<std::string> SplitCommas(std::string_view list);

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

// Returns `url` with the password of each "scheme://user:password@" replaced
// by "***" ("postgresql://jianbao:***@db/jianbao"); other URLs unchanged.
// One pass, no regular expression.
std::string MaskUrlPassword(std::string_view url);

// Validators for identifiers that users type. Each looks at every byte once
// (no regular expressions, no backtracking) and accepts ASCII only.

// Returns true for an organisation or series code: a lowercase letter or
// digit, then 1-31 lowercase letters, digits or '-' ("hubei", "ccea-epidemic").
bool IsValidCode(std::string_view s);

// Returns true for a login: a letter or digit, then 1-63 letters, digits,
// '.', '_' or '-' ("qinghai-reporter", "li.ming").
bool IsValidLogin(std::string_view s);

// Returns true for an e-mail address safe to put in a mail header: at most
// 254 bytes; a local part of 1-64 of A-Z a-z 0-9 and !#$%&'*+/=?^_`{|}~.-;
// '@'; two or more dot-separated labels of 1-63 letters, digits and '-',
// each starting and ending with a letter or digit.
bool IsValidEmail(std::string_view s);

// Returns `s` without the characters XML 1.0 forbids (C0 controls other than
// tab, line feed and carriage return; U+FFFE, U+FFFF); vertical tab and form
// feed (Word's manual line and page breaks) become line feeds. For text that
// arrives in uploaded files, which the JSON check (control_char) never sees.
std::string CleanControlChars(std::string_view s);

// Returns `s` for XML or HTML text and attribute values: & < > " ' escaped,
// and the characters XML 1.0 forbids (C0 controls other than tab, line feed
// and carriage return; U+FFFE, U+FFFF) dropped, so text stored before input
// was checked cannot make a document unreadable.
std::string EscapeXml(std::string_view s);

}  // namespace jianbao::text

#endif  // JIANBAO_CORE_TEXT_H_
