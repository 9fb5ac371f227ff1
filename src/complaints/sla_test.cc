// Copyright 2026 The Jianbao Authors.

#include "complaints/sla.h"

#include <gtest/gtest.h>

#include "complaints/workflow.h"

namespace jianbao::complaints {
namespace {

Complaint Received(const std::string& on) {
  Complaint c;
  c.status = kReceived;
  c.received_on = on;
  c.accept_due = AcceptanceDue(WorkCalendar(ShippedCalendar()), on);
  return c;
}

TEST(SlaTest, AcceptanceClockAcrossTheSpringFestival) {
  Complaint c = Received("2020-01-23");
  EXPECT_EQ(c.accept_due, "2020-02-07");
  ComputeClocks(&c, "2020-02-07");
  EXPECT_EQ(c.clocks[0].state, "running");
  EXPECT_FALSE(c.overdue);
  ComputeClocks(&c, "2020-02-08");
  EXPECT_EQ(c.clocks[0].state, "overdue");
  EXPECT_TRUE(c.overdue);
  EXPECT_EQ(c.clocks[1].state, "pending");
  EXPECT_EQ(c.clocks[2].state, "pending");
}

TEST(SlaTest, ClocksStopWhenMetOrLate) {
  WorkCalendar cal(ShippedCalendar());
  Complaint c = Received("2020-01-23");
  c.status = kForwarded;
  c.accepted_on = "2020-02-10";  // after 7 February: late
  c.close_due = ClosureDue(c.accepted_on);
  c.forwarded_on = "2020-02-10";
  c.reply_due = ReplyDue(cal, c.forwarded_on, 5);
  EXPECT_EQ(c.close_due, "2020-03-11");
  EXPECT_EQ(c.reply_due, "2020-02-17");
  ComputeClocks(&c, "2020-02-12");
  EXPECT_EQ(c.clocks[0].state, "late");
  EXPECT_EQ(c.clocks[1].state, "running");
  EXPECT_EQ(c.clocks[2].state, "running");
  c.status = kReplied;
  c.replied_on = "2020-02-14";
  ComputeClocks(&c, "2020-02-20");
  EXPECT_EQ(c.clocks[1].state, "met");
  EXPECT_FALSE(c.overdue);
  c.status = kClosed;
  c.closed_on = "2020-03-20";
  ComputeClocks(&c, "2020-03-25");
  EXPECT_EQ(c.clocks[2].state, "late");
}

TEST(SlaTest, RefusalDecidesAcceptance) {
  Complaint c = Received("2026-12-07");
  c.status = kNotAccepted;
  c.finished_on = "2026-12-08";
  ComputeClocks(&c, "2026-12-30");
  EXPECT_EQ(c.clocks[0].state, "met");
  EXPECT_FALSE(c.overdue);
}

}  // namespace
}  // namespace jianbao::complaints
