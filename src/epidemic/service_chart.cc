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
  n.body += (n.body.empty() ? "" : "\n\n") + image;
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
