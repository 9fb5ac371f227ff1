// Copyright 2026 The Jianbao Authors.
//
// The rules on the real shared CSV: they must find the quirks its README
// lists and must not flag 2020-03-18.

#include "epidemic/rules.h"

#include <gtest/gtest.h>

#include <set>

#include "core/clock.h"
#include "epidemic/embedded.h"
#include "epidemic/importer.h"
#include "epidemic/regions.h"
#include "epidemic/testing/test_util.h"

namespace jianbao::epidemic {
namespace {

class SharedCsvRulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto batch = ParseImport(testing::ReadFile(testing::SharedCsvPath()), nullptr);
    ASSERT_TRUE(batch.ok()) << batch.status().ToString();
    batch_ = new ImportBatch(std::move(batch).value());  // NOLINT: suite-lifetime fixture
  }
  static void TearDownTestSuite() {
    delete batch_;  // NOLINT
    batch_ = nullptr;
  }

  static std::vector<Violation> Run(const std::vector<Correction>& corrections = {},
                                    const std::vector<RegionDay>& extra = {}) {
    std::vector<Region> regions = BuiltinRegions();
    regions.insert(regions.end(), batch_->regions.begin(), batch_->regions.end());
    std::vector<RegionDay> rows = batch_->rows;
    rows.insert(rows.end(), extra.begin(), extra.end());
    FigureIndex index(rows, corrections, regions);
    return RunRules(index, INT64_MIN / 2, INT64_MAX / 2);
  }

  static const Violation* FindV(const std::vector<Violation>& v, const std::string& date,
                                const std::string& region, const std::string& rule, Field f) {
    for (const Violation& x : v) {
      if (x.date == date && x.region == region && x.rule == rule && x.field == f) return &x;
    }
    return nullptr;
  }

  static ImportBatch* batch_;
};

ImportBatch* SharedCsvRulesTest::batch_ = nullptr;

TEST_F(SharedCsvRulesTest, NothingOn0318) {
  for (const Violation& v : Run()) EXPECT_NE(v.date, "2020-03-18") << v.rule << " " << v.message;
}

TEST_F(SharedCsvRulesTest, FindsTheSourceChangeGlitches) {
  auto v = Run();
  EXPECT_TRUE(FindV(v, "2020-02-07", "710000", "cumulative_monotone", Field::kCumDeaths));
  EXPECT_TRUE(FindV(v, "2020-02-07", "820000", "cumulative_monotone", Field::kCumDeaths));
  EXPECT_TRUE(FindV(v, "2020-02-06", "120000", "cumulative_monotone", Field::kCumDeaths));
  EXPECT_TRUE(FindV(v, "2020-02-06", "150000", "cumulative_monotone", Field::kCumCured));
  EXPECT_TRUE(FindV(v, "2020-02-07", "610000", "cumulative_monotone", Field::kCumCured));
  EXPECT_TRUE(FindV(v, "2020-01-31", "440000", "cumulative_monotone", Field::kCumCured));
  // Quirk 3: before 02-07 the provinces do not add up to the national row.
  EXPECT_TRUE(FindV(v, "2020-01-24", "000000", "mainland_sum", Field::kCumConfirmed));
}

TEST_F(SharedCsvRulesTest, FindsThe0212Jump) {
  auto v = Run();
  const Violation* x = FindV(v, "2020-02-12", "420000", "daily_jump", Field::kCumConfirmed);
  ASSERT_TRUE(x);
  EXPECT_EQ(x->actual, 47163 - 33366);
  EXPECT_FALSE(x->explained);
}

TEST_F(SharedCsvRulesTest, FindsFrozenCuredInEarlyApril) {
  auto v = Run();
  for (int d = 5; d <= 15; ++d) {
    std::string date = "2020-04-" + std::string(d < 10 ? "0" : "") + std::to_string(d);
    EXPECT_TRUE(FindV(v, date, "420000", "frozen_cured", Field::kCumCured)) << date;
  }
  EXPECT_TRUE(FindV(v, "2020-04-08", "100000", "frozen_cured", Field::kCumCured));
}

TEST_F(SharedCsvRulesTest, FindsThe0416RevisionADayEarly) {
  auto v = Run();
  EXPECT_TRUE(FindV(v, "2020-04-16", "420000", "daily_jump", Field::kCumDeaths));
  EXPECT_TRUE(FindV(v, "2020-04-16", "420100", "daily_jump", Field::kCumDeaths));
  EXPECT_TRUE(FindV(v, "2020-04-16", "420000", "daily_jump", Field::kCumConfirmed));
}

TEST_F(SharedCsvRulesTest, ACorrectionExplainsTheRevisionOnTheDayTheDataCarryIt) {
  // The NHC announced the Wuhan revision on 04-17; the dataset carries it on
  // 04-16. Recorded on 04-17 alone it explains nothing on 04-16; the known
  // corrections also record the data date (04-16), which explains the jump.
  Correction c{1, "2020-04-17", "420000", Field::kCumDeaths, 1290, "订正", "test", ""};
  auto v = Run({c});
  EXPECT_FALSE(FindV(v, "2020-04-16", "420000", "daily_jump", Field::kCumDeaths)->explained);
  auto known = ParseImport(embedded::kKnownCorrections, nullptr);
  ASSERT_TRUE(known.ok()) << known.status().ToString();
  v = Run(known->corrections);
  const Violation* x = FindV(v, "2020-04-16", "420000", "daily_jump", Field::kCumDeaths);
  ASSERT_TRUE(x);
  EXPECT_TRUE(x->explained);
  EXPECT_EQ(x->explained_by->kind, "correction");
}

TEST_F(SharedCsvRulesTest, ReportedNewPlusWriteOffMakesHubei0212Consistent) {
  // NHC: Hubei reported 14840 new cases on 02-12; 1043 were written off.
  FigureSet hubei = *[] {
    for (const RegionDay& r : batch_->rows) {
      if (r.date == "2020-02-12" && r.region == "420000") return &r.figures;
    }
    return static_cast<const FigureSet*>(nullptr);
  }();
  hubei.set(Field::kNewConfirmed, 14840);
  std::vector<RegionDay> rows = {{"2020-02-12", "420000", hubei}};
  std::vector<Correction> write_off = {
      {0, "2020-02-12", "420000", Field::kCumConfirmed, -1043, "核减", "湖北省卫健委", ""}};
  // Without the write-off the identity fails; with it the violation is explained.
  auto v = Run({}, rows);
  ASSERT_TRUE(FindV(v, "2020-02-12", "420000", "cumulative_identity", Field::kCumConfirmed));
  EXPECT_FALSE(FindV(v, "2020-02-12", "420000", "daily_jump", Field::kCumConfirmed));
  v = Run(write_off, rows);
  EXPECT_TRUE(
      FindV(v, "2020-02-12", "420000", "cumulative_identity", Field::kCumConfirmed)->explained);
}

TEST(RulesTest, IdentityAndStockRulesOnSmallData) {
  FigureSet d1, d2;
  d1.set(Field::kCumConfirmed, 100);
  d2.set(Field::kCumConfirmed, 110);
  d2.set(Field::kNewConfirmed, 9);
  d2.set(Field::kCumCured, 80);
  d2.set(Field::kCumDeaths, 40);
  d2.set(Field::kCurrentConfirmed, 3);
  d2.set(Field::kCurrentSevere, -1);
  FigureIndex index({{"2020-03-01", "110000", d1}, {"2020-03-02", "110000", d2}}, {},
                    BuiltinRegions());
  std::set<std::string> rules;
  for (const Violation& v : RunRules(index, INT64_MIN / 2, INT64_MAX / 2)) rules.insert(v.rule);
  EXPECT_EQ(rules, (std::set<std::string>{"cumulative_identity", "current_identity", "non_negative",
                                          "outcomes_le_confirmed"}));
}

TEST(RulesTest, ADayIsVerifiedWhenEveryViolationIsExplained) {
  FigureSet d1, d2;
  d1.set(Field::kCumDeaths, 3222);
  d2.set(Field::kCumDeaths, 3210);
  std::vector<RegionDay> rows = {{"2020-04-16", "420000", d1}, {"2020-04-17", "420000", d2}};
  Correction c{0, "2020-04-17", "420000", Field::kCumDeaths, -12, "核减", "test", ""};
  for (bool with_correction : {false, true}) {
    FigureIndex index(rows,
                      with_correction ? std::vector<Correction>{c} : std::vector<Correction>{},
                      BuiltinRegions());
    int64_t day = clock::DaysFromDate("2020-04-17");
    auto v = RunRules(index, day, day);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, "cumulative_monotone");
    EXPECT_EQ(v[0].explained, with_correction);
    auto statuses = DayStatuses(index, v, day, day);
    ASSERT_EQ(statuses.size(), 1u);
    EXPECT_EQ(statuses[0].verified, with_correction);
  }
}

TEST(RulesTest, EveryRuleHasANameAndDescription) {
  std::set<std::string_view> names;
  for (const auto& r : AllRules()) {
    EXPECT_FALSE(r->description().empty());
    EXPECT_TRUE(names.insert(r->name()).second) << r->name();
  }
  EXPECT_EQ(names.size(), 11u);
}

}  // namespace
}  // namespace jianbao::epidemic
