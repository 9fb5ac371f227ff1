// Copyright 2026 The Jianbao Authors.
//
// Fuzzes the Markdown preview (the HTML every GET of a piece carries): any
// bytes give HTML or a Status, in bounded time. The seeds are tables that
// made cmark-gfm quadratic (issue 11: 20,000 columns took a minute).

#include <cstddef>
#include <cstdint>
#include <string>

#include "submissions/render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string md(reinterpret_cast<const char*>(data), size);
  (void)jianbao::submissions::RenderPreview(md);
  (void)jianbao::submissions::RenderHtml(md);
  return 0;
}
