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
// Column labels in `lang` ("en", else Chinese) from the submissions catalogue.
std::string StatsCsv(const Stats& stats, const std::string& lang = "zh");

// Returns the same table as an .xlsx workbook, or kInternal when libxlsxwriter fails.
// The title, sheet name and labels are in `lang`.
Result<std::string> StatsXlsx(const Stats& stats, const std::string& lang = "zh");

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_EXPORT_H_
