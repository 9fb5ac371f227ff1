// Copyright 2026 The Jianbao Authors.
//
// The information-reporting summary a bulletin can carry as a section
// (信息报送采用情况): how many pieces each organisation sent up and how many
// were adopted in a period, as a title and a CommonMark body with a table.
// Pure function over the statistics of service_stats.cc.

#ifndef JIANBAO_SUBMISSIONS_SUMMARY_H_
#define JIANBAO_SUBMISSIONS_SUMMARY_H_

#include <string>

#include "submissions/model.h"

namespace jianbao::submissions {

struct SummarySection {
  std::string title;  // "信息报送采用情况（3月1日—3月18日）"
  std::string body;   // CommonMark: one paragraph and, when anything was sent, a table
};

// Returns the section for `stats` (rows in rank order; organisations that
// neither sent nor had anything adopted are left out of the table).
SummarySection SummaryOf(const Stats& stats);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_SUMMARY_H_
