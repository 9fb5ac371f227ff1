// Copyright 2026 The Jianbao Authors.

#include "epidemic/trend.h"

#include <map>
#include <optional>

#include "core/clock.h"
#include "epidemic/day.h"

namespace jianbao::epidemic {
namespace {

// The mainland figures of each day that has rows, as the day JSON builds them.
std::map<std::string, FigureSet> MainlandByDay(const std::vector<RegionDay>& rows) {
  std::map<std::string, std::vector<RegionDay>> by_day;
  for (const RegionDay& row : rows) by_day[row.date].push_back(row);
  std::map<std::string, FigureSet> out;
  for (const auto& [date, day_rows] : by_day) {
    Day day = BuildDay(date, day_rows);
    if (day.mainland) out.emplace(date, *day.mainland);
  }
  return out;
}

std::optional<int64_t> Value(const std::map<std::string, FigureSet>& days, const std::string& date,
                             Field field) {
  auto it = days.find(date);
  return it == days.end() ? std::nullopt : it->second.get(field);
}

}  // namespace

Status CheckChartDays(int days) {
  if (days >= kMinChartDays && days <= kMaxChartDays) return Status::Ok();
  return Status::Invalid("days", "bad_days",
                         "days must be between " + std::to_string(kMinChartDays) + " and " +
                             std::to_string(kMaxChartDays));
}

std::string ChartWindowStart(const std::string& date, int days) {
  return clock::DateFromDays(clock::DaysFromDate(date) - (days - 1));
}

std::string TrendChartTitle(const std::string& first, const std::string& last) {
  return "全国新增确诊病例和现有确诊病例（" + ChineseMonthDay(first) + "—" + ChineseMonthDay(last) +
         "）";
}

TrendChart BuildTrendChart(const std::string& date, int days, const std::vector<RegionDay>& rows) {
  const std::map<std::string, FigureSet> mainland = MainlandByDay(rows);
  const int64_t last = clock::DaysFromDate(date);
  TrendChart chart{TrendChartTitle(ChartWindowStart(date, days), date), {}};
  for (int64_t d = last - (days - 1); d <= last; ++d) {
    TrendPoint p{clock::DateFromDays(d), std::nullopt, false, std::nullopt};
    p.current_confirmed = Value(mainland, p.date, Field::kCurrentConfirmed);
    p.new_confirmed = Value(mainland, p.date, Field::kNewConfirmed);
    if (!p.new_confirmed) {
      auto today = Value(mainland, p.date, Field::kCumConfirmed);
      auto before = Value(mainland, clock::DateFromDays(d - 1), Field::kCumConfirmed);
      if (today && before && *today >= *before) {
        p.new_confirmed = *today - *before;
        p.new_estimated = true;
      }
    }
    chart.points.push_back(std::move(p));
  }
  return chart;
}

}  // namespace jianbao::epidemic
