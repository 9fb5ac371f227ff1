// Copyright 2026 The Jianbao Authors.
//
// Statistics against a generated data set whose answers the test computes
// itself from the generated facts.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/clock.h"
#include "submissions/export.h"
#include "submissions/testing/test_fixture.h"

namespace jianbao::submissions {
namespace {

struct Fact {
  std::string org, state, first_submitted_at, shanghai_date;
  int64_t commission = 0;
};

class StatsTest : public testing::ServiceFixture {
 protected:
  static void SetUpTestSuite() {
    Open("submissions_stats_test");
    auto orgs = orgs_->ListOrgs(Actor::System()).value();
    for (const auto& o : orgs) ids_[o.code] = o.id;
    const char* provinces[] = {"hubei", "hebei", "shaanxi", "qinghai", "heilongjiang"};
    const char* states[] = {kAdopted, kSubmitted, kReturned, kNotAdopted, kAdopted, kResubmitted};
    const int64_t start = clock::DaysFromDate("2025-12-20") * 86400;
    ASSERT_TRUE(
        db_->Write([&](soci::session& s) {
             // Two commissions per province: deadlines 2026-03-31 and 2026-06-30.
             std::map<std::string, std::vector<Commission>> commissions;
             for (const char* org : provinces) {
               for (const char* deadline : {"2026-03-31", "2026-06-30"}) {
                 Commission c;
                 c.topic = "约稿";
                 c.requester_org_id = ids_["ccea"];
                 c.org_id = ids_[org];
                 c.deadline = deadline;
                 c.deadline_at = clock::FormatIso(clock::ShanghaiDayEnd(deadline));
                 c.status = "open";
                 c.created_at = "2026-01-01T00:00:00Z";
                 c.created_by_login = "system";
                 c.id = repo::InsertCommission(s, c);
                 commissions[org].push_back(c);
               }
             }
             for (int i = 0; i < 2400; ++i) {
               Fact f;
               f.org = provinces[(i * 7 + i / 5) % 5];
               f.state = states[(i * 13) % 6];
               const int64_t t = start + int64_t{i} * 11'831;  // about 3h17m apart, over ~11 months
               f.first_submitted_at = clock::FormatIso(t);
               f.shanghai_date = clock::ShanghaiDate(t);
               Piece p;
               p.title = "稿件" + std::to_string(i);
               p.state = f.state;
               p.owner_org_id = ids_[f.org];
               p.target_org_id = ids_["ccea"];
               p.created_by_login = "gen";
               p.created_at = p.updated_at = f.first_submitted_at;
               if (i % 97 ==
                   0) {  // answers: the first commission whose deadline is still ahead, if any
                 for (const Commission& c : commissions[f.org]) {
                   if (!f.commission && i % 2 == 0) f.commission = c.id;
                 }
                 if (!f.commission) f.commission = commissions[f.org][0].id;
               }
               p.commission_id = f.commission;
               p.id = repo::InsertPiece(s, p);
               p.first_submitted_at = p.submitted_at = f.first_submitted_at;
               repo::UpdateWorkflow(s, p);
               facts_.push_back(f);
             }
             // Noise that must not count: drafts, and pieces offered to another association.
             Piece draft;
             draft.title = "草稿";
             draft.state = kDraft;
             draft.owner_org_id = ids_["hubei"];
             draft.target_org_id = ids_["ccea"];
             draft.created_at = draft.updated_at = "2026-05-01T00:00:00Z";
             draft.id = repo::InsertPiece(s, draft);
             Piece other = draft;
             draft.first_submitted_at = "2026-05-01T00:00:00Z";  // submitted, then withdrawn
             repo::UpdateWorkflow(s, draft);
             other.state = kAdopted;
             other.owner_org_id = ids_["hubei-ctc"];
             other.target_org_id = ids_["hubei"];
             other.id = repo::InsertPiece(s, other);
             other.first_submitted_at = "2026-05-01T00:00:00Z";
             repo::UpdateWorkflow(s, other);
             for (auto& [org, list] : commissions) commissions_[org] = list;
             return Status::Ok();
           })
            .ok());
  }

  // Expected (submitted, adopted) for `org` with Shanghai dates in [from, to].
  static std::pair<int64_t, int64_t> Expect(const std::string& org, const std::string& from,
                                            const std::string& to) {
    int64_t sub = 0, ad = 0;
    for (const Fact& f : facts_) {
      if (f.org != org || f.shanghai_date < from || f.shanghai_date > to) continue;
      ++sub;
      ad += f.state == kAdopted;
    }
    return {sub, ad};
  }

  static void CheckPeriod(const std::string& period, const std::string& from,
                          const std::string& to) {
    auto stats = svc_->Statistics(As("editor"), period, "");
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->period.from, from);
    EXPECT_EQ(stats->period.to, to);
    EXPECT_EQ(stats->target_org_code, "ccea");
    int64_t total = 0;
    for (const StatsRow& r : stats->rows) {
      auto [sub, ad] = Expect(r.org_code, from, to);
      EXPECT_EQ(r.submitted, sub) << period << " " << r.org_code;
      EXPECT_EQ(r.adopted, ad) << period << " " << r.org_code;
      total += sub;
    }
    EXPECT_EQ(stats->total.submitted, total);
    for (size_t i = 1; i < stats->rows.size(); ++i) {
      EXPECT_GE(stats->rows[i - 1].adopted, stats->rows[i].adopted);
      EXPECT_LE(stats->rows[i - 1].rank, stats->rows[i].rank);
    }
  }

  static inline std::map<std::string, int64_t> ids_;
  static inline std::vector<Fact> facts_;
  static inline std::map<std::string, std::vector<Commission>> commissions_;
};

TEST_F(StatsTest, YearQuarterMonthCustom) {
  CheckPeriod("2026", "2026-01-01", "2026-12-31");
  CheckPeriod("2026-Q1", "2026-01-01", "2026-03-31");
  CheckPeriod("2026-Q4", "2026-10-01", "2026-12-31");
  CheckPeriod("2026-02", "2026-02-01", "2026-02-28");
  CheckPeriod("2025-12", "2025-12-01", "2025-12-31");
  CheckPeriod("2026-01-15..2026-03-02", "2026-01-15", "2026-03-02");
}

TEST_F(StatsTest, CommissionsOnTimeAndLate) {
  auto stats = svc_->Statistics(As("editor"), "2026-Q1", "");
  ASSERT_TRUE(stats.ok());
  for (const StatsRow& r : stats->rows) {
    const Commission& c = commissions_[r.org_code][0];  // deadline 2026-03-31
    bool on_time = false, answered = false;
    for (const Fact& f : facts_) {
      if (f.commission != c.id) continue;
      answered = true;
      on_time = on_time || f.first_submitted_at < c.deadline_at;
    }
    EXPECT_EQ(r.commissioned, 1) << r.org_code;
    EXPECT_EQ(r.commissioned_on_time, on_time ? 1 : 0) << r.org_code;
    EXPECT_EQ(r.commissioned_late, answered && !on_time ? 1 : 0) << r.org_code;
  }
}

TEST_F(StatsTest, PeriodsAndPermissions) {
  for (const char* bad : {"2026-13", "2026-Q5", "26", "2026-03-01..2026-02-01", "x"}) {
    EXPECT_EQ(svc_->Statistics(As("editor"), bad, "").status().key(), "invalid_period") << bad;
  }
  EXPECT_TRUE(svc_->Statistics(As("hubei-reporter"), "2026", "").ok());
  EXPECT_TRUE(svc_->Statistics(As("approver"), "2026", "").ok());
  EXPECT_EQ(svc_->Statistics(As("hubei-reporter"), "2026", "hebei").status().code(),
            Code::kPermissionDenied);
  auto own = svc_->StatisticsPieces(As("hubei-reporter"), "2026-02", "", "", "adopted", 0, 100);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->total, Expect("hubei", "2026-02-01", "2026-02-28").second);
  for (const Piece& p : own->items) EXPECT_EQ(p.state, kAdopted);
  EXPECT_EQ(svc_->StatisticsPieces(As("hubei-reporter"), "2026", "", "hebei", "submitted", 0, 10)
                .status()
                .code(),
            Code::kPermissionDenied);
  auto hebei = svc_->StatisticsPieces(As("editor"), "2026", "", "hebei", "submitted", 0, 10);
  EXPECT_EQ(hebei->total, Expect("hebei", "2026-01-01", "2026-12-31").first);
  auto hubei_target = svc_->Statistics(As("hubei-admin"), "2026", "hubei");
  ASSERT_TRUE(hubei_target.ok());
  EXPECT_EQ(hubei_target->total.adopted, 1);  // the member unit's piece to hubei only
}

// Members, liaisons and complaint handlers belong to the association's tree
// but are neither its staff nor reporters: no statistics, no drill-down.
TEST_F(StatsTest, OnlyStaffAndReportersSeeStatistics) {
  for (const char* who : {"member", "liaison", "hubei-desk"}) {
    for (const char* target : {"", "hubei", "ccea"}) {
      EXPECT_EQ(svc_->Statistics(As(who), "2026", target).status().code(), Code::kPermissionDenied)
          << who << " " << target;
      EXPECT_EQ(svc_->ExportStatistics(As(who), "2026", target, "csv").status().code(),
                Code::kPermissionDenied)
          << who << " " << target;
      EXPECT_EQ(svc_->StatisticsPieces(As(who), "2026", target, "hubei-xinke", "adopted", 0, 10)
                    .status()
                    .code(),
                Code::kPermissionDenied)
          << who << " " << target;
    }
  }
  // hubei's staff see the member unit's piece offered to hubei; the national
  // editor is not hubei's staff and is no reporter below it.
  auto ctc =
      svc_->StatisticsPieces(As("hubei-admin"), "2026", "hubei", "hubei-ctc", "adopted", 0, 10);
  ASSERT_TRUE(ctc.ok()) << ctc.status().ToString();
  EXPECT_EQ(ctc->total, 1);
  EXPECT_EQ(svc_->Statistics(As("editor"), "2026", "hubei").status().code(),
            Code::kPermissionDenied);
}

TEST_F(StatsTest, CsvAndXlsx) {
  auto stats = svc_->Statistics(As("editor"), "2026", "");
  const std::string csv = StatsCsv(*stats);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF排名,机构代码,机构,报送,采用,采用率", 0), 0u);
  EXPECT_NE(csv.find(",,合计," + std::to_string(stats->total.submitted) + ","), std::string::npos);
  auto xlsx = svc_->ExportStatistics(As("editor"), "2026", "", "xlsx");
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");
  EXPECT_GT(xlsx->bytes.size(), 3000u);
  EXPECT_EQ(svc_->ExportStatistics(As("editor"), "2026", "", "pdf").status().key(),
            "invalid_format");
}

}  // namespace
}  // namespace jianbao::submissions
