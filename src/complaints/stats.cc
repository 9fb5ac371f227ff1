// Copyright 2026 The Jianbao Authors.

#include "complaints/stats.h"

#include <map>

#include "complaints/options.h"
#include "complaints/sla.h"
#include "complaints/workflow.h"
#include "core/clock.h"

namespace jianbao::complaints {
namespace {

struct Acc {
  StatsRow row;
  int64_t handling_days = 0, satisfaction_sum = 0;
};

void Add(Acc* a, const Complaint& c, const std::string& today) {
  StatsRow& r = a->row;
  ++r.received;
  if (c.kind == kKindConsultation) ++r.consultations;
  if (c.kind == kKindComplaint) ++r.complaints;
  if (!c.accepted_on.empty()) ++r.accepted;
  if (c.status == kNotAccepted) ++r.not_accepted;
  if (c.handling == "direct") ++r.resolved_directly;
  if (c.handling == "forwarded") ++r.forwarded;
  if (!c.replied_on.empty()) ++r.replied;
  if (c.status == kClosed) {
    ++r.closed;
    a->handling_days += clock::DaysFromDate(c.closed_on) - clock::DaysFromDate(c.received_on);
    if (c.satisfaction > 0) {
      ++r.satisfaction_count;
      a->satisfaction_sum += c.satisfaction;
    }
  }
  Complaint copy = c;
  ComputeClocks(&copy, today);
  if (copy.overdue) ++r.overdue;
}

StatsRow Finish(Acc a, const std::string& key) {
  a.row.key = key;
  if (a.row.closed > 0) {
    a.row.average_handling_days = static_cast<double>(a.handling_days) / a.row.closed;
  }
  if (a.row.satisfaction_count > 0) {
    a.row.satisfaction = static_cast<double>(a.satisfaction_sum) / a.row.satisfaction_count;
  }
  return a.row;
}

std::vector<StatsRow> Rows(const std::map<std::string, Acc>& by,
                           const std::vector<std::string>& order) {
  std::vector<StatsRow> out;
  for (const std::string& key : order) {
    auto it = by.find(key);
    out.push_back(it == by.end() ? Finish(Acc{}, key) : Finish(it->second, key));
  }
  return out;
}

}  // namespace

Stats ComputeStats(const std::vector<Complaint>& cases, const std::string& today) {
  Acc total;
  std::map<std::string, Acc> by_category, by_operator, by_region;
  for (const Complaint& c : cases) {
    if (c.status == kMerged) continue;
    Add(&total, c, today);
    Add(&by_category[c.category], c, today);
    Add(&by_operator[c.operator_code], c, today);
    Add(&by_region[c.region], c, today);
  }
  Stats s;
  s.total = Finish(total, "");
  s.by_category = Rows(by_category, Categories());
  s.by_operator = Rows(by_operator, Operators());
  std::vector<std::string> regions;
  for (const auto& [code, acc] : by_region) regions.push_back(code);
  s.by_region = Rows(by_region, regions);
  return s;
}

}  // namespace jianbao::complaints
