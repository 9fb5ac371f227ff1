// Copyright 2026 The Jianbao Authors.

#include "members/periods.h"

#include "core/clock.h"

namespace jianbao::members {

int Weekday(int64_t day) {
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(((day + 3) % 7 + 7) % 7) + 1;
}

Result<PeriodCalendar> PeriodCalendar::Make(const std::string& kind, int weekday,
                                            const std::string& start, const std::string& deadline) {
  if (!clock::IsValidDate(start)) {
    return Status::Invalid("start", "invalid_date", "start: not a date YYYY-MM-DD");
  }
  const int64_t s = clock::DaysFromDate(start);
  if (kind == "daily") return PeriodCalendar(s, 1, true);
  if (kind == "weekly") {
    if (weekday < 1 || weekday > 7) {
      return Status::Invalid("weekday", "out_of_range", "weekday must be 1 (Monday) to 7");
    }
    const int64_t end = s + ((weekday - Weekday(s)) % 7 + 7) % 7;
    return PeriodCalendar(end - 6, 7, true);
  }
  if (kind == "once") {
    if (!clock::IsValidDate(deadline)) {
      return Status::Invalid("deadline", "invalid_date", "deadline: not a date YYYY-MM-DD");
    }
    const int64_t d = clock::DaysFromDate(deadline);
    if (d < s) return Status::Invalid("deadline", "deadline_before_start", "deadline before start");
    return PeriodCalendar(s, d - s + 1, false);
  }
  return Status::Invalid("kind", "invalid_schedule_kind", "kind must be daily, weekly or once");
}

std::optional<int64_t> PeriodCalendar::IndexOf(int64_t day) const {
  if (day < anchor_) return std::nullopt;
  const int64_t index = (day - anchor_) / length_;
  if (!repeats_ && index > 0) return std::nullopt;
  return index;
}

int64_t PeriodCalendar::DueUnix(int64_t index) const {
  return clock::ShanghaiDayEnd(clock::DateFromDays(EndOf(index)));
}

}  // namespace jianbao::members
