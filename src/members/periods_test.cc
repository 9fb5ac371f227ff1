// Copyright 2026 The Jianbao Authors.

#include "members/periods.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "members/credit_code.h"

namespace jianbao::members {
namespace {

int64_t Day(const char* d) { return clock::DaysFromDate(d); }

TEST(PeriodsTest, WeekdayOfKnownDays) {
  EXPECT_EQ(Weekday(Day("2020-02-10")), 1);  // Monday
  EXPECT_EQ(Weekday(Day("2020-02-14")), 5);  // Friday
  EXPECT_EQ(Weekday(Day("2020-02-16")), 7);  // Sunday
}

TEST(PeriodsTest, WeeklyPeriodsEndOnTheDueWeekday) {
  // Weekly on Friday from Monday 2020-02-10: the first period is Sat 02-08 .. Fri 02-14.
  auto cal = PeriodCalendar::Make("weekly", 5, "2020-02-10", "");
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(clock::DateFromDays(cal->anchor()), "2020-02-08");
  EXPECT_EQ(cal->length(), 7);
  EXPECT_EQ(cal->IndexOf(Day("2020-02-14")), 0);
  EXPECT_EQ(cal->IndexOf(Day("2020-02-15")), 1);
  EXPECT_EQ(cal->IndexOf(Day("2020-03-19")), 5);
  EXPECT_FALSE(cal->IndexOf(Day("2020-02-07")));
  EXPECT_EQ(clock::DateFromDays(cal->EndOf(5)), "2020-03-20");
  // Due by the end of Friday in Shanghai: 2020-02-14 16:00 UTC.
  EXPECT_EQ(clock::FormatIso(cal->DueUnix(0)), "2020-02-14T16:00:00Z");
  // Starting on the due weekday itself: that day closes the first period.
  auto fri = PeriodCalendar::Make("weekly", 5, "2020-02-14", "");
  EXPECT_EQ(clock::DateFromDays(fri->anchor()), "2020-02-08");
}

TEST(PeriodsTest, DailyAndOneOff) {
  auto daily = PeriodCalendar::Make("daily", 0, "2020-02-01", "");
  ASSERT_TRUE(daily.ok());
  EXPECT_EQ(daily->IndexOf(Day("2020-02-03")), 2);
  EXPECT_EQ(clock::FormatIso(daily->DueUnix(2)), "2020-02-03T16:00:00Z");
  auto once = PeriodCalendar::Make("once", 0, "2020-02-01", "2020-02-20");
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(once->IndexOf(Day("2020-02-20")), 0);
  EXPECT_FALSE(once->IndexOf(Day("2020-02-21")));
  EXPECT_FALSE(once->repeats());
}

TEST(PeriodsTest, BadSchedulesNameTheField) {
  EXPECT_EQ(PeriodCalendar::Make("monthly", 0, "2020-02-01", "").status().field(), "kind");
  EXPECT_EQ(PeriodCalendar::Make("weekly", 8, "2020-02-01", "").status().field(), "weekday");
  EXPECT_EQ(PeriodCalendar::Make("weekly", 1, "2020-02-30", "").status().field(), "start");
  auto st = PeriodCalendar::Make("once", 0, "2020-02-10", "2020-02-01").status();
  EXPECT_EQ(st.key(), "deadline_before_start");
}

TEST(CreditCodeTest, ChecksumOfGb32100) {
  EXPECT_TRUE(IsValidCreditCode("91350100M000100Y43"));
  EXPECT_FALSE(IsValidCreditCode("91350100M000100Y44"));
  EXPECT_FALSE(IsValidCreditCode("91350100M000100Y4"));
  EXPECT_FALSE(IsValidCreditCode("91350100I000100Y43"));  // I is not in the alphabet
  EXPECT_EQ(NormalizeCreditCode(" 91350100m000100y43 "), "91350100M000100Y43");
}

}  // namespace
}  // namespace jianbao::members
