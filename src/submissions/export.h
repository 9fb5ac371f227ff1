// Copyright 2026 The Jianbao Authors.
//
// Statistics as files: CSV (UTF-8 with BOM, so that Excel and WPS read the
// Chinese headers) and .xlsx (libxlsxwriter). Pure functions over values.

#ifndef JIANBAO_SUBMISSIONS_EXPORT_H_
#define JIANBAO_SUBMISSIONS_EXPORT_H_

#include <string>

#include "core/status.h"
#include "submissions/model.h"

namespace jianbao::submissions {

// Returns the statistics table as CSV: rank, org code, org, submitted, adopted,
// rate (percent, one decimal), commissioned, on time, late; then a total row.
std::string StatsCsv(const Stats& stats);

// Returns the same table as an .xlsx workbook, or kInternal when libxlsxwriter fails.
Result<std::string> StatsXlsx(const Stats& stats);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_EXPORT_H_
