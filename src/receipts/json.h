// Copyright 2026 The Jianbao Authors.
//
// The receipts as JSON, the same for bulletins and notices (docs/api.md).

#ifndef JIANBAO_RECEIPTS_JSON_H_
#define JIANBAO_RECEIPTS_JSON_H_

#include <nlohmann/json.hpp>

#include "receipts/receipts.h"

namespace jianbao::receipts {

// {"org": {"code","name"}, "external", "delivery", "state", "people", "read",
//  "acknowledged", "read_at", "acknowledged_at", "reminders", "last_reminded_at",
//  "can_remind_at"} (times null when none).
nlohmann::json UnitJson(const Unit& u);
// {"user_id","login","name","org":{"code","name"},"delivered_at","read_at","acknowledged_at"}.
nlohmann::json PersonJson(const Person& p);
// {"total","read","acknowledged","external"}: the unit counts.
nlohmann::json UnitCountsJson(const Summary& s);
// {"units": [UnitJson], "unit_counts": UnitCountsJson}.
nlohmann::json UnitsJson(const Summary& s);
// {"reminded": [codes], "notified", "emailed"}.
nlohmann::json RemindResultJson(const RemindResult& r);
// Reads {"units": ["code", …]} (a missing body or key = every unit not
// acknowledged). kInvalidArgument "units" when it is not a list of strings.
Result<std::vector<std::string>> ReadRemindUnits(const std::string& body);

}  // namespace jianbao::receipts

#endif  // JIANBAO_RECEIPTS_JSON_H_
