// Copyright 2026 The Jianbao Authors.
//
// The print trend chart of the 疫情动态 section: mainland new confirmed cases
// per day (bars, left axis) and current confirmed cases (line, right axis)
// over a window of days, drawn with Cairo and Pango (Chinese labels) into a
// PNG for the bulletin's PDF. trend.h builds the data from stored figures.

#ifndef JIANBAO_EPIDEMIC_CHART_H_
#define JIANBAO_EPIDEMIC_CHART_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace jianbao::epidemic {

// The printed size and resolution: the bulletin's text width.
inline constexpr double kChartWidthCm = 15.6;
inline constexpr double kChartHeightCm = 7.0;
inline constexpr double kChartDpi = 300;
// The labels' font (fontconfig name).
inline constexpr char kChartFont[] = "Noto Sans CJK SC";

// One day of the trend chart; an unset value is not drawn.
struct TrendPoint {
  std::string date;  // "YYYY-MM-DD"
  std::optional<int64_t> new_confirmed;
  // True when new_confirmed is not reported but the rise of the cumulative
  // count since the day before (drawn lighter, named so in the legend).
  bool new_estimated = false;
  std::optional<int64_t> current_confirmed;
};

struct TrendChart {
  std::string title;               // drawn above the plot
  std::vector<TrendPoint> points;  // one per day, oldest first
};

// Returns `chart` drawn as a PNG of kChartWidthCm x kChartHeightCm at
// kChartDpi (1843 x 827 pixels): title, legend, bars, line, both axes with
// Chinese titles and date ticks "3月1日". Returns InvalidArgument when
// `chart` has no points, Internal when Cairo fails.
Result<std::string> RenderTrendChartPng(const TrendChart& chart);

// Returns "3月1日" for "2020-03-01". REQUIRES: `date` is a valid YYYY-MM-DD.
std::string ChineseMonthDay(const std::string& date);

// Returns a Markdown image of `png` inlined as a data URI:
// "![caption](data:image/png;base64,…)". `caption` must not contain "]".
std::string PngMarkdownImage(const std::string& caption, const std::string& png);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_CHART_H_
