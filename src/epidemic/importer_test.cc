// Copyright 2026 The Jianbao Authors.

#include "epidemic/importer.h"

#include <gtest/gtest.h>

namespace jianbao::epidemic {
namespace {

constexpr char kHeader[] =
    "date,country,countryCode,province,provinceCode,city,cityCode,confirmed,suspected,cured,dead\n";

const FigureSet* Find(const ImportBatch& b, const std::string& date, const std::string& region) {
  for (const RegionDay& r : b.rows) {
    if (r.date == date && r.region == region) return &r.figures;
  }
  return nullptr;
}

Result<ImportBatch> Parse(const std::string& content) { return ParseImport(content, nullptr); }

TEST(ImporterTest, MapsTheSharedCsvRows) {
  auto b = Parse(std::string(kHeader) +
                 "2020-02-06,中国,CN,,,,,31161,26359,1540,636\n"
                 "2020-03-18,中国,CN,,,,,81235,105,70547,3250\n"
                 "2020-02-06,中国,CN,湖北省,420000,,,22112,9000,867,618\n"
                 "2020-03-18,中国,CN,湖北省,420000,,,67800,0,57678,3130\n"
                 "2020-03-19,中国,CN,湖北省,420000,武汉市,420100,50005,0,40765,2496\n"
                 "2020-03-19,中国,CN,北京市,110000,境外输入,1100y0,150,0,10,0\n"
                 "2020-03-19,中国,CN,香港特别行政区,810000,香港,,192,0,95,4\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->format, ImportFormat::kCanghailan);
  EXPECT_EQ(b->records, 7);
  EXPECT_EQ(b->skipped, 2);
  // Before 02-07 the national row is the mainland; from 02-07 it includes HK/MO/TW.
  ASSERT_NE(Find(*b, "2020-02-06", "000000"), nullptr);
  EXPECT_EQ(Find(*b, "2020-02-06", "000000")->get(Field::kCumConfirmed), 31161);
  EXPECT_EQ(Find(*b, "2020-03-18", "100000")->get(Field::kCumConfirmed), 81235);
  EXPECT_EQ(Find(*b, "2020-03-18", "000000")->get(Field::kCumConfirmed), std::nullopt);
  EXPECT_EQ(Find(*b, "2020-03-18", "000000")->get(Field::kCurrentSuspected), 105);
  // Province suspected only before 02-07 (0 afterwards means "not collected").
  EXPECT_EQ(Find(*b, "2020-02-06", "420000")->get(Field::kCurrentSuspected), 9000);
  EXPECT_FALSE(Find(*b, "2020-03-18", "420000")->has(Field::kCurrentSuspected));
  // City rows carry the previous day's figures.
  ASSERT_NE(Find(*b, "2020-03-18", "420100"), nullptr);
  EXPECT_EQ(Find(*b, "2020-03-18", "420100")->get(Field::kCumCured), 40765);
  EXPECT_EQ(Find(*b, "2020-03-19", "420100"), nullptr);
  // No "new" value is derived from the cumulative ones.
  EXPECT_FALSE(Find(*b, "2020-03-18", "420000")->has(Field::kNewConfirmed));
}

TEST(ImporterTest, BadRowNamesLineColumnAndReason) {
  auto b = Parse(std::string(kHeader) + "2020-03-18,中国,CN,湖北省,420000,,,67800,0,57678,3130\n" +
                 "2020-03-18,中国,CN,北京市,110000,,,4x9,0,379,8\n");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(b.status().field(), "line 3, column 8");
  EXPECT_NE(b.status().message().find("(confirmed): not a non-negative integer: \"4x9\""),
            std::string::npos)
      << b.status().message();
}

TEST(ImporterTest, BadDateAndFieldCountAreRejected) {
  auto date = Parse(std::string(kHeader) + "2020-02-30,中国,CN,湖北省,420000,,,1,0,0,0\n");
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.status().field(), "line 2, column 1");
  auto count = Parse(std::string(kHeader) + "2020-02-03,中国,CN,湖北省,420000,,,1,0,0\n");
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.status().message().find("expected 11 fields, found 10"), std::string::npos);
}

TEST(ImporterTest, DuplicateRowIsRejectedWithFirstLine) {
  auto b = Parse(std::string(kHeader) + "2020-03-18,中国,CN,湖北省,420000,,,1,0,0,0\n" +
                 "2020-03-18,中国,CN,湖北省,420000,,,2,0,0,0\n");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("line 3"), std::string::npos);
  EXPECT_NE(b.status().message().find("first at line 2"), std::string::npos);
}

TEST(ImporterTest, WrongHeaderListsTheAcceptedFormats) {
  auto b = Parse("day,place,count\n2020-03-18,x,1\n");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().key(), "import_bad_header");
  EXPECT_NE(b.status().message().find("date,region,<fields>"), std::string::npos);
  auto unknown = Parse("date,region,new_confirmd\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown field \"new_confirmd\""), std::string::npos);
  EXPECT_FALSE(Parse("").ok());
  EXPECT_FALSE(Parse("date,region,new_confirmed\n2020-03-18,420000,\xff\n").ok());
}

TEST(ImporterTest, FiguresFormatKeepsEmptyCellsUnreported) {
  auto b = Parse(
      "date,region,current_severe,severe_change,new_imported\n"
      "2020-03-18,000000,2314,-308,34\n"
      "2020-03-18,110000,,,21\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->format, ImportFormat::kFigures);
  EXPECT_EQ(Find(*b, "2020-03-18", "000000")->get(Field::kSevereChange), -308);
  EXPECT_FALSE(Find(*b, "2020-03-18", "110000")->has(Field::kCurrentSevere));
  EXPECT_EQ(Find(*b, "2020-03-18", "110000")->get(Field::kNewImported), 21);
  auto negative = Parse("date,region,current_severe\n2020-03-18,000000,-1\n");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().field(), "line 2, column 3");
  auto region = Parse("date,region,current_severe\n2020-03-18,999999,1\n");
  ASSERT_FALSE(region.ok());
  EXPECT_NE(region.status().message().find("unknown region"), std::string::npos);
}

TEST(ImporterTest, CorrectionsFormat) {
  auto b = Parse(
      "date,region,field,delta,reason,source\n"
      "2020-04-17,420100,cum_deaths,1290,\"订正, 见通报\",武汉市\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(b->corrections.size(), 1u);
  EXPECT_EQ(b->corrections[0].delta, 1290);
  EXPECT_EQ(b->corrections[0].reason, "订正, 见通报");
  auto flow = Parse("date,region,field,delta,reason,source\n2020-04-17,420100,new_deaths,1,r,s\n");
  ASSERT_FALSE(flow.ok());
  EXPECT_EQ(flow.status().field(), "line 2, column 3");
}

}  // namespace
}  // namespace jianbao::epidemic
