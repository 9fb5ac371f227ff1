// Copyright 2026 The Jianbao Authors.

#include "http/request.h"

#include <gtest/gtest.h>

namespace jianbao::http {
namespace {

TEST(RequestTest, QueryDecoding) {
  auto q = ParseQuery("org=hubei&q=%E7%AE%80%E6%8A%A5&x=a+b&bad=%zz&empty");
  EXPECT_EQ(q["org"], "hubei");
  EXPECT_EQ(q["q"], "简报");
  EXPECT_EQ(q["x"], "a b");
  EXPECT_EQ(q["bad"], "%zz");
  EXPECT_EQ(q.count("empty"), 1u);
  EXPECT_TRUE(ParseQuery("").empty());
}

TEST(RequestTest, CookiesAndLanguage) {
  Request r;
  r.headers["cookie"] = "a=1; jb_session=abc; b=2";
  EXPECT_EQ(r.Cookie("jb_session"), "abc");
  EXPECT_EQ(r.Cookie("missing"), "");
  EXPECT_EQ(r.Language(), "zh");
  r.headers["accept-language"] = "en-US,en;q=0.9";
  EXPECT_EQ(r.Language(), "en");
}

TEST(RequestTest, NormalizeAddress) {
  EXPECT_EQ(NormalizeAddress("10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(NormalizeAddress("::ffff:10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(NormalizeAddress("0:0:0:0:0:0:0:1"), "::1");
  EXPECT_EQ(NormalizeAddress("[2001:DB8::1]"), "2001:db8::1");
  EXPECT_EQ(NormalizeAddress("10.0.0.256"), "");
  EXPECT_EQ(NormalizeAddress("example.org"), "");
  EXPECT_EQ(NormalizeAddress(""), "");
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("127.8.9.10"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_TRUE(IsLoopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(IsLoopback("10.0.0.1"));
  EXPECT_FALSE(IsLoopback(""));
}

TEST(RequestTest, TrustedProxyList) {
  auto list = ParseAddressList(" 10.0.0.2, ::1 ,::ffff:10.0.0.3");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(*list, (std::vector<std::string>{"10.0.0.2", "::1", "10.0.0.3"}));
  EXPECT_TRUE(ParseAddressList("")->empty());
  auto bad = ParseAddressList("10.0.0.2, proxy.local");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "server.trusted_proxies");
  EXPECT_NE(bad.status().message().find("proxy.local"), std::string::npos);
}

TEST(RequestTest, ClientAddressFromTrustedProxiesOnly) {
  const std::vector<std::string> trusted = {"10.0.0.2", "10.0.0.3"};
  auto from = [&](const std::string& peer, const std::string& xff) {
    Request r;
    r.remote_ip = peer;
    if (!xff.empty()) r.headers["x-forwarded-for"] = xff;
    return ClientAddress(r, trusted);
  };
  // A direct client cannot choose its address.
  EXPECT_EQ(from("203.0.113.7", "1.2.3.4"), "203.0.113.7");
  EXPECT_EQ(from("::ffff:203.0.113.7", ""), "203.0.113.7");
  // Through a trusted proxy: the address it saw.
  EXPECT_EQ(from("10.0.0.2", "198.51.100.1"), "198.51.100.1");
  // A client's own forged entries stay on the left, the proxy appends the real one.
  EXPECT_EQ(from("10.0.0.2", "1.2.3.4, 198.51.100.1"), "198.51.100.1");
  // Two trusted proxies in a row.
  EXPECT_EQ(from("10.0.0.2", "198.51.100.1, 10.0.0.3"), "198.51.100.1");
  // Garbage stops the walk at the last trusted hop.
  EXPECT_EQ(from("10.0.0.2", "198.51.100.1, not-an-ip"), "10.0.0.2");
  EXPECT_EQ(from("10.0.0.2", ""), "10.0.0.2");
  EXPECT_EQ(from("10.0.0.2", "10.0.0.3"), "10.0.0.3");
}

TEST(RequestTest, ExpectedVersionFromIfMatchOrBody) {
  Request r;
  EXPECT_FALSE(ExpectedVersion(r, std::nullopt).value().has_value());
  EXPECT_EQ(ExpectedVersion(r, 5).value(), 5);
  r.headers["if-match"] = "\"3\"";
  EXPECT_EQ(ExpectedVersion(r, 5).value(), 3);
  r.headers["if-match"] = "W/\"12\"";
  EXPECT_EQ(ExpectedVersion(r, std::nullopt).value(), 12);
  r.headers["if-match"] = "*";
  EXPECT_FALSE(ExpectedVersion(r, 5).value().has_value());
  r.headers["if-match"] = "\"abc\"";
  EXPECT_EQ(ExpectedVersion(r, std::nullopt).status().field(), "If-Match");
  EXPECT_EQ(WithETag(Response{}, 4).GetHeader("ETag"), "\"4\"");
}

}  // namespace
}  // namespace jianbao::http
