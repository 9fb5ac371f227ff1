// Copyright 2026 The Jianbao Authors.

#include "http/csp.h"

#include <gtest/gtest.h>

namespace jianbao::http {
namespace {

TEST(CspTest, HashesTheHeadStylesOnly) {
  // echo -n 'p{}' | openssl dgst -sha256 -binary | base64
  const std::string p = "'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='";
  EXPECT_EQ(StyleHashSources("<html><head><style>p{}</style></head><body></body></html>"), p);
  EXPECT_EQ(StyleHashSources("<head><style>p{}</style><style>p{}</style></head>"), p + " " + p);
  EXPECT_EQ(StyleHashSources("<head></head><body><style>p{}</style></body>"), "");
  EXPECT_EQ(StyleHashSources("<head><style>p{}"), "");
  EXPECT_EQ(SelfContainedPagePolicy("<head><style>p{}</style></head>", "img-src data:"),
            "default-src 'none'; style-src " + p + "; img-src data:");
  EXPECT_EQ(SelfContainedPagePolicy("<p>no style</p>"), "default-src 'none'; style-src 'none'");
}

}  // namespace
}  // namespace jianbao::http
