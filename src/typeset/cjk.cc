// Copyright 2026 The Jianbao Authors.

#include "typeset/cjk.h"

#include <algorithm>
#include <iterator>

namespace jianbao::typeset::cjk {
namespace {

// Sorted tables so that membership is a binary search.
constexpr char32_t kNoStart[] = {
    U'!',      U')',      U',',      U'.',      U':',      U';',      U'?',      U']',
    U'}',      U'\u00BB', U'\u2014', U'\u2019', U'\u201D', U'\u2026', U'\u2030', U'\u203A',
    U'\u2103', U'\u3001', U'\u3002', U'\u3005', U'\u3009', U'\u300B', U'\u300D', U'\u300F',
    U'\u3011', U'\u3015', U'\u3017', U'\u301E', U'\uFE50', U'\uFE51', U'\uFE52', U'\uFE54',
    U'\uFE55', U'\uFE56', U'\uFE57', U'\uFF01', U'\uFF05', U'\uFF09', U'\uFF0C', U'\uFF0E',
    U'\uFF1A', U'\uFF1B', U'\uFF1F', U'\uFF3D', U'\uFF5D', U'\uFF63',
};
constexpr char32_t kNoEnd[] = {
    U'(',      U'[',      U'{',      U'\u00AB', U'\u2018', U'\u201C', U'\u2039',
    U'\u3008', U'\u300A', U'\u300C', U'\u300E', U'\u3010', U'\u3014', U'\u3016',
    U'\u301D', U'\uFF08', U'\uFF3B', U'\uFF5B', U'\uFF62',
};
// Full-width marks whose ink sits on the left half of the em box.
constexpr char32_t kBlankRight[] = {
    U'\u2019', U'\u201D', U'\u3001', U'\u3002', U'\u3009', U'\u300B',
    U'\u300D', U'\u300F', U'\u3011', U'\u3015', U'\u3017', U'\uFF09',
    U'\uFF0C', U'\uFF0E', U'\uFF1A', U'\uFF1B', U'\uFF3D', U'\uFF5D',
};
constexpr char32_t kBlankLeft[] = {
    U'\u2018', U'\u201C', U'\u3008', U'\u300A', U'\u300C', U'\u300E',
    U'\u3010', U'\u3014', U'\u3016', U'\uFF08', U'\uFF3B', U'\uFF5B',
};
constexpr char32_t kCentred[] = {U'\u00B7', U'\u2014', U'\u2026', U'\u30FB', U'\uFF01', U'\uFF1F'};

template <size_t N>
bool In(const char32_t (&table)[N], char32_t c) {
  return std::binary_search(std::begin(table), std::end(table), c);
}

}  // namespace

bool NoLineStart(char32_t c) { return In(kNoStart, c); }
bool NoLineEnd(char32_t c) { return In(kNoEnd, c); }

bool Inseparable(char32_t a, char32_t b) {
  return a == b && (a == U'\u2014' || a == U'\u2026' || a == U'\u2015');
}

PunctShape ShapeOf(char32_t c) {
  if (In(kBlankRight, c)) return PunctShape::kBlankRight;
  if (In(kBlankLeft, c)) return PunctShape::kBlankLeft;
  if (In(kCentred, c)) return PunctShape::kCentred;
  return PunctShape::kNone;
}

bool IsWide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x2014 ||
         c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

bool IsLatinAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool IsSpace(char32_t c) { return c == U' ' || c == 0xA0 || c == U'\t'; }

}  // namespace jianbao::typeset::cjk
