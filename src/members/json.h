// Copyright 2026 The Jianbao Authors.
//
// The API forms of the member-services module: request readers (strict:
// known fields only, types and lengths checked, the offending field named)
// and JSON encoders. Semantic checks (known words, ranges, scope) are the
// service's.

#ifndef JIANBAO_MEMBERS_JSON_H_
#define JIANBAO_MEMBERS_JSON_H_

#include <string>

#include "core/status.h"
#include "http/json_io.h"
#include "members/model.h"
#include "members/service.h"

namespace jianbao::members {

using http::Json;

Result<ReportInput> ReadReportInput(const std::string& body);
Result<ScheduleInput> ReadScheduleInput(const std::string& body);
struct UnitsInput {
  std::vector<std::string> units;
  std::string from;
};
Result<UnitsInput> ReadUnitsInput(const std::string& body);
Result<FollowupAction> ReadFollowupAction(const std::string& body);
// Reads a ledger entry; "quantity" is a number > 0 with at most two decimals.
Result<TransactionInput> ReadTransactionInput(const std::string& body);

Json ReportJson(const Report& r);
Json ScheduleJson(const Schedule& s);
Json RateJson(const Rate& r);
Json DashboardJson(const Dashboard& d);
Json FollowupJson(const Followup& f);
Json TransactionJson(const Transaction& t);
Json BalanceJson(const Balance& b);
Json SummaryJson(const SupplySummary& s);
Json MemberJson(const Member& m);
// The import result; row error messages in `lang`.
Json ImportResultJson(const ImportResult& r, const std::string& lang);
// The localized message of one import error.
std::string ImportErrorMessage(const ImportError& e, const std::string& lang);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_JSON_H_
