// Copyright 2026 The Jianbao Authors.

#include "notify/notify.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "notify/handlers.h"

namespace jianbao::notify {
namespace {

const messages::Catalogue& TestTexts() {
  static const messages::Catalogue kCatalogue{
      "notify_test",
      {{"notification.test.returned", "稿件被退回修改：{reason}", "Returned: {reason}"}}};
  return kCatalogue;
}

class NotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    messages::Add(TestTexts());
    db_ = std::move(store::Database::Open("sqlite:file:notify_test?mode=memory&cache=shared"))
              .value();
    db_->AddMigrations("notify", Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    reader_.user_id = 7;
    reader_.org_id = 3;
    reader_.roles = {kRoleReporter};
  }

  std::unique_ptr<store::Database> db_;
  Actor reader_;
};

TEST_F(NotifyTest, TitleIsRenderedInTheReadersLanguageAndOldRowsKeepTheirTitle) {
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   // A row as stored before titles had keys: no title_key, no params.
                   s << "INSERT INTO notifications (user_id, role, kind, title, body, entity, "
                        "entity_id, created_at) VALUES (7, '', 'test.old', '旧标题', '', '', '', "
                        "'2026-01-01T00:00:00Z')";
                   Notification n;
                   n.kind = "test.returned";
                   n.title_key = "notification.test.returned";
                   n.params = {{"reason", "补充人数"}};
                   n.body = "一篇稿件";
                   Send(s, {reader_.user_id, {}, ""}, n);
                   std::string stored;
                   s << "SELECT title FROM notifications WHERE kind = 'test.returned'",
                       soci::into(stored);
                   EXPECT_EQ(stored, "稿件被退回修改：补充人数");
                   return Status::Ok();
                 })
                  .ok());
  NotifyService svc(db_.get());
  auto en = svc.List(reader_, false, 0, 10, "en");
  ASSERT_TRUE(en.ok());
  ASSERT_EQ(en->items.size(), 2u);
  EXPECT_EQ(en->total, 2);
  EXPECT_EQ(en->unread, 2);
  EXPECT_EQ(en->items[0].title, "Returned: 补充人数");
  EXPECT_EQ(en->items[0].params.at("reason"), "补充人数");
  EXPECT_EQ(en->items[0].body, "一篇稿件");
  EXPECT_EQ(en->items[1].title, "旧标题");
  EXPECT_TRUE(en->items[1].params.empty());
  EXPECT_EQ(svc.List(reader_, false, 0, 10, "zh")->items[0].title, "稿件被退回修改：补充人数");
  ASSERT_TRUE(svc.MarkRead(reader_, en->items[0].id).ok());
  EXPECT_EQ(svc.UnreadCount(reader_).value(), 1);
  Actor other = reader_;
  other.user_id = 8;
  EXPECT_EQ(svc.MarkRead(other, en->items[0].id).code(), Code::kNotFound);
}

}  // namespace
}  // namespace jianbao::notify
