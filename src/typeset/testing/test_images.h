// Copyright 2026 The Jianbao Authors.
//
// Test support: small PNG and JPEG files made in memory, and data URIs of
// them, for the image tests of every writer.

#ifndef JIANBAO_TYPESET_TESTING_TEST_IMAGES_H_
#define JIANBAO_TYPESET_TESTING_TEST_IMAGES_H_

#include <string>

namespace jianbao::typeset::testing {

// Returns the bytes of a `w` × `h` PNG with a red diagonal on white.
std::string MakePng(int w, int h);

// Returns the bytes of a `w` × `h` RGB JPEG of a blue gradient, baseline or
// progressive.
std::string MakeJpeg(int w, int h, bool progressive = false);

// Returns the bytes of a 1-bit greyscale `w` × `h` PNG of black pixels: a
// few kilobytes that declare `w` × `h` pixels (a decompression bomb when
// large). Adam7-interlaced when `interlaced`.
std::string MakeBombPng(int w, int h, bool interlaced = false);

// Returns the bytes of a `w` × `h` RGBA PNG: opaque red left half, fully
// transparent right half.
std::string MakeAlphaPng(int w, int h);

// Returns "data:<mime>;base64,<bytes in base64>".
std::string DataUri(const std::string& mime, const std::string& bytes);

}  // namespace jianbao::typeset::testing

#endif  // JIANBAO_TYPESET_TESTING_TEST_IMAGES_H_
