// Copyright 2026 The Jianbao Authors.
//
// MembersService on a fresh SQLite database per test: report validation,
// schedule and rate arithmetic (weekly schedule, late report, a unit added
// mid-period), follow-ups, the ledger (also under concurrent transactions)
// and the all-or-nothing import.

#include "members/service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "core/clock.h"
#include "members/repository.h"
#include "members/testing/workbooks.h"
#include "orgs/repository.h"

namespace jianbao::members {
namespace {

class MembersServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/jb-members-test-" + std::to_string(getpid()) + "-" + std::to_string(counter_++) +
            ".db";
    db_ = std::move(store::Database::Open("sqlite:" + path_)).value();
    db_->AddMigrations("orgs", orgs::repo::Migrations());
    db_->AddMigrations("members", repo::Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     Add(s, "ccea", "national", "");
                     Add(s, "hubei", "provincial", "ccea");
                     Add(s, "hebei", "provincial", "ccea");
                     for (const char* u : {"u1", "u2", "u3", "u4", "u5"})
                       Add(s, u, "member", "hubei");
                     Add(s, "hb1", "member", "hebei");
                     orgs::User owner;
                     owner.login = "hubei-admin";
                     owner.name = "周涛";
                     owner.org_id = ids_["hubei"];
                     owner.roles = {kRoleAdmin};
                     orgs::repo::InsertUser(s, owner, "x", "2020-01-01T00:00:00Z");
                     return Status::Ok();
                   })
                    .ok());
    svc_ = std::make_unique<MembersService>(db_.get());
    At("2020-03-01T00:00:00Z");
  }
  void TearDown() override {
    svc_.reset();
    db_.reset();
    unlink(path_.c_str());
  }

  void Add(soci::session& s, const std::string& code, const std::string& kind,
           const std::string& parent) {
    orgs::Org o{0,  code, code + "公司", "", kind, parent.empty() ? 0 : ids_[parent], parent,
                {}, ""};
    ids_[code] = orgs::repo::InsertOrg(s, o, "2020-01-01T00:00:00Z");
  }
  // Sets the service's clock to a UTC instant.
  void At(const std::string& iso) {
    const int64_t t = clock::ShanghaiDayStart(iso.substr(0, 10)) + clock::kShanghaiOffsetSeconds +
                      std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60;
    svc_->SetClockForTesting([t] { return t; });
  }
  Actor Staff(const std::string& org = "hubei") {
    Actor a;
    a.user_id = 1;
    a.login = org + "-admin";
    a.org_id = ids_[org];
    a.org_code = org;
    a.roles = {kRoleAdmin};
    return a;
  }
  Actor Member(const std::string& org) {
    Actor a;
    a.user_id = 2;
    a.login = org + "-member";
    a.org_id = ids_[org];
    a.org_code = org;
    a.roles = {kRoleMember};
    return a;
  }
  ReportInput Report(const std::string& date) {
    ReportInput in;
    in.date = date;
    in.status = "partial";
    in.staff_back_pct = 60;
    in.capacity_pct = 50;
    return in;
  }
  int64_t Weekly(const std::vector<std::string>& units) {
    auto s = svc_->CreateSchedule(Staff(), {"周报", "weekly", 5, "2020-02-10", "", units});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? s->id : 0;
  }

  static inline int counter_ = 0;
  std::string path_;
  std::map<std::string, int64_t> ids_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<MembersService> svc_;
};

TEST_F(MembersServiceTest, BadReportsNameTheFieldAndStoreNothing) {
  ReportInput in = Report("2020-02-13");
  in.staff_back_pct = 101;
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), in).status().field(), "staff_back_pct");
  in = Report("2020-02-13");
  in.difficulties = {{"supplies", "口罩不足"}, {"weather", ""}};
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), in).status().field(), "difficulties[1].category");
  in = Report("2020-02-13");
  in.needs = {{"masks", 0, ""}};
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), in).status().field(), "needs[0].quantity");
  in.needs = {{"rice", 1, ""}};
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), in).status().field(), "needs[0].kind");
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), Report("2020-03-02")).status().key(),
            "report_future_date");
  in = Report("2020-02-13");
  in.org_code = "u2";  // a report for another unit
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), in).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(svc_->SubmitReport(Staff(), Report("2020-02-13")).status().code(),
            Code::kPermissionDenied);
  auto list = svc_->ListReports(Staff(), {}, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
  ASSERT_TRUE(svc_->SubmitReport(Member("u1"), Report("2020-02-13")).ok());
  EXPECT_EQ(svc_->SubmitReport(Member("u1"), Report("2020-02-13")).status().key(), "report_exists");
}

TEST_F(MembersServiceTest, WeeklyScheduleWithALateAndAMissingReport) {
  const int64_t id = Weekly({"u1", "u2", "u3", "u4"});
  At("2020-02-13T08:00:00Z");  // Thursday 16:00 Shanghai
  ASSERT_TRUE(svc_->SubmitReport(Member("u1"), Report("2020-02-13")).ok());
  At("2020-02-15T02:00:00Z");  // Saturday 10:00 Shanghai: after Friday's end
  ASSERT_TRUE(svc_->SubmitReport(Member("u2"), Report("2020-02-14")).ok());
  ASSERT_TRUE(svc_->SubmitReport(Member("u4"), Report("2020-02-07")).ok());  // before the period
  At("2020-03-01T00:00:00Z");
  auto rate = svc_->RateOf(Staff(), id, "2020-02-10");
  ASSERT_TRUE(rate.ok()) << rate.status().ToString();
  EXPECT_EQ(rate->period.start, "2020-02-08");
  EXPECT_EQ(rate->period.end, "2020-02-14");
  EXPECT_EQ(rate->expected, 4);
  EXPECT_EQ(rate->reported, 2);
  EXPECT_EQ(rate->on_time, 1);
  EXPECT_EQ(rate->missing, (std::vector<std::string>{"u3", "u4"}));
  EXPECT_EQ(rate->late, (std::vector<std::string>{"u2"}));
  // The next week nobody reported yet.
  auto next = svc_->RateOf(Staff(), id, "2020-02-15");
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->expected, 4);
  EXPECT_EQ(next->reported, 0);
  EXPECT_EQ(svc_->RateOf(Staff(), id, "2020-02-01").status().key(), "period_outside_schedule");
  // Only the association that set it sees the rate.
  EXPECT_EQ(svc_->RateOf(Staff("hebei"), id, "2020-02-10").status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->RateOf(Member("u1"), id, "2020-02-10").status().code(), Code::kPermissionDenied);
  auto dash = svc_->DashboardOf(Staff(), id, "2020-02-14");
  ASSERT_TRUE(dash.ok()) << dash.status().ToString();
  ASSERT_EQ(dash->by_province.size(), 1u);
  EXPECT_EQ(dash->by_province[0].key, "hubei");
  EXPECT_EQ(dash->by_province[0].reported, 2);
  ASSERT_EQ(dash->series.size(), 1u);
  EXPECT_EQ(dash->series[0].reported, 2);
  EXPECT_EQ(dash->series[0].on_time, 1);
  auto later = svc_->DashboardOf(Staff(), id, "2020-02-20");
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->series.size(), 2u);
  EXPECT_EQ(later->series[0].reported, 2);
  EXPECT_EQ(later->series[1].reported, 0);
  EXPECT_EQ(later->series[1].expected, 4);
  auto xlsx = svc_->ExportDashboard(Staff(), id, "2020-02-14", "zh");
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");
}

TEST_F(MembersServiceTest, AUnitAddedMidPeriodIsExpectedFromTheNextPeriod) {
  const int64_t id = Weekly({"u1"});
  ASSERT_TRUE(svc_->AddUnits(Staff(), id, {"u5"}, "2020-02-12").ok());  // a Wednesday
  At("2020-02-13T08:00:00Z");
  ASSERT_TRUE(svc_->SubmitReport(Member("u5"), Report("2020-02-13")).ok());
  auto first = svc_->RateOf(Staff(), id, "2020-02-12");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->expected, 1);  // u5 joined after the period began
  EXPECT_EQ(first->reported, 0);  // … so its report does not count here
  EXPECT_EQ(first->missing, std::vector<std::string>{"u1"});
  auto second = svc_->RateOf(Staff(), id, "2020-02-20");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->expected, 2);
  auto dash = svc_->DashboardOf(Staff(), id, "2020-02-20");
  ASSERT_TRUE(dash.ok());
  EXPECT_EQ(dash->series[0].expected, 1);
  EXPECT_EQ(dash->series[1].expected, 2);
  // Units must be member units of the association.
  EXPECT_EQ(svc_->AddUnits(Staff(), id, {"hb1"}, "").status().key(), "unit_outside_scope");
  EXPECT_EQ(svc_->AddUnits(Staff(), id, {"hubei"}, "").status().key(), "not_a_member_unit");
  // The member sees the schedule it reports under; another unit does not.
  EXPECT_EQ(svc_->ListSchedules(Member("u5"), {})->total, 1);
  EXPECT_EQ(svc_->ListSchedules(Member("u2"), {})->total, 0);
}

TEST_F(MembersServiceTest, ReportsStoredBeforeTheScheduleOrTheUnitCount) {
  At("2020-02-13T08:00:00Z");
  ASSERT_TRUE(svc_->SubmitReport(Member("u1"), Report("2020-02-13")).ok());
  At("2020-02-15T02:00:00Z");
  ASSERT_TRUE(svc_->SubmitReport(Member("u2"), Report("2020-02-14")).ok());  // late
  At("2020-02-20T08:00:00Z");
  ASSERT_TRUE(svc_->SubmitReport(Member("u3"), Report("2020-02-20")).ok());
  At("2020-03-01T00:00:00Z");
  const int64_t id = Weekly({"u1", "u2"});
  ASSERT_TRUE(svc_->AddUnits(Staff(), id, {"u3"}, "2020-02-12").ok());
  auto dash = svc_->DashboardOf(Staff(), id, "2020-02-20");
  ASSERT_TRUE(dash.ok()) << dash.status().ToString();
  ASSERT_EQ(dash->series.size(), 2u);
  EXPECT_EQ(dash->series[0].expected, 2);
  EXPECT_EQ(dash->series[0].reported, 2);
  EXPECT_EQ(dash->series[0].on_time, 1);
  EXPECT_EQ(dash->series[1].expected, 3);
  EXPECT_EQ(dash->series[1].reported, 1);  // u3, counted once it joined
  EXPECT_EQ(dash->rate.reported, 1);
  // A second report of u1 in the same period changes nothing.
  At("2020-03-01T01:00:00Z");
  ASSERT_TRUE(svc_->SubmitReport(Member("u1"), Report("2020-02-12")).ok());
  EXPECT_EQ(svc_->DashboardOf(Staff(), id, "2020-02-20")->series[0].reported, 2);
}

TEST_F(MembersServiceTest, NeedsAreFollowedUpWithHistory) {
  ReportInput in = Report("2020-02-13");
  in.needs = {{"masks", 2000, "一线人员"}};
  ASSERT_TRUE(svc_->SubmitReport(Member("u1"), in).ok());
  auto list = svc_->ListFollowups(Staff(), {"open", "", "", ""}, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  const int64_t id = list->items[0].id;
  EXPECT_EQ(list->items[0].org_code, "u1");
  EXPECT_EQ(svc_->ActOnFollowup(Member("u1"), id, {"start", "", ""}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->ActOnFollowup(Staff("hebei"), id, {"start", "", ""}).status().code(),
            Code::kNotFound);
  EXPECT_EQ(svc_->ActOnFollowup(Staff(), id, {"resolve", "", ""}).status().field(), "note");
  EXPECT_EQ(svc_->ActOnFollowup(Staff(), id, {"assign", "nobody", ""}).status().key(),
            "owner_not_found");
  auto f = svc_->ActOnFollowup(Staff(), id, {"assign", "hubei-admin", "协会协调"});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->status, "in_progress");
  EXPECT_EQ(f->owner, "hubei-admin");
  f = svc_->ActOnFollowup(Staff(), id, {"resolve", "", "已调拨 2000 只"});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->status, "resolved");
  EXPECT_EQ(svc_->ActOnFollowup(Staff(), id, {"resolve", "", "again"}).status().key(),
            "followup_transition");
  ASSERT_EQ(f->history.size(), 3u);
  EXPECT_EQ(f->history[0].action, "create");
  EXPECT_EQ(f->history[2].note, "已调拨 2000 只");
  EXPECT_EQ(svc_->GetFollowup(Member("u1"), id)->status, "resolved");
  EXPECT_EQ(svc_->GetFollowup(Member("u2"), id).status().code(), Code::kNotFound);
}

TEST_F(MembersServiceTest, LedgerBalancesNeverGoNegative) {
  auto tx = [&](const std::string& item, int64_t x100, const std::string& from,
                const std::string& to) {
    return svc_->RecordTransaction(Staff(), {item, x100, from, to, "2020-02-10", ""});
  };
  ASSERT_TRUE(tx("masks", 500000, "湖北省慈善总会", "hubei").ok());
  ASSERT_TRUE(tx("masks", 300000, "hubei", "u1").ok());
  auto refused = tx("masks", 300000, "hubei", "u2");
  EXPECT_EQ(refused.status().key(), "negative_balance");
  EXPECT_EQ(refused.status().texts().at("balance"), "2000");
  EXPECT_EQ(tx("rice", 100, "x", "hubei").status().key(), "unknown_item");
  EXPECT_EQ(tx("masks", 100, "甲", "乙").status().key(), "outside_parties");
  EXPECT_EQ(tx("masks", 100, "hubei", "hubei").status().key(), "same_party");
  EXPECT_EQ(tx("masks", 100, "hb1", "hubei").status().code(), Code::kPermissionDenied);
  auto balances = svc_->ListBalances(Staff(), "", "masks");
  ASSERT_TRUE(balances.ok());
  ASSERT_EQ(balances->size(), 2u);
  EXPECT_EQ((*balances)[0].holder, "hubei");
  EXPECT_EQ((*balances)[0].balance_x100, 200000);
  EXPECT_EQ((*balances)[1].balance_x100, 300000);
  EXPECT_EQ(svc_->ListTransactions(Staff(), {}, {})->total, 2);  // the refused one is not stored
  EXPECT_EQ(svc_->ListBalances(Member("u1"), "", "")->size(), 1u);
  auto summary = svc_->SummaryOf(Staff(), "2020-01-01", "2020-12-31");
  ASSERT_TRUE(summary.ok());
  ASSERT_EQ(summary->rows.size(), 1u);
  EXPECT_EQ(summary->rows[0].received_x100, 500000);
  EXPECT_EQ(summary->rows[0].transferred_x100, 300000);
  EXPECT_EQ(summary->rows[0].balance_x100, 500000);
  EXPECT_TRUE(svc_->ExportLedger(Staff(), "2020", "en").ok());
}

TEST_F(MembersServiceTest, ConcurrentDebitsNeverOverdraw) {
  ASSERT_TRUE(
      svc_->RecordTransaction(Staff(), {"masks", 1000, "捐赠方", "hubei", "2020-02-10", ""}).ok());
  std::atomic<int> ok{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto r = svc_->RecordTransaction(
            Staff(), {"masks", 100, "hubei", t % 2 ? "u1" : "医院", "2020-02-11", ""});
        (r.ok() ? ok : refused)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 10);
  EXPECT_EQ(refused.load(), 10);
  auto b = svc_->ListBalances(Staff(), "hubei", "masks");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*b)[0].balance_x100, 0);
}

TEST_F(MembersServiceTest, ImportIsAllOrNothingAndUpdatesByCreditCode) {
  namespace t = testing;
  auto rows = t::MemberRows(3);
  rows[1][2] = "91350100M000100Y44";  // a wrong check character in row 3
  auto bad =
      svc_->Import(Actor::System(), "hubei", "xlsx", t::Workbook(t::MemberHeader(), rows), false);
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  ASSERT_EQ(bad->errors.size(), 1u);
  EXPECT_EQ(bad->errors[0].row, 3);
  EXPECT_EQ(bad->errors[0].column, "统一社会信用代码");
  EXPECT_FALSE(bad->stored);
  EXPECT_EQ(svc_->ListMembers(Staff(), {"", "测试"}, {})->total, 0);
  auto dry = svc_->Import(Staff(), "hubei", "xlsx",
                          t::Workbook(t::MemberHeader(), t::MemberRows(3)), true);
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->created, 3);
  EXPECT_FALSE(dry->stored);
  EXPECT_EQ(svc_->ListMembers(Staff(), {"", "测试"}, {})->total, 0);
  auto good = svc_->Import(Staff(), "hubei", "xlsx",
                           t::Workbook(t::MemberHeader(), t::MemberRows(3)), false);
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good->stored);
  EXPECT_EQ(good->created, 3);
  // Again, with a new name for unit 2 and one more unit: updated, not doubled.
  auto again_rows = t::MemberRows(4);
  again_rows[1][0] = "测试通信股份有限公司2";
  auto again =
      svc_->Import(Staff(), "hubei", "xlsx", t::Workbook(t::MemberHeader(), again_rows), false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, 1);
  EXPECT_EQ(again->updated, 3);
  auto members = svc_->ListMembers(Staff(), {"", "测试"}, {});
  EXPECT_EQ(members->total, 4);
  EXPECT_EQ(svc_->ListMembers(Staff(), {"", "股份"}, {})->total, 1);
  // Another association cannot take them over; a member cannot import.
  auto other = svc_->Import(Staff("hebei"), "hebei", "xlsx",
                            t::Workbook(t::MemberHeader(), t::MemberRows(1)), false);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(other->errors.size(), 1u);
  EXPECT_EQ(other->errors[0].key, "credit_code_elsewhere");
  EXPECT_EQ(svc_->Import(Member("u1"), "hubei", "csv", "name,credit_code\n", false).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->Import(Staff(), "hubei", "xlsx", t::ZipBomb(40), false).status().key(),
            "sheet_bomb");
}

}  // namespace
}  // namespace jianbao::members
