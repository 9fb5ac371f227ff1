// Copyright 2026 The Jianbao Authors.
//
// The data of the print trend chart (chart.h) built from stored figures: for
// each day of a window, the mainland's new and current confirmed cases as the
// day JSON gives them (BuildDay: cumulative values summed from the provinces
// and current cases computed when not reported).

#ifndef JIANBAO_EPIDEMIC_TREND_H_
#define JIANBAO_EPIDEMIC_TREND_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "epidemic/chart.h"
#include "epidemic/model.h"

namespace jianbao::epidemic {

inline constexpr int kDefaultChartDays = 30;
inline constexpr int kMinChartDays = 2;
inline constexpr int kMaxChartDays = 366;

// Returns OK when kMinChartDays <= days <= kMaxChartDays, else InvalidArgument
// with field "days".
Status CheckChartDays(int days);

// Returns the first day of the window of `days` days ending at `date`.
// REQUIRES: `date` is a valid YYYY-MM-DD and days >= 1.
std::string ChartWindowStart(const std::string& date, int days);

// Returns "全国新增确诊病例和现有确诊病例（2月18日—3月18日）" for the window.
std::string TrendChartTitle(const std::string& first, const std::string& last);

// Builds the chart of the `days` days ending at `date` from `rows`, the stored
// rows of the window and of the day before it (any order, other days ignored).
// A day's new cases are the reported mainland new_confirmed or, when that is
// not reported, the rise of the mainland cum_confirmed since the day before
// (new_estimated; a fall — a write-off — is left out). Days without figures
// are points without values. REQUIRES: CheckChartDays(days).ok().
TrendChart BuildTrendChart(const std::string& date, int days, const std::vector<RegionDay>& rows);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_TREND_H_
