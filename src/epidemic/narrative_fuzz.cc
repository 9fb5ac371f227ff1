// Copyright 2026 The Jianbao Authors.
//
// Fuzzes the narrative template engine: any template gives a narrative or a
// Status, in bounded time and memory (issue 11: nested sections over a
// three-item list once rendered 3^15 times). The day has lists of one to
// five items so that nesting multiplies.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "epidemic/day.h"
#include "epidemic/narrative.h"

namespace {

constexpr char kDayJson[] = R"json({
  "date": "2021-05-06",
  "mainland": { "new_confirmed": 12, "new_deaths": 5,
                "new_deaths_by_region": {"420000": 2, "440000": 1, "310000": 1, "110000": 1},
                "new_suspected": 3, "new_cured": 40, "severe_change": 7, "current_confirmed": 300,
                "current_severe": 20, "cum_cured": 9000, "cum_deaths": 100, "cum_confirmed": 9400 },
  "hubei": { "new_confirmed": 1, "new_cured": 10, "new_deaths": 2, "current_confirmed": 50,
             "wuhan": { "new_confirmed": 1, "new_cured": 8, "new_deaths": 1 } },
  "imported": { "new_confirmed": 6, "cum_confirmed": 60,
                "new_by_region": {"110000": 2, "440000": 1, "310000": 1, "230000": 1, "330000": 1} },
  "hk_macau_taiwan": { "810000": {"confirmed": 20, "discharged": 5, "deaths": 1},
                       "820000": {"confirmed": 3, "discharged": 1, "deaths": 0},
                       "710000": {"confirmed": 9, "discharged": 2, "deaths": 0} }
})json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const jianbao::epidemic::Day day = [] {
    auto d = jianbao::epidemic::DayFromJson(kDayJson);
    if (!d.ok()) std::abort();  // the fixture itself is wrong
    return d.value();
  }();
  std::string_view tmpl(reinterpret_cast<const char*>(data), size);
  auto n = jianbao::epidemic::RenderNarrative(day, tmpl);
  if (n.ok()) (void)n->Text();
  return 0;
}
