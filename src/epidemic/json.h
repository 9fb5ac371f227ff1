// Copyright 2026 The Jianbao Authors.
//
// JSON forms of the service's results, shared by the CLI and (later) the
// HTTP handlers. Day JSON is in day.h.

#ifndef JIANBAO_EPIDEMIC_JSON_H_
#define JIANBAO_EPIDEMIC_JSON_H_

#include <string>
#include <vector>

#include "epidemic/service.h"

namespace jianbao::epidemic {

// [{"date","region","rule","expected","actual","message","field","explained"}, ...]
std::string ViolationsToJson(const std::vector<Violation>& violations);
// [{"date","violations","unexplained","verified"}, ...]
std::string DayStatusesToJson(const std::vector<DayStatus>& days);
// [{"id","date","region","field","delta","reason","source"}, ...]
std::string CorrectionsToJson(const std::vector<Correction>& corrections);
// {"format","records","rows","changed","skipped","corrections_added"}
std::string ImportReportToJson(const ImportReport& report);
// [{"region","name","field","points":[{"date","value","derived"}]}, ...]
std::string SeriesToJson(const std::vector<Series>& series);
// [{"date","region", <reported fields>}, ...]
std::string RowsToJson(const std::vector<RegionDay>& rows);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_JSON_H_
