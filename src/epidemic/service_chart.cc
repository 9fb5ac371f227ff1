// Copyright 2026 The Jianbao Authors.
//
// EpidemicService: the narrative and its print trend chart.

#include <algorithm>

#include "core/clock.h"
#include "epidemic/service.h"

namespace jianbao::epidemic {

Result<Narrative> EpidemicService::NarrativeFor(const std::string& date,
                                                std::string_view template_text,
                                                const NarrativeOptions& options) {
  JB_ASSIGN_OR_RETURN(Day day, GetDay(date));
  JB_ASSIGN_OR_RETURN(
      Narrative n, RenderNarrative(day, template_text.empty() ? DefaultTemplate() : template_text));
  if (!options.chart) return n;
  JB_ASSIGN_OR_RETURN(std::string image, TrendChartMarkdown(date, options.chart_days));
  // The chart goes with the figures: before a closing source note "（信息来自…）".
  std::string body = n.body;
  while (!body.empty() && body.back() == '\n') body.pop_back();
  const size_t last = body.rfind("\n\n");
  const std::string tail = body.substr(last == std::string::npos ? 0 : last + 2);
  const bool source_note = tail.rfind("（", 0) == 0 && tail.size() >= 3 &&
                           tail.compare(tail.size() - 3, 3, "）") == 0;
  if (source_note && last != std::string::npos) {
    n.body = body.substr(0, last) + "\n\n" + image + "\n\n" + tail + "\n";
  } else {
    n.body += (n.body.empty() ? "" : "\n\n") + image;
  }
  return n;
}

Result<TrendChart> EpidemicService::TrendChartFor(const std::string& date, int days) {
  if (date.empty()) return Status::Invalid("date", "required", "date is required");
  if (!clock::IsValidDate(date)) {
    return Status::Invalid("date", "bad_date", "date: not a date YYYY-MM-DD: \"" + date + "\"");
  }
  JB_RETURN_IF_ERROR(CheckChartDays(days));
  // One day more than the window: the first day's new cases may be estimated.
  JB_ASSIGN_OR_RETURN(std::vector<RegionDay> rows, Load(ChartWindowStart(date, days + 1), date));
  if (std::none_of(rows.begin(), rows.end(), [&](const RegionDay& r) { return r.date == date; })) {
    return Status::NotFound("day_not_found", "no figures stored for " + date);
  }
  return BuildTrendChart(date, days, rows);
}

Result<std::string> EpidemicService::TrendChartPng(const std::string& date, int days) {
  JB_ASSIGN_OR_RETURN(TrendChart chart, TrendChartFor(date, days));
  return RenderTrendChartPng(chart);
}

Result<std::string> EpidemicService::TrendChartMarkdown(const std::string& date, int days) {
  JB_ASSIGN_OR_RETURN(TrendChart chart, TrendChartFor(date, days));
  JB_ASSIGN_OR_RETURN(std::string png, RenderTrendChartPng(chart));
  return PngMarkdownImage(chart.title, png);
}

}  // namespace jianbao::epidemic
