// Copyright 2026 The Jianbao Authors.

#include "complaints/calendar.h"

#include "core/clock.h"

namespace jianbao::complaints {
namespace {

// Returns true for Saturday and Sunday (1970-01-01 was a Thursday).
bool IsWeekend(const std::string& date) {
  const int64_t weekday = ((clock::DaysFromDate(date) % 7) + 7 + 4) % 7;  // 0 = Sunday
  return weekday == 0 || weekday == 6;
}

std::string AddDays(const std::string& date, int64_t n) {
  return clock::DateFromDays(clock::DaysFromDate(date) + n);
}

}  // namespace

WorkCalendar::WorkCalendar(const std::vector<CalendarDay>& days) {
  for (const CalendarDay& d : days) {
    if (!clock::IsValidDate(d.date) || !IsCalendarKind(d.kind)) continue;
    exceptions_[d.date] = d.kind == "workday";
  }
}

bool WorkCalendar::IsWorkingDay(const std::string& date) const {
  auto it = exceptions_.find(date);
  if (it != exceptions_.end()) return it->second;
  return !IsWeekend(date);
}

std::string WorkCalendar::AddWorkingDays(const std::string& date, int n) const {
  std::string d = date;
  int counted = 0;
  while (counted < n) {
    d = AddDays(d, 1);
    if (IsWorkingDay(d)) ++counted;
  }
  return d;
}

std::string WorkCalendar::PreviousWorkingDay(const std::string& date) const {
  std::string d = AddDays(date, -1);
  // A calendar cannot hold a year without working days; 60 steps bound a bad table.
  for (int i = 0; i < 60 && !IsWorkingDay(d); ++i) d = AddDays(d, -1);
  return d;
}

int WorkCalendar::WorkingDaysBetween(const std::string& from, const std::string& to) const {
  int n = 0;
  const int64_t end = clock::DaysFromDate(to);
  for (int64_t day = clock::DaysFromDate(from) + 1; day <= end; ++day) {
    if (IsWorkingDay(clock::DateFromDays(day))) ++n;
  }
  return n;
}

bool IsCalendarKind(const std::string& kind) { return kind == "holiday" || kind == "workday"; }

const std::vector<CalendarDay>& ShippedCalendar() {
  static const std::vector<CalendarDay> kDays = [] {
    std::vector<CalendarDay> out;
    auto off = [&out](const std::string& from, int days, const std::string& name) {
      for (int i = 0; i < days; ++i) {
        const std::string d = AddDays(from, i);
        if (!IsWeekend(d)) out.push_back({d, "holiday", name});
      }
    };
    auto work = [&out](const std::string& d, const std::string& name) {
      out.push_back({d, "workday", name});
    };
    // 2020: 国办发明电〔2019〕16号; Spring Festival extended by 国办发明电〔2020〕1号,
    // which also cancelled the make-up working day of Saturday 1 February.
    off("2020-01-01", 1, "元旦");
    work("2020-01-19", "春节调休");
    off("2020-01-24", 10, "春节（延长至2月2日）");
    off("2020-04-04", 3, "清明节");
    work("2020-04-26", "劳动节调休");
    off("2020-05-01", 5, "劳动节");
    work("2020-05-09", "劳动节调休");
    off("2020-06-25", 3, "端午节");
    work("2020-06-28", "端午节调休");
    work("2020-09-27", "国庆节调休");
    off("2020-10-01", 8, "国庆节、中秋节");
    work("2020-10-10", "国庆节调休");
    // 2026: 国办发明电〔2025〕7号.
    off("2026-01-01", 3, "元旦");
    work("2026-01-04", "元旦调休");
    work("2026-02-14", "春节调休");
    off("2026-02-15", 9, "春节");
    work("2026-02-28", "春节调休");
    off("2026-04-04", 3, "清明节");
    off("2026-05-01", 5, "劳动节");
    work("2026-05-09", "劳动节调休");
    off("2026-06-19", 3, "端午节");
    work("2026-09-20", "国庆节调休");
    off("2026-09-25", 3, "中秋节");
    off("2026-10-01", 7, "国庆节");
    work("2026-10-10", "国庆节调休");
    return out;
  }();
  return kDays;
}

}  // namespace jianbao::complaints
