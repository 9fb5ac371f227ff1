// Copyright 2026 The Jianbao Authors.
//
// Fuzzes the legacy bulletin importer: any bytes give an issue or a Status.
// Inputs are short (scripts/fuzz caps them at 64 KiB), so for one input in
// four the longest line is also stretched past 1 MiB and imported again:
// pdftotext emits such lines, and a long line once overflowed the stack of a
// backtracking regex (issue 11).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bulletins/legacy.h"

namespace {

void Import(std::string_view text) {
  auto r = jianbao::bulletins::ImportLegacyText(text, {1, "2020-01-01"});
  if (r.ok()) (void)jianbao::bulletins::IssueToJson(r->issue);
}

// Returns `text` with its longest line repeated until that line is >= 1 MiB.
std::string StretchLongestLine(std::string_view text) {
  size_t best = 0, best_len = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (end - pos > best_len) best = pos, best_len = end - pos;
    pos = end + 1;
  }
  if (best_len == 0) return std::string(text);
  const std::string_view line = text.substr(best, best_len);
  std::string out(text.substr(0, best));
  for (size_t n = 0; n < (size_t{1} << 20); n += best_len) out += line;
  out += text.substr(best + best_len);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Import(text);
  if (size % 4 == 0 && size <= (64 << 10)) Import(StretchLongestLine(text));
  return 0;
}
