// Copyright 2026 The Jianbao Authors.

#include "complaints/sla.h"

#include "complaints/workflow.h"
#include "core/clock.h"

namespace jianbao::complaints {

std::string AcceptanceDue(const WorkCalendar& cal, const std::string& received_on) {
  return cal.AddWorkingDays(received_on, kAcceptanceWorkingDays);
}

std::string ReplyDue(const WorkCalendar& cal, const std::string& forwarded_on, int working_days) {
  return cal.AddWorkingDays(forwarded_on, working_days < 1 ? 1 : working_days);
}

std::string ClosureDue(const std::string& accepted_on) {
  return clock::DateFromDays(clock::DaysFromDate(accepted_on) + kClosureDays);
}

namespace {

SlaClock Clock(const std::string& name, const std::string& due, const std::string& done,
               bool stopped, const std::string& today) {
  SlaClock k{name, due, done, ""};
  if (due.empty()) {
    k.state = "pending";
  } else if (!done.empty()) {
    k.state = done > due ? "late" : "met";
  } else if (stopped) {
    k.state = "stopped";
  } else {
    k.state = today > due ? "overdue" : "running";
  }
  return k;
}

}  // namespace

void ComputeClocks(Complaint* c, const std::string& today) {
  const bool final_state = IsFinal(c->status);
  // Acceptance is decided by accepting or refusing.
  std::string decided = c->accepted_on;
  if (decided.empty() && c->status == kNotAccepted) decided = c->finished_on;
  const bool merged = c->status == kMerged;
  c->clocks = {
      Clock("acceptance", c->accept_due, decided, merged, today),
      Clock("operator_reply", c->reply_due, c->replied_on, final_state, today),
      Clock("closure", c->close_due, c->status == kClosed ? c->closed_on : "",
            final_state && c->status != kClosed, today),
  };
  c->overdue = false;
  for (const SlaClock& k : c->clocks) c->overdue = c->overdue || k.state == "overdue";
}

}  // namespace jianbao::complaints
