// Copyright 2026 The Jianbao Authors.

#include "bulletins/legacy_lines.h"

#include <array>
#include <cstdio>

#include "core/text.h"

namespace jianbao::bulletins::legacy {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

size_t SkipDigits(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

// Consumes `lit` at s[*i] when it is there.
bool Consume(std::string_view s, size_t* i, std::string_view lit) {
  if (s.substr(*i, lit.size()) != lit) return false;
  *i += lit.size();
  return true;
}

// Consumes one of `alternatives` at s[*i].
template <size_t N>
bool ConsumeAny(std::string_view s, size_t* i, const std::array<std::string_view, N>& alts) {
  for (std::string_view a : alts) {
    if (Consume(s, i, a)) return true;
  }
  return false;
}

// Drops one of `alternatives` from the end of *s.
template <size_t N>
bool DropSuffix(std::string_view* s, const std::array<std::string_view, N>& alts) {
  for (std::string_view a : alts) {
    if (s->size() >= a.size() && s->substr(s->size() - a.size()) == a) {
      s->remove_suffix(a.size());
      return true;
    }
  }
  return false;
}

int ToInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// Skips the dashes and spaces around a page number.
size_t SkipPageFrame(std::string_view s, size_t i) {
  static constexpr std::array<std::string_view, 3> kDashes = {"—", "–", "-"};
  for (;;) {
    if (i < s.size() && IsSpace(s[i])) {
      ++i;
    } else if (!ConsumeAny(s, &i, kDashes)) {
      return i;
    }
  }
}

}  // namespace

bool IsStrayPageNumber(std::string_view line) {
  size_t i = 0;
  if (Consume(line, &i, "第")) {  // 第 3 页
    i = SkipSpaces(line, i);
    const size_t d = SkipDigits(line, i);
    if (d == i || d - i > 3) return false;
    i = SkipSpaces(line, d);
    return Consume(line, &i, "页") && i == line.size();
  }
  i = SkipPageFrame(line, i);
  const size_t d = SkipDigits(line, i);
  if (d == i || d - i > 3) return false;
  return SkipPageFrame(line, d) == line.size();
}

bool ParseContentsLine(std::string_view line, ContentsLine* out) {
  size_t i = SkipSpaces(line, 0);
  const size_t d = SkipDigits(line, i);
  if (d == i || d - i > 2) return false;
  i = SkipSpaces(line, d);
  if (!ConsumeAny(line, &i, std::array<std::string_view, 3>{".", "、", "．"})) return false;
  i = SkipSpaces(line, i);
  // From the end: spaces, the page number (its last three digits), leaders.
  std::string_view rest = line.substr(i);
  while (!rest.empty() && IsSpace(rest.back())) rest.remove_suffix(1);
  size_t digits = 0;
  while (digits < rest.size() && IsDigit(rest[rest.size() - 1 - digits])) ++digits;
  if (digits == 0) return false;
  const size_t page_digits = digits < 3 ? digits : 3;
  const int page = ToInt(rest.substr(rest.size() - page_digits));
  rest.remove_suffix(page_digits);
  static constexpr std::array<std::string_view, 4> kLeaders = {".", "…", "·", "\u3000"};
  while (digits <= 3 && !rest.empty()) {  // a longer number runs into the title
    if (IsSpace(rest.back())) {
      rest.remove_suffix(1);
    } else if (!DropSuffix(&rest, kLeaders)) {
      break;
    }
  }
  std::string title = text::Trim(rest);
  if (title.empty() || text::CodePointCount(title) > kMaxContentsTitle) return false;
  out->title = std::move(title);
  out->page = page;
  return true;
}

int ParseIssueNumber(std::string_view line) {
  size_t i = 0;
  if (!Consume(line, &i, "第")) return 0;
  i = SkipSpaces(line, i);
  const size_t d = SkipDigits(line, i);
  if (d == i || d - i > 4) return 0;
  const int number = ToInt(line.substr(i, d - i));
  i = SkipSpaces(line, d);
  return Consume(line, &i, "期") && i == line.size() ? number : 0;
}

namespace {

// Reads "3月" or " 19 日" at line[*i]: spaces, 1-2 digits, spaces, `unit`.
bool DatePart(std::string_view line, size_t* i, std::string_view unit, int* value) {
  size_t at = SkipSpaces(line, *i);
  const size_t d = SkipDigits(line, at);
  if (d == at || d - at > 2) return false;
  *value = ToInt(line.substr(at, d - at));
  at = SkipSpaces(line, d);
  if (!Consume(line, &at, unit)) return false;
  *i = at;
  return true;
}

}  // namespace

std::string FindDate(std::string_view line) {
  static constexpr std::string_view kYear = "年";
  for (size_t y = line.find(kYear); y != std::string_view::npos; y = line.find(kYear, y + 1)) {
    size_t end = y;  // the year's four digits end here, after optional spaces
    while (end > 0 && IsSpace(line[end - 1])) --end;
    if (end < 4 || !IsDigit(line[end - 1]) || !IsDigit(line[end - 2]) || !IsDigit(line[end - 3]) ||
        !IsDigit(line[end - 4])) {
      continue;
    }
    size_t i = y + kYear.size();
    int month = 0, day = 0;
    if (!DatePart(line, &i, "月", &month) || !DatePart(line, &i, "日", &day)) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ToInt(line.substr(end - 4, 4)), month, day);
    return buf;
  }
  return "";
}

std::string ParseSubtitle(std::string_view line) {
  size_t i = 0;
  if (!ConsumeAny(line, &i, std::array<std::string_view, 2>{"（", "("})) return "";
  std::string_view inner = line.substr(i);
  if (!DropSuffix(&inner, std::array<std::string_view, 2>{"）", ")"})) return "";
  while (!inner.empty() && IsSpace(inner.front())) inner.remove_prefix(1);
  while (!inner.empty() && IsSpace(inner.back())) inner.remove_suffix(1);
  return std::string(inner);
}

bool IsOrgName(std::string_view line) {
  static constexpr std::array<std::string_view, 10> kKinds = {
      "协会", "学会", "委员会", "管理局", "研究院", "中心", "公司", "厅", "局", "部"};
  for (std::string_view k : kKinds) {
    if (line.size() >= k.size() && line.substr(line.size() - k.size()) == k) return true;
  }
  return false;
}

std::string EscapeListMarker(std::string_view paragraph) {
  const size_t d = SkipDigits(paragraph, 0);
  if (d == 0 || d > 9 || d + 1 >= paragraph.size()) return std::string(paragraph);
  if ((paragraph[d] != '.' && paragraph[d] != ')') || !IsSpace(paragraph[d + 1])) {
    return std::string(paragraph);
  }
  std::string out(paragraph.substr(0, d));
  out += '\\';
  out += paragraph.substr(d);
  return out;
}

}  // namespace jianbao::bulletins::legacy
