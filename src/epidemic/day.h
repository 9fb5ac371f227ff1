// Copyright 2026 The Jianbao Authors.
//
// Day: everything the 疫情动态 section needs for one reporting day, and its
// JSON form (docs/epidemic.md, "Day JSON"). A section that is absent means
// "not reported that day"; so does an absent key inside a section.

#ifndef JIANBAO_EPIDEMIC_DAY_H_
#define JIANBAO_EPIDEMIC_DAY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "epidemic/model.h"

namespace jianbao::epidemic {

struct HkMacauTaiwanFigures {
  std::optional<int64_t> confirmed;   // cumulative
  std::optional<int64_t> discharged;  // cumulative
  std::optional<int64_t> deaths;      // cumulative
};

struct ImportedFigures {
  std::optional<int64_t> new_confirmed;
  std::optional<int64_t> cum_confirmed;
  std::map<std::string, int64_t> new_by_region;  // province code -> new imported cases
};

struct Day {
  std::string date;  // "YYYY-MM-DD"
  // The 31 provinces and XPCC. Imported fields live in `imported`, not here.
  std::optional<FigureSet> mainland;
  std::map<std::string, int64_t> new_deaths_by_region;  // province code -> new deaths
  std::optional<FigureSet> hubei;
  std::optional<FigureSet> wuhan;  // shown inside "hubei" in JSON
  std::optional<ImportedFigures> imported;
  std::map<std::string, HkMacauTaiwanFigures> hk_macau_taiwan;  // 810000, 820000, 710000
  // Keys that were not reported but filled in when the day was built from
  // stored figures ("mainland.cum_confirmed": sum of the provinces;
  // "mainland.current_confirmed": cum_confirmed - cum_cured - cum_deaths).
  std::vector<std::string> derived;
};

// Returns the day as pretty-printed JSON (2-space indent, keys in the order of
// docs/epidemic.md).
std::string DayToJson(const Day& day);

// Parses a day from JSON. Returns InvalidArgument naming the bad key (field()
// holds its path, e.g. "mainland.new_confirmed") on unknown keys, non-integer
// values, a bad date or region code.
Result<Day> DayFromJson(std::string_view json);

// Builds the day `date` from the stored rows of that date (any order). Missing
// mainland cumulative values are summed from the 31 provinces and XPCC, and a
// missing current_confirmed is computed; both are listed in Day::derived.
Day BuildDay(const std::string& date, const std::vector<RegionDay>& rows);

// Returns the rows that store `day`: the inverse of BuildDay (derived keys are not stored).
std::vector<RegionDay> DayToRows(const Day& day);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_DAY_H_
