// Copyright 2026 The Jianbao Authors.
//
// The complaint desk's statistics and case list as an .xlsx workbook
// (libxlsxwriter, as the reporting module's export). The cases must already
// be masked: the export never carries a full name or phone number.

#ifndef JIANBAO_COMPLAINTS_EXPORT_H_
#define JIANBAO_COMPLAINTS_EXPORT_H_

#include <string>
#include <vector>

#include "complaints/model.h"
#include "core/status.h"

namespace jianbao::complaints {

// Returns a workbook with a statistics sheet (total, by category, operator,
// region) and a cases sheet, labels in `lang` ("en", else Chinese); kInternal
// when libxlsxwriter fails. REQUIRES: every case has personal_data_masked.
Result<std::string> StatsXlsx(const Stats& stats, const std::vector<Complaint>& cases,
                              const std::string& lang);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_EXPORT_H_
