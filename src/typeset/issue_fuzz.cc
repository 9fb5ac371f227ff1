// Copyright 2026 The Jianbao Authors.
//
// libFuzzer: random issue JSON through the parser, and whatever parses
// through the text and HTML writers.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "typeset/typeset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  auto issue = jianbao::typeset::ParseIssueJson(json);
  if (!issue.ok()) {
    // Every error names a key.
    if (issue.status().field().empty()) __builtin_trap();
    return 0;
  }
  (void)jianbao::typeset::RenderHtml(*issue, jianbao::typeset::Fonts());
  return 0;
}
