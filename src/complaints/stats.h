// Copyright 2026 The Jianbao Authors.
//
// Statistics of the complaint desk over a set of cases: received,
// consultations, complaints, accepted, not accepted, handled directly,
// forwarded, replied, closed, overdue, average handling days and satisfaction,
// in total and by category, operator and region. Merged duplicates are not
// counted. Pure functions; callable from any thread.

#ifndef JIANBAO_COMPLAINTS_STATS_H_
#define JIANBAO_COMPLAINTS_STATS_H_

#include <string>
#include <vector>

#include "complaints/model.h"

namespace jianbao::complaints {

// Returns the statistics of `cases` as of `today` (for the overdue count).
Stats ComputeStats(const std::vector<Complaint>& cases, const std::string& today);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_STATS_H_
