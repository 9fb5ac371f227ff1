// Copyright 2026 The Jianbao Authors.

#include "receipts/receipts.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "mail/fake_smtp.h"
#include "notify/notify.h"
#include "orgs/repository.h"
#include "receipts/mailer.h"

namespace jianbao::receipts {
namespace {

Person P(int64_t id, const std::string& org, const std::string& read, const std::string& ack) {
  Person p;
  p.user_id = id;
  p.login = "u" + std::to_string(id);
  p.org_code = org;
  p.org_name = org + "-name";
  p.delivered_at = "2026-01-01T00:00:00Z";
  p.read_at = read;
  p.acknowledged_at = ack;
  return p;
}

TEST(AggregateTest, AUnitIsReadWhenAnyoneReadAndAcknowledgedWhenAnyoneAcknowledged) {
  std::vector<RecipientOrg> orgs = {{1, "a", "A", ""},
                                    {2, "b", "B", ""},
                                    {3, "c", "C", ""},
                                    {4, "gov", "工信部", ""},
                                    {5, "bureau", "通信管理局", "office@example.org"}};
  std::vector<Person> people = {
      P(1, "a", "", ""), P(2, "a", "2026-01-02T00:00:00Z", "2026-01-02T01:00:00Z"),
      P(3, "b", "2026-01-03T00:00:00Z", ""), P(4, "b", "", ""), P(5, "c", "", "")};
  Summary s = Aggregate(people, orgs, {{"c", "2026-01-04T00:00:00Z", 100, "editor", 1, 0}});
  ASSERT_EQ(s.units.size(), 5u);
  EXPECT_EQ(s.units[0].state, "acknowledged");
  EXPECT_EQ(s.units[0].people, 2);
  EXPECT_EQ(s.units[0].acknowledged_at, "2026-01-02T01:00:00Z");
  EXPECT_EQ(s.units[1].state, "read");
  EXPECT_EQ(s.units[1].read, 1);
  EXPECT_EQ(s.units[2].state, "unread");
  EXPECT_EQ(s.units[2].reminders, 1);
  EXPECT_EQ(s.units[2].last_reminded_unix, 100);
  EXPECT_TRUE(s.units[3].external);
  EXPECT_EQ(s.units[3].delivery, "print");
  EXPECT_EQ(s.units[4].delivery, "email");
  EXPECT_EQ(s.units_total, 3);
  EXPECT_EQ(s.units_read, 2);
  EXPECT_EQ(s.units_acknowledged, 1);
  EXPECT_EQ(s.units_external, 2);
}

class RemindTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::move(store::Database::Open("sqlite:file:receipts_test?mode=memory&cache=shared"))
              .value();
    db_->AddMigrations("orgs", orgs::repo::Migrations());
    db_->AddMigrations("notify", notify::Migrations());
    db_->AddMigrations("receipts", Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     for (const char* code : {"a", "b"}) {
                       orgs::Org o;
                       o.code = code;
                       o.name = std::string(code) + "-name";
                       o.kind = "member";
                       const int64_t org = orgs::repo::InsertOrg(s, o, "2026-01-01T00:00:00Z");
                       orgs::User u;
                       u.login = std::string("user-") + code;
                       u.name = u.login;
                       u.org_id = org;
                       u.email = u.login + "@example.org";
                       u.roles = {kRoleMember};
                       people_.push_back({orgs::repo::InsertUser(s, u, "x", "2026-01-01T00:00:00Z"),
                                          u.login, u.name, code, o.name, "", "", ""});
                     }
                     Deliver(s, doc_, people_, "2026-01-01T00:00:00Z");
                     return Status::Ok();
                   })
                    .ok());
    editor_.user_id = 99;
    editor_.login = "editor";
    editor_.roles = {kRoleEditor};
  }

  Result<RemindResult> RemindAt(int64_t now, std::vector<std::string> units) {
    std::optional<RemindResult> out;
    Status st = db_->Write([&](soci::session& s) {
      Summary sum = Aggregate(People(s, doc_), {{0, "a", "a-name", ""}, {0, "b", "b-name", ""}},
                              Reminders(s, doc_));
      RemindRequest r;
      r.doc = doc_;
      r.title = "关于复工的通知";
      r.entity = "notice";
      r.units = units;
      r.now_unix = now;
      r.mail = true;
      JB_ASSIGN_OR_RETURN(out, Remind(s, editor_, sum, r));
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return *out;
  }

  std::unique_ptr<store::Database> db_;
  DocRef doc_{"notice", 7};
  std::vector<Person> people_;
  Actor editor_;
};

TEST_F(RemindTest, RemindsUnitsNotAcknowledgedAtMostOncePerHour) {
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   EXPECT_TRUE(Mark(s, doc_, people_[0].user_id, true, "2026-01-02T00:00:00Z"));
                   EXPECT_FALSE(Mark(s, doc_, 12345, true, "2026-01-02T00:00:00Z"));
                   return Status::Ok();
                 })
                  .ok());
  auto first = RemindAt(10000, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->reminded, std::vector<std::string>{"b"});
  ASSERT_EQ(first->mails.size(), 1u);
  EXPECT_EQ(first->mails[0].to, "user-b@example.org");

  auto again = RemindAt(10000 + 1800, {"b"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().key(), "reminder_too_soon");
  EXPECT_EQ(again.status().retry_after_seconds(), 1800);
  auto all = RemindAt(10000 + 1800, {});
  EXPECT_EQ(all.status().key(), "reminder_too_soon");

  EXPECT_EQ(RemindAt(10000 + 3600, {"x"}).status().key(), "not_a_recipient");
  EXPECT_EQ(RemindAt(10000 + 3600, {"a"}).status().key(), "nothing_to_remind");
  auto later = RemindAt(10000 + 3600, {"b"});
  ASSERT_TRUE(later.ok());
  db_->Read([&](soci::session& s) {
    EXPECT_EQ(Reminders(s, doc_).size(), 2u);
    long long n = 0;
    s << "SELECT COUNT(*) FROM notifications WHERE kind = 'receipts.reminder'", soci::into(n);
    EXPECT_EQ(n, 2);
    return Status::Ok();
  });
}

// Reminder e-mails and documents to external units go through the outbox:
// sent when the SMTP server takes them, retried with back-off when not.
TEST_F(RemindTest, OutboxSendsRetriesAndBuildsDocumentsWhenSent) {
  ASSERT_TRUE(RemindAt(10000, {}).ok());  // units a and b: two reminder e-mails
  RecipientOrg gov{0, "gov", "工信部", "office@example.org"};
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   orgs::Org o;
                   o.code = gov.code;
                   o.name = gov.name;
                   o.kind = "government";
                   gov.id = orgs::repo::InsertOrg(s, o, "2026-01-01T00:00:00Z");
                   QueueDocument(s, doc_, gov, "2026-01-01T00:00:00Z");
                   return Status::Ok();
                 })
                  .ok());
  mail::SmtpConfig c;
  c.from = "bulletin@example.org";
  c.starttls = "off";
  c.timeout_seconds = 5;
  {
    c.url = "smtp://127.0.0.1:1";  // nobody listens: all stay queued, one attempt each
    Mailer down(db_.get(), c);
    down.SetContent("notice", [](int64_t) { return Result<mail::Message>(mail::Message{}); });
    auto n = down.SendDue(10);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 3);
    db_->Read([&](soci::session& s) {
      long long queued = 0;
      s << "SELECT COUNT(*) FROM receipt_mails WHERE status = 'queued' AND attempts = 1 AND "
           "error <> ''",
          soci::into(queued);
      EXPECT_EQ(queued, 3);
      return Status::Ok();
    });
    EXPECT_EQ(*down.SendDue(10), 0) << "not due again before the back-off";
  }
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   s << "UPDATE receipt_mails SET next_at = '2000-01-01T00:00:00Z'";
                   return Status::Ok();
                 })
                  .ok());
  mail::FakeSmtpServer smtp;
  c.url = smtp.url();
  Mailer up(db_.get(), c);
  up.SetContent("notice", [](int64_t id) {
    mail::Message m;
    m.subject = "通知 " + std::to_string(id);
    m.text = "正文";
    m.attachments.push_back({"关于复工的通知.pdf", "application/pdf", "%PDF-1.7"});
    return Result<mail::Message>(m);
  });
  auto n = up.SendDue(10);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3);
  EXPECT_EQ(up.sent(), 3);
  auto got = smtp.Received();
  ASSERT_EQ(got.size(), 3u);
  std::string all;
  for (const auto& m : got) all += m.data + "\n";
  EXPECT_NE(all.find("filename*=UTF-8''"), std::string::npos);
  EXPECT_NE(all.find("office@example.org"), std::string::npos);
  EXPECT_NE(all.find("user-b@example.org"), std::string::npos);
  db_->Read([&](soci::session& s) {
    Summary sum = Aggregate(People(s, doc_), {gov}, {});
    AddMailStatus(s, doc_, &sum);
    const Unit& gov = sum.units.front();
    EXPECT_EQ(gov.delivery, "email");
    EXPECT_EQ(gov.mail_status, "sent");
    EXPECT_FALSE(gov.mailed_at.empty());
    return Status::Ok();
  });
}

TEST_F(RemindTest, XlsxHasBothSheets) {
  Summary sum = Aggregate(people_, {}, {});
  auto x = Xlsx("通知", sum, "zh");
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->substr(0, 2), "PK");
}

}  // namespace
}  // namespace jianbao::receipts
