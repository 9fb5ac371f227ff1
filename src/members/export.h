// Copyright 2026 The Jianbao Authors.
//
// Member services as files and text: the reporting dashboard and the
// supplies ledger as .xlsx workbooks (libxlsxwriter), and the ledger's
// summary as a bulletin section (CommonMark, in Chinese like the bulletin).
// Pure functions over values; labels from the module's catalogue.

#ifndef JIANBAO_MEMBERS_EXPORT_H_
#define JIANBAO_MEMBERS_EXPORT_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "members/model.h"

namespace jianbao::members {

// Returns the dashboard as a workbook: a summary sheet (rates, by province,
// by sector) and one row per expected unit. kInternal when libxlsxwriter fails.
Result<std::string> DashboardXlsx(const Dashboard& d, const std::string& lang);

// Returns the transactions and the balances as a workbook of two sheets.
Result<std::string> LedgerXlsx(const std::vector<Transaction>& txs,
                               const std::vector<Balance>& balances, const std::string& year,
                               const std::string& lang);

// A bulletin section: its title and CommonMark body.
struct SupplySection {
  std::string title, body;
};
// Returns the summary as the bulletin's 防疫物资 section ("本年度共接收捐赠口罩…").
SupplySection SummarySection(const SupplySummary& summary);

// Returns the label of an item or unit code in `lang` (the code when unknown).
std::string ItemLabel(const std::string& item, const std::string& lang);
std::string UnitLabel(const std::string& unit, const std::string& lang);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_EXPORT_H_
