// Copyright 2026 The Jianbao Authors.
//
// The SLA clocks of a case (工信部令第35号): acceptance within 5 working days
// of receipt, the operator's reply within a configurable number of working
// days of forwarding (default 5), closure within 30 days of acceptance.
// Deadlines are Asia/Shanghai dates: a clock due on D is met by an action on D.
//
// Thread safety: pure functions; callable from any thread.

#ifndef JIANBAO_COMPLAINTS_SLA_H_
#define JIANBAO_COMPLAINTS_SLA_H_

#include <string>

#include "complaints/calendar.h"
#include "complaints/model.h"

namespace jianbao::complaints {

inline constexpr int kAcceptanceWorkingDays = 5;
inline constexpr int kDefaultReplyWorkingDays = 5;
inline constexpr int kClosureDays = 30;

// Returns the last day for deciding acceptance of a case received on `received_on`.
std::string AcceptanceDue(const WorkCalendar& cal, const std::string& received_on);
// Returns the last day for the operator's reply to a case forwarded on `forwarded_on`.
std::string ReplyDue(const WorkCalendar& cal, const std::string& forwarded_on, int working_days);
// Returns the last day for closing a case accepted (or reopened) on `accepted_on`.
std::string ClosureDue(const std::string& accepted_on);

// Fills c->clocks (acceptance, operator_reply, closure) and c->overdue as of
// `today` (YYYY-MM-DD) from the case's dates and deadlines.
void ComputeClocks(Complaint* c, const std::string& today);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_SLA_H_
