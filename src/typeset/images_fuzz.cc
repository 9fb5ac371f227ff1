// Copyright 2026 The Jianbao Authors.
//
// libFuzzer target: PNG and JPEG decoding as the typesetter does it (header
// and limits, validation, reduced decoding) and the header reader every
// upload goes through. Seeds: fuzz_seeds/jb_typeset_images_fuzz (greyscale,
// palette, RGBA, 16-bit and interlaced PNGs; baseline, progressive and
// greyscale JPEGs; a 1-bit bomb).

#include <cstdint>
#include <string>

#include "core/image_size.h"
#include "typeset/images.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)jianbao::image_size::Read(bytes);
  auto image = jianbao::typeset::LoadImageBytes(bytes, "'fuzz'");
  if (!image.ok()) return 0;
  (void)jianbao::typeset::DecodeImage(**image, 1, 1);
  (void)jianbao::typeset::DecodeImage(**image, 300, 200);
  return 0;
}
