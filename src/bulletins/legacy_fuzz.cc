// Copyright 2026 The Jianbao Authors.
//
// Fuzzes the legacy bulletin importer: any bytes give an issue or a Status.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bulletins/legacy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = jianbao::bulletins::ImportLegacyText(text, {1, "2020-01-01"});
  if (r.ok()) (void)jianbao::bulletins::IssueToJson(r->issue);
  return 0;
}
