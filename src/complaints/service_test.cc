// Copyright 2026 The Jianbao Authors.

#include "complaints/service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "complaints/challenge.h"
#include "complaints/job.h"
#include "complaints/testing/fixture.h"
#include "complaints/workflow.h"
#include "orgs/demo.h"

namespace jianbao::complaints {
namespace {

using testing::ComplaintFixture;

class ComplaintServiceTest : public ComplaintFixture {};

TEST_F(ComplaintServiceTest, WalksTheWholeWorkflow) {
  Complaint c = FileSample();
  EXPECT_EQ(c.status, kReceived);
  EXPECT_EQ(c.number.substr(0, 10), "TS20261207");
  EXPECT_EQ(c.accept_due, "2026-12-14");
  ASSERT_TRUE(Do("hubei-desk", c.id, "accept").ok());
  auto fwd = Do("hubei-desk", c.id, "forward");
  ASSERT_TRUE(fwd.ok()) << fwd.status().ToString();
  EXPECT_EQ(fwd->reply_due, "2026-12-14");
  auto reply = Do("liaison", c.id, "reply", "已退还多扣费用。");
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->status, kReplied);
  ASSERT_TRUE(Do("hubei-desk", c.id, "verify").ok());
  auto closed = Do("hubei-desk", c.id, "close", "已解决", 5);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->status, kClosed);
  EXPECT_EQ(closed->satisfaction, 5);
  SetToday("2027-01-05");  // 29 days later: still reopenable
  auto reopened = Do("hubei-desk", c.id, "reopen", "用户反映仍被扣费");
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(reopened->status, kAccepted);
}

TEST_F(ComplaintServiceTest, WrongRoleIs403AndWrongStateIs409) {
  Complaint c = FileSample();
  EXPECT_EQ(Do("hubei-desk", c.id, "close", "x", 3).status().code(), Code::kConflict);
  EXPECT_EQ(Do("hubei-desk", c.id, "reply", "x").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Do("hubei-reporter", c.id, "accept").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Do("hubei-desk", c.id, "refuse").status().field(), "reason");
  ASSERT_TRUE(Do("hubei-desk", c.id, "accept").ok());
  ASSERT_TRUE(Do("hubei-desk", c.id, "resolve", "已解释").ok());
  ASSERT_TRUE(Do("hubei-desk", c.id, "verify").ok());
  EXPECT_EQ(Do("hubei-desk", c.id, "close", "好", 6).status().field(), "satisfaction");
  ASSERT_TRUE(Do("hubei-desk", c.id, "close", "好", 3).ok());
  SetToday("2027-01-08");  // 32 days later
  EXPECT_EQ(Do("hubei-desk", c.id, "reopen", "x").status().key(), "reopen_expired");
}

TEST_F(ComplaintServiceTest, LiaisonSeesOnlyForwardedCasesOfTheirOperator) {
  Complaint c = FileSample();
  EXPECT_EQ(svc_->Get(As("liaison"), c.id).status().code(), Code::kNotFound);
  CaseFilter f;
  EXPECT_EQ(svc_->List(As("liaison"), f)->total, 0);
  ASSERT_TRUE(Do("hubei-desk", c.id, "accept").ok());
  ASSERT_TRUE(Do("hubei-desk", c.id, "forward").ok());
  auto seen = svc_->Get(As("liaison"), c.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->phone, "138****1234");
  EXPECT_EQ(seen->name, "张*");
  EXPECT_EQ(seen->allowed_actions, std::vector<std::string>{"reply"});
  EXPECT_EQ(svc_->List(As("liaison"), f)->total, 1);
  // Another operator's case stays invisible even when forwarded.
  CaseInput other = SampleInput();
  other.operator_code = "ctcc";
  auto ct = svc_->FileByPhone(As("hubei-desk"), other);
  ASSERT_TRUE(ct.ok());
  ASSERT_TRUE(Do("hubei-desk", ct->id, "accept").ok());
  ASSERT_TRUE(Do("hubei-desk", ct->id, "forward").ok());
  EXPECT_EQ(svc_->Get(As("liaison"), ct->id).status().code(), Code::kNotFound);
}

TEST_F(ComplaintServiceTest, DeskSeesPersonalDataInFullAndTheViewIsAudited) {
  Complaint c = FileSample();
  EXPECT_EQ(c.phone, "138****1234");  // the filing's answer is masked
  auto full = svc_->Get(As("hubei-desk"), c.id);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->phone, "13812341234");
  EXPECT_EQ(full->name, "张三");
  auto list = svc_->List(As("hubei-desk"), CaseFilter{});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->items[0].phone, "138****1234");
  orgs::AuditFilter af;
  af.action = "complaint.view_personal_data";
  auto audit = orgs_->ListAudit(As("admin"), af);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->total, 1);
  EXPECT_EQ(audit->items[0].after_json.find("1381234"), std::string::npos);
  auto admin = svc_->Get(As("admin"), c.id);  // the national admin: all regions, masked
  ASSERT_TRUE(admin.ok());
  EXPECT_EQ(admin->phone, "138****1234");
  EXPECT_TRUE(admin->allowed_actions.empty());
}

TEST_F(ComplaintServiceTest, RegionIsolation) {
  Complaint c = FileSample();
  ASSERT_TRUE(
      orgs_
          ->CreateUser(
              Actor::System(),
              {"hebei-desk", orgs::kDemoPassword, "冯丽", "hebei", {kRoleComplaintHandler}, ""})
          .ok());
  EXPECT_EQ(svc_->Get(As("hebei-desk"), c.id).status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->List(As("hebei-desk"), CaseFilter{})->total, 0);
  EXPECT_EQ(Do("hebei-desk", c.id, "accept").status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->List(As("hubei-reporter"), CaseFilter{}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->List(As("hubei-admin"), CaseFilter{}).status().code(), Code::kPermissionDenied);
  CaseInput elsewhere = SampleInput();
  elsewhere.region = "130000";
  EXPECT_EQ(svc_->FileByPhone(As("hubei-desk"), elsewhere).status().key(), "outside_region");
}

TEST_F(ComplaintServiceTest, CaseReceivedBeforeTheSpringFestival2020) {
  SetToday("2020-01-23");
  Complaint c = FileSample();
  EXPECT_EQ(c.accept_due, "2020-02-07");
  CaseFilter overdue;
  overdue.overdue_only = true;
  SetToday("2020-02-05");
  EXPECT_EQ(*svc_->SendReminders(), 0);
  SetToday("2020-02-06");  // the working day before the deadline
  EXPECT_EQ(*svc_->SendReminders(), 1);
  EXPECT_EQ(*svc_->SendReminders(), 0);  // once
  auto inbox = notify_->List(As("hubei-desk"), false, 0, 20);
  ASSERT_TRUE(inbox.ok());
  bool reminded = false;
  for (const auto& n : inbox->items) reminded = reminded || n.kind == "complaint.reminder";
  EXPECT_TRUE(reminded);
  SetToday("2020-02-07");
  EXPECT_EQ(svc_->List(As("hubei-desk"), overdue)->total, 0);
  SetToday("2020-02-10");
  EXPECT_EQ(svc_->List(As("hubei-desk"), overdue)->total, 1);
  auto got = svc_->Get(As("hubei-desk"), c.id);
  EXPECT_TRUE(got->overdue);
  EXPECT_EQ(got->clocks[0].state, "overdue");
}

TEST_F(ComplaintServiceTest, BadInputStoresNothing) {
  const Actor desk = As("hubei-desk");
  auto expect_field = [&](CaseInput in, const std::string& field, const std::string& key) {
    auto r = svc_->FileByPhone(desk, in);
    EXPECT_EQ(r.status().field(), field) << key;
    EXPECT_EQ(r.status().key(), key) << field;
  };
  CaseInput in = SampleInput();
  in.description = std::string(2001, 'a');
  expect_field(in, "description", "too_long");
  in = SampleInput();
  in.description = "<script>alert(1)</script>";
  expect_field(in, "description", "markup_not_allowed");
  in = SampleInput();
  in.phone = "12345";
  expect_field(in, "phone", "invalid_phone");
  in = SampleInput();
  in.category = "weather";
  expect_field(in, "category", "unknown_category");
  in = SampleInput();
  in.operator_code = "acme";
  expect_field(in, "operator", "unknown_operator");
  in = SampleInput();
  in.region = "999999";
  expect_field(in, "region", "unknown_region");
  in = SampleInput();
  in.operator_contacted_on = "2030-01-01";
  expect_field(in, "operator_contacted_on", "future_date");
  in = SampleInput();
  in.operator_contacted_on = "2026-02-30";
  expect_field(in, "operator_contacted_on", "invalid_date");
  in = SampleInput();
  in.operator_contacted_on = "";
  expect_field(in, "operator_contacted_on", "operator_first");
  EXPECT_EQ(svc_->List(As("admin"), CaseFilter{})->total, 0);
  in = SampleInput();
  in.kind = "consultation";
  in.operator_contacted_on = "";
  in.operator_answer = "";
  EXPECT_TRUE(svc_->FileByPhone(desk, in).ok());  // a consultation needs no operator step
}

TEST_F(ComplaintServiceTest, PublicFilingWithProofOfWorkAndRateLimit) {
  config_.Set("complaints.public_challenge_bits", "4");
  config_.Set("complaints.public_rate_limit", "3");
  ComplaintService svc(db_.get(), orgs_.get(), config_);
  svc.SetClock([this] { return now_; });
  auto file = [&](bool solve) {
    PublicForm form = *svc.NewPublicForm();
    PublicFiling f;
    f.input = SampleInput();
    f.address = "203.0.113.9";
    f.challenge = form.challenge.token;
    for (int i = 0; solve; ++i) {
      if (LeadingZeroBits(f.challenge + ":" + std::to_string(i)) >= form.challenge.difficulty) {
        f.solution = std::to_string(i);
        break;
      }
    }
    return svc.FilePublic(f);
  };
  auto ok = file(true);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->status, kReceived);
  EXPECT_EQ(file(false).status().key(), "challenge_failed");
  EXPECT_TRUE(file(true).ok());
  auto limited = file(true);
  EXPECT_EQ(limited.status().code(), Code::kTooManyRequests);
  EXPECT_GT(limited.status().retry_after_seconds(), 0);
  EXPECT_EQ(svc.List(As("admin"), CaseFilter{})->total, 2);
  // Status by number and phone; a wrong phone is the same 404 as a wrong number.
  auto status = svc.PublicStatus(ok->number, "13812341234");
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->phone, "138****1234");
  EXPECT_EQ(svc.PublicStatus(ok->number, "13812341235").status().key(), "complaint_not_found");
  EXPECT_EQ(svc.PublicStatus("TS0", "13812341234").status().key(), "complaint_not_found");
}

TEST_F(ComplaintServiceTest, PurgeErasesPersonalDataAndKeepsCounts) {
  Complaint c = FileSample();
  ASSERT_TRUE(Do("hubei-desk", c.id, "refuse", "超过两年").ok());
  Complaint open = FileSample();
  SetToday("2029-01-01");
  EXPECT_EQ(*svc_->Purge(""), 1);
  EXPECT_EQ(*svc_->Purge(""), 0);
  auto purged = svc_->Get(As("hubei-desk"), c.id);
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(purged->name, "");
  EXPECT_EQ(purged->phone, "");
  EXPECT_EQ(purged->description, "");
  EXPECT_FALSE(purged->purged_at.empty());
  EXPECT_EQ(svc_->Get(As("hubei-desk"), open.id)->phone, "13812341234");
  auto stats = svc_->Statistics(As("hubei-desk"), "", "", "");
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->total.received, 2);
  EXPECT_EQ(stats->total.not_accepted, 1);
  EXPECT_EQ(svc_->PublicStatus(c.number, "13812341234").status().code(), Code::kNotFound);
}

TEST_F(ComplaintServiceTest, MergeAndStatsAndBulletinSentence) {
  Complaint original = FileSample();
  Complaint dup = FileSample();
  ASSERT_TRUE(Do("hubei-desk", original.id, "accept").ok());
  ASSERT_TRUE(Do("hubei-desk", original.id, "forward").ok());
  auto merged = Do("hubei-desk", dup.id, "merge", original.number);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->merged_into, original.id);
  EXPECT_EQ(Do("hubei-desk", dup.id, "merge", dup.number).status().code(), Code::kConflict);
  auto s = svc_->BulletinSection("420000", "2026-01-01", "");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->body, "截止目前，共受理用户咨询及申诉1件，其中转运营商协调处理的申诉1件。");
  EXPECT_EQ(s->title, "湖北省电信用户申诉受理情况");
  EXPECT_EQ(svc_->Statistics(As("hubei-desk"), "", "", "130000").status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->Statistics(As("liaison"), "", "", "").status().code(), Code::kPermissionDenied);
  auto xlsx = svc_->ExportXlsx(As("hubei-desk"), "", "", "", "zh");
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_EQ(xlsx->find("13812341234"), std::string::npos);
}

TEST_F(ComplaintServiceTest, CalendarIsEditedByNationalAdminsOnly) {
  CalendarDay d{"2026-12-11", "holiday", "测试假日"};
  EXPECT_EQ(svc_->SetCalendarDay(As("hubei-desk"), d).status().code(), Code::kPermissionDenied);
  ASSERT_TRUE(svc_->SetCalendarDay(As("admin"), d).ok());
  auto days = svc_->Calendar(As("hubei-desk"), "2026");
  ASSERT_TRUE(days.ok());
  bool found = false;
  for (const auto& x : *days) found = found || x.date == "2026-12-11";
  EXPECT_TRUE(found);
  // Filed on Monday 7 December: Friday the 11th is now off, so the fifth working day is the 15th.
  EXPECT_EQ(FileSample().accept_due, "2026-12-15");
  EXPECT_TRUE(svc_->DeleteCalendarDay(As("admin"), "2026-12-11").ok());
  EXPECT_EQ(svc_->DeleteCalendarDay(As("admin"), "2026-12-11").code(), Code::kNotFound);
}

}  // namespace
}  // namespace jianbao::complaints

namespace jianbao::complaints {
namespace {

TEST_F(ComplaintServiceTest, DailyJobSendsTheDaysRemindersInTheBackground) {
  SetToday("2020-01-23");
  FileSample();
  SetToday("2020-02-06");
  {
    DailyJob job(svc_.get());
    job.Start(1);
    for (int i = 0; i < 100; ++i) {
      auto inbox = notify_->List(As("hubei-desk"), false, 0, 20);
      bool reminded = false;
      for (const auto& n : inbox->items) reminded = reminded || n.kind == "complaint.reminder";
      if (reminded) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    job.Stop();
  }
  EXPECT_EQ(*svc_->SendReminders(), 0);  // the job sent it already
}

}  // namespace
}  // namespace jianbao::complaints
