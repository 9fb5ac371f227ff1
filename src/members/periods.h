// Copyright 2026 The Jianbao Authors.
//
// PeriodCalendar: the periods of a reporting schedule, as day numbers
// (clock::DaysFromDate). Pure arithmetic, no database.
//
//   daily            one period per day; due by the end of that day.
//   weekly, day W    seven-day periods ending on weekday W (1 = Monday);
//                    due by the end of that weekday. The first period is
//                    the one holding the schedule's start day.
//   once, deadline   one period from the start day to the deadline; due by
//                    the end of the deadline.
//
// A report counts for the period holding its date; it is on time when it
// arrived before the due day ended (Asia/Shanghai). Thread safety: a value.

#ifndef JIANBAO_MEMBERS_PERIODS_H_
#define JIANBAO_MEMBERS_PERIODS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/status.h"

namespace jianbao::members {

class PeriodCalendar {
 public:
  // Returns the calendar of a schedule, or kInvalidArgument naming the field:
  // "kind" (not daily|weekly|once), "weekday" (weekly without 1..7),
  // "start" / "deadline" (not a date; deadline before start).
  static Result<PeriodCalendar> Make(const std::string& kind, int weekday, const std::string& start,
                                     const std::string& deadline);

  // The first day of the first period, and each period's length in days.
  int64_t anchor() const { return anchor_; }
  int64_t length() const { return length_; }
  // Returns false for a one-off schedule (only period 0 exists).
  bool repeats() const { return repeats_; }

  // Returns the index of the period holding day `day`, or nullopt when the
  // day is before the first period or after the one-off's deadline.
  std::optional<int64_t> IndexOf(int64_t day) const;
  // Returns the first and last day of period `index` (REQUIRES: index >= 0).
  int64_t StartOf(int64_t index) const { return anchor_ + index * length_; }
  int64_t EndOf(int64_t index) const { return StartOf(index) + length_ - 1; }
  // Returns the Unix time at which period `index`'s due day ends: a report
  // received before it is on time.
  int64_t DueUnix(int64_t index) const;

 private:
  PeriodCalendar(int64_t anchor, int64_t length, bool repeats)
      : anchor_(anchor), length_(length), repeats_(repeats) {}
  int64_t anchor_;
  int64_t length_;
  bool repeats_;
};

// Returns the ISO weekday (1 = Monday … 7 = Sunday) of day number `day`.
int Weekday(int64_t day);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_PERIODS_H_
