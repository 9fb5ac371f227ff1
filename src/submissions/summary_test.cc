// Copyright 2026 The Jianbao Authors.

#include "submissions/summary.h"

#include <gtest/gtest.h>

namespace jianbao::submissions {
namespace {

StatsRow Row(const std::string& short_name, int64_t submitted, int64_t adopted) {
  StatsRow r;
  r.org_short_name = short_name;
  r.submitted = submitted;
  r.adopted = adopted;
  return r;
}

TEST(SummaryTest, SentencesAndTableInRankOrder) {
  Stats s;
  s.period = {"2020-03-01..2020-03-18", "2020-03-01", "2020-03-18", "", ""};
  s.target_org_name = "中国通信企业协会";
  s.rows = {Row("湖北行协", 6, 4), Row("河北|行协", 3, 1), Row("空行协", 0, 0),
            Row("江苏行协", 2, 0)};
  s.total = Row("", 11, 5);
  SummarySection out = SummaryOf(s);
  EXPECT_EQ(out.title, "信息报送采用情况（3月1日—3月18日）");
  EXPECT_EQ(out.body,
            "3月1日—3月18日，中国通信企业协会共收到各单位报送信息11篇，采用5篇，采用率45.5%。"
            "采用较多的是湖北行协（4篇）、河北\\|行协（1篇）。\n\n"
            "| 单位 | 报送 | 采用 | 采用率 |\n|:---|---:|---:|---:|\n"
            "| 湖北行协 | 6 | 4 | 66.7% |\n"
            "| 河北\\|行协 | 3 | 1 | 33.3% |\n"
            "| 江苏行协 | 2 | 0 | 0.0% |\n"
            "| 合计 | 11 | 5 | 45.5% |\n");
}

TEST(SummaryTest, LeadersByAdoptedCountAndNoArbitraryPickAmongTies) {
  Stats s;
  s.period = {"", "2020-03-01", "2020-03-31", "", ""};
  s.target_org_name = "协会";
  // Rank order puts rates first; the sentence goes by adopted pieces.
  s.rows = {Row("甲", 1, 1), Row("乙", 9, 5), Row("丙", 4, 2), Row("丁", 4, 2), Row("戊", 2, 2)};
  s.total = Row("", 20, 12);
  EXPECT_NE(SummaryOf(s).body.find("采用较多的是乙（5篇）。"), std::string::npos)
      << SummaryOf(s).body;
  s.rows = {Row("甲", 1, 1), Row("乙", 2, 1), Row("丙", 2, 1), Row("丁", 2, 1)};
  s.total = Row("", 7, 4);
  EXPECT_EQ(SummaryOf(s).body.find("采用较多"), std::string::npos) << SummaryOf(s).body;
}

TEST(SummaryTest, NothingSentAndPeriodsAcrossYears) {
  Stats s;
  s.period = {"", "2019-12-30", "2020-01-02", "", ""};
  s.target_org_name = "湖北省通信行业协会";
  SummarySection out = SummaryOf(s);
  EXPECT_EQ(out.title, "信息报送采用情况（2019年12月30日—2020年1月2日）");
  EXPECT_EQ(out.body, "2019年12月30日—2020年1月2日，湖北省通信行业协会未收到报送信息。\n");
}

}  // namespace
}  // namespace jianbao::submissions
