// Copyright 2026 The Jianbao Authors.

#include "core/clock.h"

#include <gtest/gtest.h>

namespace jianbao::clock {
namespace {

TEST(ClockTest, Dates) {
  EXPECT_TRUE(IsValidDate("2020-03-18"));
  EXPECT_TRUE(IsValidDate("2020-02-29"));
  EXPECT_FALSE(IsValidDate("2019-02-29"));
  EXPECT_FALSE(IsValidDate("2020-13-01"));
  EXPECT_FALSE(IsValidDate("2020-3-18"));
  EXPECT_FALSE(IsValidDate("abcd-ef-gh"));
  EXPECT_EQ(DateFromDays(DaysFromDate("2020-03-18") + 1), "2020-03-19");
  EXPECT_EQ(DateFromDays(DaysFromDate("2020-02-28") + 1), "2020-02-29");
}

TEST(ClockTest, Iso) {
  EXPECT_EQ(FormatIso(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso(1584576000), "2020-03-19T00:00:00Z");
  EXPECT_EQ(NowIso().size(), 20u);
}

TEST(ClockTest, ShanghaiDayBoundsAreUtcPlusEight) {
  // 2020-03-19 00:00 in Shanghai is 2020-03-18 16:00 UTC.
  EXPECT_EQ(FormatIso(ShanghaiDayStart("2020-03-19")), "2020-03-18T16:00:00Z");
  EXPECT_EQ(FormatIso(ShanghaiDayEnd("2020-03-19")), "2020-03-19T16:00:00Z");
  EXPECT_EQ(ShanghaiDate(ShanghaiDayStart("2020-03-19")), "2020-03-19");
  EXPECT_EQ(ShanghaiDate(ShanghaiDayEnd("2020-03-19") - 1), "2020-03-19");
  EXPECT_EQ(ShanghaiDate(0), "1970-01-01");
}

}  // namespace
}  // namespace jianbao::clock
