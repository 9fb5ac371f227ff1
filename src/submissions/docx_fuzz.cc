// Copyright 2026 The Jianbao Authors.
//
// libFuzzer target for the .docx and .txt readers: any bytes must give a
// value or a Status, within the limits, without crashing.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "submissions/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  jianbao::submissions::ImportLimits limits;
  limits.max_total_bytes = 8 << 20;
  limits.max_part_bytes = 4 << 20;
  (void)jianbao::submissions::ReadDocx(bytes, limits);
  (void)jianbao::submissions::ReadText(bytes, limits);
  return 0;
}
