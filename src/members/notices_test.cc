// Copyright 2026 The Jianbao Authors.
//
// NoticeService on a fresh SQLite database per test: who may write, send,
// read and acknowledge; receipts per unit (read by anyone, acknowledged by
// anyone, units without accounts as external rows); the reminder rate limit;
// draft → sent.

#include "members/notices.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <map>

#include "members/repository.h"
#include "notify/notify.h"
#include "orgs/repository.h"
#include "receipts/receipts.h"

namespace jianbao::members {
namespace {

class NoticesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/jb-notices-test-" + std::to_string(getpid()) + ".db";
    unlink(path_.c_str());
    db_ = std::move(store::Database::Open("sqlite:" + path_)).value();
    db_->AddMigrations("orgs", orgs::repo::Migrations());
    db_->AddMigrations("notify", notify::Migrations());
    db_->AddMigrations("receipts", receipts::Migrations());
    db_->AddMigrations("members", repo::Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     Org(s, "ccea", "national", "");
                     Org(s, "hubei", "provincial", "ccea");
                     Org(s, "hebei", "provincial", "ccea");
                     Org(s, "u1", "member", "hubei");
                     Org(s, "u2", "member", "hubei");
                     Org(s, "u3", "member", "hubei");  // no account: external
                     Org(s, "hb1", "member", "hebei");
                     User(s, "hubei-admin", "hubei", kRoleAdmin);
                     User(s, "hebei-admin", "hebei", kRoleAdmin);
                     User(s, "u1-a", "u1", kRoleMember);
                     User(s, "u1-b", "u1", kRoleMember);
                     User(s, "u2-a", "u2", kRoleMember);
                     User(s, "hb1-a", "hb1", kRoleMember);
                     return Status::Ok();
                   })
                    .ok());
    svc_ = std::make_unique<NoticeService>(db_.get(), nullptr);
  }
  void TearDown() override {
    svc_.reset();
    db_.reset();
    unlink(path_.c_str());
  }

  void Org(soci::session& s, const std::string& code, const std::string& kind,
           const std::string& parent) {
    orgs::Org o{0,  code, code + "公司", "", kind, parent.empty() ? 0 : orgs_[parent], parent,
                {}, ""};
    orgs_[code] = orgs::repo::InsertOrg(s, o, "2020-01-01T00:00:00Z");
  }
  void User(soci::session& s, const std::string& login, const std::string& org,
            const std::string& role) {
    orgs::User u;
    u.login = login;
    u.name = login;
    u.org_id = orgs_[org];
    u.roles = {role};
    Actor a;
    a.user_id = orgs::repo::InsertUser(s, u, "x", "2020-01-01T00:00:00Z");
    a.login = login;
    a.org_id = orgs_[org];
    a.org_code = org;
    a.roles = {role};
    actors_[login] = a;
  }

  NoticeInput Input() {
    NoticeInput in;
    in.title = "关于做好复工复产的通知";
    in.kind = "notice";
    in.body = "各会员单位：\n\n请做好复工复产工作。\n";
    in.recipients = {"u1", "u2", "u3"};
    return in;
  }

  int64_t SentNotice() {
    auto n = svc_->Create(actors_["hubei-admin"], Input());
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_TRUE(svc_->Send(actors_["hubei-admin"], n->id).ok());
    return n->id;
  }

  std::string path_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<NoticeService> svc_;
  std::map<std::string, int64_t> orgs_;
  std::map<std::string, Actor> actors_;
};

TEST_F(NoticesTest, DraftIsEditableUntilSentAndBadInputStoresNothing) {
  const Actor& staff = actors_["hubei-admin"];
  NoticeInput bad = Input();
  bad.kind = "memo";
  EXPECT_EQ(svc_->Create(staff, bad).status().field(), "kind");
  bad = Input();
  bad.recipients = {"hb1"};  // another association's member
  EXPECT_EQ(svc_->Create(staff, bad).status().key(), "recipient_outside_scope");
  bad = Input();
  bad.title = "  ";
  EXPECT_EQ(svc_->Create(staff, bad).status().field(), "title");
  auto none = svc_->List(staff, {}, PageRequest{});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0);

  auto n = svc_->Create(staff, Input());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->status, "draft");
  NoticeInput edit = Input();
  edit.title = "改后的标题";
  edit.version = n->version;
  auto edited = svc_->Update(staff, n->id, edit);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(edited->title, "改后的标题");
  edit.version = n->version;  // stale
  EXPECT_EQ(svc_->Update(staff, n->id, edit).status().key(), "edit_conflict");
  ASSERT_TRUE(svc_->Send(staff, n->id).ok());
  edit.version.reset();
  EXPECT_EQ(svc_->Update(staff, n->id, edit).status().key(), "notice_not_draft");
  EXPECT_EQ(svc_->Send(staff, n->id).status().key(), "notice_not_draft");
}

TEST_F(NoticesTest, PermissionsOfReceipts) {
  const int64_t id = SentNotice();
  // Another association and members see nothing of it; a member cannot write.
  EXPECT_EQ(svc_->Get(actors_["hebei-admin"], id).status().key(), "notice_not_found");
  EXPECT_EQ(svc_->Receipts(actors_["hebei-admin"], id).status().key(), "notice_not_found");
  EXPECT_EQ(svc_->Get(actors_["hb1-a"], id).status().key(), "notice_not_found");
  EXPECT_EQ(svc_->Acknowledge(actors_["hb1-a"], id).status().key(), "notice_not_found");
  EXPECT_EQ(svc_->Create(actors_["u1-a"], Input()).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(svc_->Send(actors_["u1-a"], id).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(svc_->Receipts(actors_["u1-a"], id).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(svc_->Remind(actors_["u1-a"], id, {}).status().code(), Code::kPermissionDenied);
  // A recipient lists and reads it.
  auto inbox = svc_->List(actors_["u2-a"], {}, PageRequest{});
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->total, 1);
  EXPECT_TRUE(inbox->items[0].recipient);
  EXPECT_TRUE(inbox->items[0].read_at.empty());
  EXPECT_EQ(svc_->List(actors_["hb1-a"], {}, PageRequest{})->total, 0);
}

TEST_F(NoticesTest, ReceiptsPerUnitCountAnyoneOfTheUnit) {
  const int64_t id = SentNotice();
  ASSERT_TRUE(svc_->Get(actors_["u1-a"], id).ok());          // opening counts as read
  ASSERT_TRUE(svc_->Acknowledge(actors_["u1-b"], id).ok());  // another person of u1
  auto r = svc_->Receipts(actors_["hubei-admin"], id);
  ASSERT_TRUE(r.ok());
  const receipts::Summary& s = r->summary;
  ASSERT_EQ(s.units.size(), 3u);
  EXPECT_EQ(s.units[0].org_code, "u1");
  EXPECT_EQ(s.units[0].state, "acknowledged");
  EXPECT_EQ(s.units[0].people, 2);
  EXPECT_EQ(s.units[0].read, 2);
  EXPECT_EQ(s.units[1].state, "unread");
  EXPECT_TRUE(s.units[2].external);
  EXPECT_EQ(s.units[2].delivery, "print");
  EXPECT_EQ(s.units_total, 2);
  EXPECT_EQ(s.units_acknowledged, 1);
  EXPECT_EQ(s.people.size(), 3u);
  auto x = svc_->ReceiptsXlsx(actors_["hubei-admin"], id, "zh");
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->bytes.substr(0, 2), "PK");
}

TEST_F(NoticesTest, ReminderGoesToUnitsNotAcknowledgedOncePerHour) {
  const int64_t id = SentNotice();
  const Actor& staff = actors_["hubei-admin"];
  ASSERT_TRUE(svc_->Acknowledge(actors_["u1-a"], id).ok());
  auto first = svc_->Remind(staff, id, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->reminded, std::vector<std::string>{"u2"});
  auto again = svc_->Remind(staff, id, {"u2"});
  EXPECT_EQ(again.status().code(), Code::kTooManyRequests);
  EXPECT_EQ(again.status().key(), "reminder_too_soon");
  EXPECT_EQ(svc_->Remind(staff, id, {"u3"}).status().key(), "not_a_recipient");
  // The reminded unit got a notification.
  notify::NotifyService notifications(db_.get());
  auto list = notifications.List(actors_["u2-a"], false, 0, 10);
  ASSERT_TRUE(list.ok());
  bool reminded = false;
  for (const auto& n : list->items) reminded |= n.kind == "receipts.reminder";
  EXPECT_TRUE(reminded);
  auto r = svc_->Receipts(staff, id);
  EXPECT_EQ(r->summary.units[1].reminders, 1);
  // A draft cannot be reminded about.
  auto draft = svc_->Create(staff, Input());
  EXPECT_EQ(svc_->Remind(staff, draft->id, {}).status().key(), "notice_not_sent");
}

TEST_F(NoticesTest, AProvincialAssociationReceivesTheNationalOnes) {
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   User(s, "ccea-admin", "ccea", kRoleAdmin);
                   return Status::Ok();
                 })
                  .ok());
  NoticeInput in = Input();
  in.recipients = {"hubei", "hebei"};
  auto n = svc_->Create(actors_["ccea-admin"], in);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  ASSERT_TRUE(svc_->Send(actors_["ccea-admin"], n->id).ok());
  SentNotice();  // hubei's own
  auto list = svc_->List(actors_["hubei-admin"], {}, PageRequest{});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 2);
  EXPECT_TRUE(list->items[1].recipient);
  EXPECT_FALSE(list->items[0].recipient);
  ASSERT_TRUE(svc_->Acknowledge(actors_["hubei-admin"], n->id).ok());
  EXPECT_EQ(svc_->Receipts(actors_["hubei-admin"], n->id).status().key(), "notice_not_found");
  auto r = svc_->Receipts(actors_["ccea-admin"], n->id);
  EXPECT_EQ(r->summary.units_acknowledged, 1);
}

TEST_F(NoticesTest, GroupsExpandIntoRecipients) {
  const Actor& staff = actors_["hubei-admin"];
  auto g = svc_->CreateGroup(staff, {"会员", {"u1", "u2"}});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(svc_->CreateGroup(staff, {"会员", {"u1"}}).status().key(), "duplicate");
  EXPECT_EQ(svc_->CreateGroup(staff, {"x", {"hb1"}}).status().field(), "orgs");
  NoticeInput in = Input();
  in.recipients = {"u2"};
  in.groups = {g->id};
  auto n = svc_->Create(staff, in);
  ASSERT_TRUE(n.ok());
  ASSERT_EQ(n->recipients.size(), 2u);
  EXPECT_EQ(n->recipients[0].code, "u2");
  EXPECT_EQ(n->recipients[1].code, "u1");
  EXPECT_EQ(svc_->DeleteGroup(actors_["hebei-admin"], g->id).key(), "group_not_found");
  EXPECT_TRUE(svc_->DeleteGroup(staff, g->id).ok());
  EXPECT_TRUE(svc_->Groups(staff)->empty());
}

}  // namespace
}  // namespace jianbao::members

namespace jianbao::members {
namespace {

TEST(NoticeMessagesTest, CatalogueIsCompleteInBothLanguages) {
  messages::Add(messages::CoreMessages());
  EXPECT_EQ(messages::CheckCatalogue(NoticeMessages()), std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::members
