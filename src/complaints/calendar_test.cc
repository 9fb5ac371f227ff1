// Copyright 2026 The Jianbao Authors.

#include "complaints/calendar.h"

#include <gtest/gtest.h>

namespace jianbao::complaints {
namespace {

TEST(CalendarTest, WeekendsWithoutTable) {
  WorkCalendar cal;
  EXPECT_TRUE(cal.IsWorkingDay("2026-12-07"));                   // Monday
  EXPECT_FALSE(cal.IsWorkingDay("2026-12-12"));                  // Saturday
  EXPECT_FALSE(cal.IsWorkingDay("2026-12-13"));                  // Sunday
  EXPECT_EQ(cal.AddWorkingDays("2026-12-10", 5), "2026-12-17");  // Thursday → Thursday
  EXPECT_EQ(cal.PreviousWorkingDay("2026-12-14"), "2026-12-11");
}

TEST(CalendarTest, SpringFestival2020ExtendedForTheEpidemic) {
  WorkCalendar cal(ShippedCalendar());
  EXPECT_TRUE(cal.IsWorkingDay("2020-01-19"));  // Sunday worked (调休)
  EXPECT_TRUE(cal.IsWorkingDay("2020-01-23"));
  EXPECT_FALSE(cal.IsWorkingDay("2020-01-24"));  // 除夕
  EXPECT_FALSE(cal.IsWorkingDay("2020-01-31"));  // extended holiday
  EXPECT_FALSE(cal.IsWorkingDay("2020-02-01"));  // the make-up Saturday was cancelled
  EXPECT_TRUE(cal.IsWorkingDay("2020-02-03"));
  // Received on 23 January 2020, the day before the holiday: the five working
  // days are 3–7 February.
  EXPECT_EQ(cal.AddWorkingDays("2020-01-23", 5), "2020-02-07");
  EXPECT_EQ(cal.AddWorkingDays("2020-01-23", 1), "2020-02-03");
  EXPECT_EQ(cal.PreviousWorkingDay("2020-02-03"), "2020-01-23");
  EXPECT_EQ(cal.WorkingDaysBetween("2020-01-23", "2020-02-07"), 5);
}

TEST(CalendarTest, Year2026) {
  WorkCalendar cal(ShippedCalendar());
  EXPECT_FALSE(cal.IsWorkingDay("2026-01-02"));
  EXPECT_TRUE(cal.IsWorkingDay("2026-01-04"));   // Sunday worked
  EXPECT_TRUE(cal.IsWorkingDay("2026-02-14"));   // Saturday worked
  EXPECT_FALSE(cal.IsWorkingDay("2026-02-23"));  // last day of the Spring Festival
  EXPECT_EQ(cal.AddWorkingDays("2026-02-12", 5), "2026-02-26");
  EXPECT_FALSE(cal.IsWorkingDay("2026-10-07"));
  EXPECT_TRUE(cal.IsWorkingDay("2026-10-10"));
}

TEST(CalendarTest, TableEntriesOverrideWeekdays) {
  WorkCalendar cal({{"2026-12-08", "holiday", "test"},
                    {"2026-12-12", "workday", "test"},
                    {"bad", "holiday", ""},
                    {"2026-12-09", "nonsense", ""}});
  EXPECT_FALSE(cal.IsWorkingDay("2026-12-08"));
  EXPECT_TRUE(cal.IsWorkingDay("2026-12-12"));
  EXPECT_TRUE(cal.IsWorkingDay("2026-12-09"));
}

}  // namespace
}  // namespace jianbao::complaints
