// Copyright 2026 The Jianbao Authors.

#include "core/bytes.h"

#include <gtest/gtest.h>

namespace jianbao::bytes {
namespace {

TEST(BytesTest, Base64RoundTripsBinary) {
  const std::string data("%PDF\0\xff\x01简报", 11);
  EXPECT_EQ(Base64Decode(Base64Encode(data)).value(), data);
  EXPECT_EQ(Base64Encode("abc"), "YWJj");
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_FALSE(Base64Decode("***"));
}

TEST(BytesTest, Sha256) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace jianbao::bytes
