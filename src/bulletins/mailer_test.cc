// Copyright 2026 The Jianbao Authors.

#include "bulletins/mailer.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "bulletins/repository.h"
#include "core/clock.h"
#include "core/text.h"
#include "mail/fake_smtp.h"

namespace jianbao::bulletins {
namespace {

class MailerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("jb_mailer_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = std::move(store::Database::Open("sqlite:" + path_.string())).value();
    db_->AddMigrations("bulletins", repo::Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     Series series;
                     series.code = "demo";
                     series.title = "信息通信行业\n信息简报";
                     series.subtitle = "协会专刊";
                     series.owner_org = "ccea";
                     const int64_t series_id = repo::InsertSeries(s, series, clock::NowIso());
                     IssueRecord issue;
                     issue.series_id = series_id;
                     issue.year = 2020;
                     issue.number = 31;
                     issue.status = IssueState::kPublished;
                     issue.date = "2020-03-19";
                     issue_id_ = repo::InsertIssue(s, issue);
                     repo::InsertFile(s, issue_id_, {"pdf", "x", 9}, "%PDF-1.5\n");
                     repo::InsertFile(s, issue_id_, {"html", "x", 14}, "<p>简报正文</p>");
                     repo::InsertFile(s, issue_id_, {"txt", "x", 12}, "简报正文");
                     const std::string now = clock::NowIso();
                     for (auto [id, email] : {std::pair{1, "zhang@example.org"},
                                              std::pair{2, "li@nobody.org"}, std::pair{3, ""}}) {
                       Receipt r;
                       r.user_id = id, r.login = "u" + std::to_string(id), r.delivered_at = now;
                       r.email = email;
                       r.mail_status = r.email.empty() ? "" : "queued";
                       repo::InsertDelivery(s, issue_id_, r);
                     }
                     return Status::Ok();
                   })
                    .ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }
  std::map<std::string, Receipt> ByLogin() {
    std::map<std::string, Receipt> out;
    EXPECT_TRUE(db_->Read([&](soci::session& s) {
                     for (const Receipt& r : repo::ListReceipts(s, issue_id_)) out[r.login] = r;
                     return Status::Ok();
                   })
                    .ok());
    return out;
  }
  // Makes every queued copy due now (skips the back-off wait).
  void MakeDue() {
    ASSERT_TRUE(
        db_->Write([&](soci::session& s) {
             s << "UPDATE bulletin_deliveries SET mail_next_at = '' WHERE mail_status = 'queued'";
             return Status::Ok();
           })
            .ok());
  }
  mail::SmtpConfig Config(const mail::FakeSmtpServer& server) {
    mail::SmtpConfig c;
    c.url = server.url();
    c.from = "bulletin@example.org";
    c.starttls = "off";
    return c;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  int64_t issue_id_ = 0;
};

TEST_F(MailerTest, SendsHtmlBodyWithPdfAndRetriesFailures) {
  mail::FakeSmtpServer server;
  server.RejectRecipientsContaining("nobody");
  Mailer mailer(db_.get(), Config(server));
  auto n = mailer.SendDue(10);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n.value(), 2);  // the user without an address gets no e-mail

  auto got = server.Received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].to, std::vector<std::string>{"zhang@example.org"});
  // The PDF is named as offices file it: 信息简报2020年第31期.pdf.
  EXPECT_NE(got[0].data.find("Content-Type: application/pdf; name="), std::string::npos);
  EXPECT_NE(got[0].data.find("filename*=UTF-8''" + text::PercentEncode("信息简报2020年第31期.pdf")),
            std::string::npos);
  EXPECT_NE(got[0].data.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  EXPECT_NE(got[0].data.find("Subject: =?UTF-8?B?"), std::string::npos);

  auto r = ByLogin();
  EXPECT_EQ(r["u1"].mail_status, "sent");
  EXPECT_FALSE(r["u1"].mailed_at.empty());
  EXPECT_EQ(r["u2"].mail_status, "queued");
  EXPECT_EQ(r["u2"].mail_attempts, 1);
  EXPECT_NE(r["u2"].mail_error.find("SMTP"), std::string::npos);
  EXPECT_EQ(r["u3"].mail_status, "");

  // Not due again before its back-off; sent copies are never sent twice.
  EXPECT_EQ(mailer.SendDue(10).value(), 0);
  for (int i = 0; i < 4; ++i) {
    MakeDue();
    EXPECT_EQ(mailer.SendDue(10).value(), 1);
  }
  r = ByLogin();
  EXPECT_EQ(r["u2"].mail_status, "failed");
  EXPECT_EQ(r["u2"].mail_attempts, 5);
  EXPECT_EQ(server.Received().size(), 1u);

  // An editor's retry puts it back; now the server accepts it.
  server.RejectRecipientsContaining("");
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   EXPECT_EQ(repo::RequeueFailedMail(s, issue_id_, clock::NowIso()), 1);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(mailer.SendDue(10).value(), 1);
  EXPECT_EQ(ByLogin()["u2"].mail_status, "sent");
  EXPECT_EQ(server.Received().size(), 2u);
}

TEST_F(MailerTest, LinksToTheInboxWhenThePublicAddressIsKnown) {
  mail::FakeSmtpServer server;
  mail::SmtpConfig config = Config(server);
  Mailer without(db_.get(), config);
  MailJob job{issue_id_, 1, "zhang@example.org", "张三", 0};
  auto plain = without.BuildMessage(job);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->html.find("/inbox?issue="), std::string::npos);
  config.public_url = "https://jianbao.example.org";
  Mailer with(db_.get(), config);
  auto linked = with.BuildMessage(job);
  ASSERT_TRUE(linked.ok());
  const std::string url = "https://jianbao.example.org/inbox?issue=" + std::to_string(issue_id_);
  EXPECT_NE(linked->html.find("<a href=\"" + url + "\">"), std::string::npos) << linked->html;
  EXPECT_EQ(linked->text.rfind("请登录简报系统阅读并签收：" + url, 0), 0u) << linked->text;
}

TEST_F(MailerTest, BackgroundThreadSendsAfterWake) {
  mail::FakeSmtpServer server;
  Mailer mailer(db_.get(), Config(server));
  mailer.Start(/*poll_seconds=*/60);
  for (int i = 0; i < 100 && server.Received().size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  mailer.Stop();
  EXPECT_EQ(server.Received().size(), 2u);
}

// The server took the whole message and never answers: it may have kept it,
// so the copy stopped in flight is not sent again on its own; the copy not
// yet started stays queued.
TEST_F(MailerTest, StopAbandonsAStuckServerWithoutSendingTwice) {
  mail::FakeSmtpServer server;
  server.StallAfterData(true);
  Mailer mailer(db_.get(), Config(server));
  mailer.Start(/*poll_seconds=*/60);
  for (int i = 0; i < 200 && !server.stalled(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ASSERT_TRUE(server.stalled());
  const auto start = std::chrono::steady_clock::now();
  mailer.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  server.StallAfterData(false);
  std::map<std::string, int> by_status;
  for (const auto& [login, r] : ByLogin()) {
    if (r.email.empty()) continue;
    ++by_status[r.mail_status];
    if (r.mail_status == "failed") {
      EXPECT_EQ(r.mail_error, repo::kMailInterrupted) << login;
      EXPECT_EQ(r.mail_attempts, 1) << login;
    } else {
      EXPECT_EQ(r.mail_status, "queued") << login;
      EXPECT_EQ(r.mail_attempts, 0) << login;
    }
  }
  EXPECT_EQ(by_status, (std::map<std::string, int>{{"failed", 1}, {"queued", 1}}));
  EXPECT_TRUE(server.Received().empty());
  // Started again, the Mailer sends the queued copy and leaves the other.
  Mailer again(db_.get(), Config(server));
  EXPECT_EQ(again.SendDue(10).value(), 1);
  EXPECT_EQ(server.Received().size(), 1u);
}

// A server killed while sending: before the hand-over its copy is sent again
// when the lease ends; after it, the copy is marked failed, never resent.
TEST_F(MailerTest, ACopyOfADeadSenderIsResentOnlyIfTheServerCannotHaveIt) {
  const int64_t t = clock::NowUnix();
  const std::string lease = clock::FormatIso(t + 600);
  std::vector<MailJob> claimed, later;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   claimed = repo::ClaimMailJobs(s, clock::FormatIso(t), lease, 2);
                   EXPECT_EQ(claimed.size(), 2u);
                   EXPECT_TRUE(repo::MarkMailHandedOver(s, claimed.at(0), lease));
                   EXPECT_FALSE(repo::MarkMailHandedOver(s, claimed.at(1), "another lease"));
                   // ... the server dies here; another one looks after the lease
                   later = repo::ClaimMailJobs(s, clock::FormatIso(t + 601),
                                               clock::FormatIso(t + 1201), 5);
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].user_id, claimed[1].user_id);
  auto r = ByLogin();
  const std::string handed = "u" + std::to_string(claimed[0].user_id);
  EXPECT_EQ(r[handed].mail_status, "failed");
  EXPECT_EQ(r[handed].mail_error, repo::kMailInterrupted);
}

TEST_F(MailerTest, EveryAttemptAtACopyHasTheSameMessageId) {
  mail::FakeSmtpServer server;
  Mailer mailer(db_.get(), Config(server));
  ASSERT_EQ(mailer.SendDue(10).value(), 2);
  const std::string id =
      "Message-ID: <jianbao-bulletin-" + std::to_string(issue_id_) + "-1@example.org>";
  ASSERT_EQ(server.Received().size(), 2u);
  EXPECT_NE(server.Received()[0].data.find(id), std::string::npos) << server.Received()[0].data;
}

TEST_F(MailerTest, ACopyLeasedByAnotherServerIsTakenOnlyAfterTheLease) {
  const std::string now = clock::FormatIso(clock::NowUnix());
  const std::string lease = clock::FormatIso(clock::NowUnix() + 600);
  std::vector<MailJob> first, second, later;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   first = repo::ClaimMailJobs(s, now, lease, 1);
                   second = repo::ClaimMailJobs(s, now, lease, 5);
                   // after the lease ran out (the first server died while sending)
                   later = repo::ClaimMailJobs(s, clock::FormatIso(clock::NowUnix() + 601),
                                               clock::FormatIso(clock::NowUnix() + 1201), 5);
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);  // only the other copy; the first one is leased
  EXPECT_NE(second[0].user_id, first[0].user_id);
  EXPECT_EQ(later.size(), 2u);
}

// Two servers read the same due copy before either claims it (what two
// PostgreSQL transactions at READ COMMITTED can do): only the first claim
// takes it; the second sees that it changed and must not send it.
TEST_F(MailerTest, AClaimOnAStaleReadTakesNothing) {
  const std::string now = clock::FormatIso(clock::NowUnix());
  const std::string lease = clock::FormatIso(clock::NowUnix() + 600);
  std::vector<repo::DueMail> seen_by_a, seen_by_b;
  bool a = false, b = false, b_again = false;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   seen_by_a = repo::ListDueMail(s, now, 1);
                   seen_by_b = repo::ListDueMail(s, now, 1);
                   EXPECT_EQ(seen_by_a.size(), 1u);
                   EXPECT_EQ(seen_by_b.size(), 1u);
                   a = repo::ClaimMail(s, seen_by_a.at(0), lease);
                   b = repo::ClaimMail(s, seen_by_b.at(0), lease);
                   b_again = repo::ClaimMail(s, seen_by_a.at(0), lease);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_TRUE(a);
  EXPECT_FALSE(b);
  EXPECT_FALSE(b_again);
}

// Two servers on one database (here two connections to one SQLite file, as
// two processes would have) with many copies due: each is sent exactly once.
TEST_F(MailerTest, TwoMailersOnOneDatabaseSendEachCopyOnce) {
  constexpr int kCopies = 60;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   for (int id = 100; id < 100 + kCopies; ++id) {
                     Receipt r;
                     r.user_id = id, r.login = "u" + std::to_string(id);
                     r.delivered_at = clock::NowIso();
                     r.email = "user" + std::to_string(id) + "@example.org";
                     r.mail_status = "queued";
                     repo::InsertDelivery(s, issue_id_, r);
                   }
                   return Status::Ok();
                 })
                  .ok());
  mail::FakeSmtpServer server;
  server.RejectRecipientsContaining("nobody");
  auto other_db = std::move(store::Database::Open("sqlite:" + path_.string())).value();
  Mailer a(db_.get(), Config(server)), b(other_db.get(), Config(server));
  std::atomic<int> attempted{0};
  auto drain = [&](Mailer& m) {
    for (int round = 0; round < 400 && attempted < kCopies + 2; ++round) {
      auto n = m.SendDue(3);  // a lost race with the other writer is an error: go round again
      if (n.ok()) attempted += n.value();
    }
  };
  std::thread ta([&] { drain(a); }), tb([&] { drain(b); });
  ta.join();
  tb.join();
  std::map<std::string, int> times;
  for (const auto& m : server.Received()) times[m.to.at(0)]++;
  EXPECT_EQ(times.size(), static_cast<size_t>(kCopies + 1));  // + zhang; li is refused
  for (const auto& [to, n] : times) EXPECT_EQ(n, 1) << to;
  EXPECT_EQ(attempted.load(), kCopies + 2);
}

}  // namespace
}  // namespace jianbao::bulletins
