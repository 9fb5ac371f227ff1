// Copyright 2026 The Jianbao Authors.

#include "epidemic/day.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "epidemic/testing/test_util.h"

namespace jianbao::epidemic {
namespace {

TEST(DayJsonTest, IssueJsonRoundTrips) {
  auto day = DayFromJson(testing::kIssueDayJson);
  ASSERT_TRUE(day.ok()) << day.status().ToString();
  EXPECT_EQ(day->mainland->get(Field::kSevereChange), -308);
  EXPECT_EQ(day->new_deaths_by_region.at("420000"), 8);
  EXPECT_EQ(day->wuhan->get(Field::kCumCured), 40765);
  EXPECT_EQ(day->imported->new_by_region.at("110000"), 21);
  EXPECT_EQ(day->hk_macau_taiwan.at("710000").deaths, 1);
  EXPECT_EQ(nlohmann::json::parse(DayToJson(*day)), nlohmann::json::parse(testing::kIssueDayJson));
}

TEST(DayJsonTest, RejectsBadInputNamingTheKey) {
  struct Case {
    const char* json;
    const char* field;
  } cases[] = {
      {R"({"date":"2020-03-32"})", "date"},
      {R"({"date":"2020-03-18","mainland":{"new_confirmd":1}})", "mainland.new_confirmd"},
      {R"({"date":"2020-03-18","mainland":{"new_confirmed":1.5}})", "mainland.new_confirmed"},
      {R"({"date":"2020-03-18","hubei":{"wuhan":{"x":1}}})", "hubei.wuhan.x"},
      {R"({"date":"2020-03-18","imported":{"new_by_region":{"beijing":1}}})",
       "imported.new_by_region.beijing"},
      {R"({"date":"2020-03-18","hk_macau_taiwan":{"110000":{}}})", "hk_macau_taiwan.110000"},
      {R"([1,2)", "(root)"},
  };
  for (const Case& c : cases) {
    auto day = DayFromJson(c.json);
    ASSERT_FALSE(day.ok()) << c.json;
    EXPECT_EQ(day.status().field(), c.field) << day.status().message();
  }
}

TEST(DayTest, RowsRoundTripThroughBuildDay) {
  auto day = DayFromJson(testing::kIssueDayJson);
  ASSERT_TRUE(day.ok());
  Day rebuilt = BuildDay("2020-03-18", DayToRows(*day));
  EXPECT_TRUE(rebuilt.derived.empty());
  EXPECT_EQ(nlohmann::json::parse(DayToJson(rebuilt)),
            nlohmann::json::parse(testing::kIssueDayJson));
}

TEST(DayTest, BuildDaySumsProvincesAndSaysSo) {
  std::vector<RegionDay> rows;
  FigureSet hubei, beijing;
  hubei.set(Field::kCumConfirmed, 100);
  hubei.set(Field::kCumCured, 50);
  hubei.set(Field::kCumDeaths, 5);
  beijing.set(Field::kCumConfirmed, 10);
  rows.push_back({"2020-03-18", "420000", hubei});
  rows.push_back({"2020-03-18", "110000", beijing});
  Day day = BuildDay("2020-03-18", rows);
  ASSERT_TRUE(day.mainland);
  EXPECT_EQ(day.mainland->get(Field::kCumConfirmed), 110);
  EXPECT_EQ(day.mainland->get(Field::kCumCured), 50);
  EXPECT_FALSE(day.mainland->has(Field::kNewConfirmed));
  EXPECT_EQ(day.hubei->get(Field::kCurrentConfirmed), 45);
  EXPECT_NE(std::find(day.derived.begin(), day.derived.end(), "mainland.cum_confirmed"),
            day.derived.end());
  EXPECT_FALSE(day.imported);
  EXPECT_TRUE(day.hk_macau_taiwan.empty());

  // Exported and read back, the derived values are not stored as reported.
  auto again = DayFromJson(DayToJson(day));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->derived, day.derived);
  for (const RegionDay& row : DayToRows(*again)) {
    if (row.region == "000000") {
      EXPECT_FALSE(row.figures.has(Field::kCumConfirmed));
    }
  }
}

}  // namespace
}  // namespace jianbao::epidemic
