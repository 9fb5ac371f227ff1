// Copyright 2026 The Jianbao Authors.
//
// WorkCalendar: which days are working days in mainland China. Monday to
// Friday work and weekends are off, except for the days the holiday table
// lists: public holidays that fall on weekdays ("holiday") and the weekend
// days that are worked in exchange (调休, "workday"). The table is data:
// ShippedCalendar() holds 2020 and 2026 as the State Council announced them,
// the migration stores it, and an admin edits it (ComplaintService).
//
// Thread safety: a WorkCalendar is immutable after construction; const
// methods may be called from any thread.

#ifndef JIANBAO_COMPLAINTS_CALENDAR_H_
#define JIANBAO_COMPLAINTS_CALENDAR_H_

#include <map>
#include <string>
#include <vector>

#include "complaints/model.h"

namespace jianbao::complaints {

class WorkCalendar {
 public:
  // Builds a calendar from the table's exceptions. Entries with an invalid
  // date or kind are ignored.
  explicit WorkCalendar(const std::vector<CalendarDay>& days = {});

  // Returns true when `date` (YYYY-MM-DD) is a working day. REQUIRES: a valid date.
  bool IsWorkingDay(const std::string& date) const;
  // Returns the `n`-th working day after `date` (n ≥ 1): a case received on a
  // Thursday with n = 5 is due on the next Thursday when no holiday falls between.
  // REQUIRES: a valid date, n ≥ 1.
  std::string AddWorkingDays(const std::string& date, int n) const;
  // Returns the last working day before `date`. REQUIRES: a valid date.
  std::string PreviousWorkingDay(const std::string& date) const;
  // Returns the number of working days after `from` up to and including `to`
  // (0 when to ≤ from). REQUIRES: valid dates.
  int WorkingDaysBetween(const std::string& from, const std::string& to) const;

 private:
  std::map<std::string, bool> exceptions_;  // date → is a working day
};

// Returns true for "holiday" and "workday".
bool IsCalendarKind(const std::string& kind);

// Returns the shipped holiday table: 2020 (国办发明电〔2019〕16号, with the
// Spring Festival holiday extended to 2 February by 国办发明电〔2020〕1号) and
// 2026 (国办发明电〔2025〕7号).
const std::vector<CalendarDay>& ShippedCalendar();

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_CALENDAR_H_
