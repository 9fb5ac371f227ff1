// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "robots/handlers.h"
#include "robots/sender.h"

namespace jianbao::robots {
namespace {

TEST(RobotsTest, DingtalkSignatureMatchesTheDocumentedRecipe) {
  // python3: base64(hmac.new(b"SEC1", b"1600000000000\nSEC1", sha256)), URL-encoded.
  const std::string sign = DingtalkSign("SEC1", 1600000000000);
  EXPECT_FALSE(sign.empty());
  EXPECT_EQ(sign.find('+'), std::string::npos);
  EXPECT_EQ(sign.find('/'), std::string::npos);
  EXPECT_EQ(sign, DingtalkSign("SEC1", 1600000000000));
  EXPECT_NE(sign, DingtalkSign("SEC1", 1600000000001));
}

TEST(RobotsTest, RequestsOfEachKind) {
  Robot r;
  r.kind = "wecom";
  r.url = "https://qyapi.example/cgi-bin/webhook/send?key=K";
  const Event e{"bulletin.published", "疫情防控简报", "2020年第3期", "/bulletins/issues/7"};
  Request q = BuildRequest(r, e, "https://jb.example", 1);
  auto j = nlohmann::json::parse(q.body);
  EXPECT_EQ(j["msgtype"], "markdown");
  EXPECT_NE(
      j["markdown"]["content"].get<std::string>().find("https://jb.example/bulletins/issues/7"),
      std::string::npos);
  EXPECT_EQ(q.url, r.url);

  r.kind = "dingtalk";
  r.url = "https://oapi.example/robot/send?access_token=T";
  r.secret = "SEC1";
  q = BuildRequest(r, e, "", 1600000000000);
  EXPECT_EQ(q.url, r.url + "&timestamp=1600000000000&sign=" + DingtalkSign("SEC1", 1600000000000));
  EXPECT_EQ(nlohmann::json::parse(q.body)["markdown"]["title"], "疫情防控简报");

  r.kind = "generic";
  r.secret.clear();
  q = BuildRequest(r, e, "", 1);
  j = nlohmann::json::parse(q.body);
  EXPECT_EQ(j["event"], "bulletin.published");
  EXPECT_EQ(j["number"], "2020年第3期");
  EXPECT_EQ(j["link"], "/bulletins/issues/7");
}

TEST(RobotsTest, WebhookUrlsAreHttpOnly) {
  EXPECT_TRUE(CheckWebhookUrl("https://oapi.example/robot/send?access_token=x").ok());
  EXPECT_TRUE(CheckWebhookUrl("http://127.0.0.1:9000/hook").ok());
  for (const char* bad : {"ftp://x/", "file:///etc/passwd", "https://", "http:///x",
                          "https://user:pw@host/", "https://a b/", "javascript:alert(1)"}) {
    EXPECT_EQ(CheckWebhookUrl(bad).key(), "invalid_webhook_url") << bad;
  }
}

TEST(RobotsTest, PrivateAddresses) {
  for (const char* ip :
       {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(IsPrivateAddress(ip)) << ip;
  }
  for (const char* ip : {"8.8.8.8", "203.0.113.9", "2001:db8::1", "172.32.0.1"}) {
    EXPECT_FALSE(IsPrivateAddress(ip)) << ip;
  }
}

TEST(RobotsTest, SecretsAreMasked) {
  EXPECT_EQ(Mask(""), "");
  EXPECT_EQ(Mask("short"), "****");
  EXPECT_EQ(Mask("SECabcdefghijkl"), "SECa…ijkl");
}

TEST(RobotsTest, PostRefusesLoopbackUnlessAllowed) {
  HttpOptions o;
  o.timeout_seconds = 2;
  Status st = Post({"http://127.0.0.1:9/hook", "{}"}, o);
  EXPECT_EQ(st.key(), "robot_failed");
  EXPECT_NE(st.message().find("private"), std::string::npos);
}

TEST(RobotsTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(Messages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::robots
