// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "orgs/repository.h"
#include "robots/handlers.h"
#include "robots/repository.h"
#include "robots/sender.h"
#include "robots/worker.h"

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

// Sent and failed deliveries older than robots.retention_days are pruned;
// pending ones and newer ones stay.
TEST(RobotsTest, PruneDropsOldFinishedDeliveries) {
  auto db =
      std::move(store::Database::Open("sqlite:file:robots_prune?mode=memory&cache=shared")).value();
  db->AddMigrations("orgs", orgs::repo::Migrations());
  db->AddMigrations("robots", repo::Migrations());
  ASSERT_TRUE(db->Migrate().ok());
  const int64_t day = 86400, now = 1800000000;
  ASSERT_TRUE(db->Write([&](soci::session& s) {
                  orgs::Org o;
                  o.code = "hubei";
                  o.name = "湖北";
                  o.kind = "provincial";
                  const int64_t org = orgs::repo::InsertOrg(s, o, clock::FormatIso(now));
                  const int64_t robot = repo::InsertRobot(
                      s, org, {"群", "generic", "https://example.org/hook", "", true, false},
                      clock::FormatIso(now), "admin");
                  // {age in days, final status}: "" stays pending.
                  for (auto [age, status] : std::vector<std::pair<int, std::string>>{
                           {100, "sent"}, {100, "failed"}, {100, ""}, {10, "sent"}}) {
                    const int64_t at = now - age * day;
                    const int64_t id = repo::InsertDelivery(s, robot, {"robot.test", "t", "", ""},
                                                            clock::FormatIso(at), at);
                    if (!status.empty()) repo::Finish(s, id, status, 1, 0, "", "", "");
                  }
                  return Status::Ok();
                }).ok());
  WorkerOptions opt;
  opt.retention_days = 90;
  Worker worker(db.get(), opt);
  worker.SetClockForTesting([&] { return now * 1000; });
  auto pruned = worker.Prune();
  ASSERT_TRUE(pruned.ok()) << pruned.status().ToString();
  EXPECT_EQ(*pruned, 2);
  EXPECT_EQ(*worker.Prune(), 0);
  db->Read([&](soci::session& s) {
    long long left = 0;
    s << "SELECT COUNT(*) FROM robot_deliveries", soci::into(left);
    EXPECT_EQ(left, 2);
    return Status::Ok();
  });
  opt.retention_days = 0;  // keep everything
  Worker keep(db.get(), opt);
  EXPECT_EQ(*keep.Prune(), 0);
}

}  // namespace
}  // namespace jianbao::robots
