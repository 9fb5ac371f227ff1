// Copyright 2026 The Jianbao Authors.

#include "complaints/stats.h"

#include <gtest/gtest.h>

#include "complaints/workflow.h"

namespace jianbao::complaints {
namespace {

Complaint Case(const std::string& kind, const std::string& status, const std::string& handling) {
  Complaint c;
  c.kind = kind;
  c.status = status;
  c.handling = handling;
  c.category = "billing";
  c.operator_code = "cmcc";
  c.region = "420000";
  c.received_on = "2020-03-01";
  c.accept_due = "2020-03-06";
  return c;
}

TEST(StatsTest, CountsEveryStep) {
  std::vector<Complaint> cases;
  cases.push_back(Case("consultation", kReceived, ""));  // overdue on 03-10
  Complaint closed = Case("complaint", kClosed, "forwarded");
  closed.accepted_on = "2020-03-02";
  closed.replied_on = "2020-03-04";
  closed.closed_on = "2020-03-11";
  closed.satisfaction = 4;
  cases.push_back(closed);
  Complaint direct = Case("complaint", kResolved, "direct");
  direct.accepted_on = "2020-03-02";
  direct.close_due = "2020-04-01";
  cases.push_back(direct);
  cases.push_back(Case("complaint", kMerged, ""));  // not counted
  Stats s = ComputeStats(cases, "2020-03-10");
  EXPECT_EQ(s.total.received, 3);
  EXPECT_EQ(s.total.consultations, 1);
  EXPECT_EQ(s.total.complaints, 2);
  EXPECT_EQ(s.total.accepted, 2);
  EXPECT_EQ(s.total.resolved_directly, 1);
  EXPECT_EQ(s.total.forwarded, 1);
  EXPECT_EQ(s.total.replied, 1);
  EXPECT_EQ(s.total.closed, 1);
  EXPECT_EQ(s.total.overdue, 1);
  EXPECT_DOUBLE_EQ(s.total.average_handling_days, 10.0);
  EXPECT_DOUBLE_EQ(s.total.satisfaction, 4.0);
  ASSERT_EQ(s.by_category.size(), 7u);
  EXPECT_EQ(s.by_category[0].key, "billing");
  EXPECT_EQ(s.by_category[0].received, 3);
  ASSERT_EQ(s.by_region.size(), 1u);
  EXPECT_EQ(s.by_operator[0].received, 3);
}

}  // namespace
}  // namespace jianbao::complaints
