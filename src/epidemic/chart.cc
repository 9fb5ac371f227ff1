// Copyright 2026 The Jianbao Authors.
//
// Layout of the trend chart, in points: title and legend on top, the axes'
// titles above the plot, counts left (new, bars) and right (current, line)
// sharing the grid lines, date ticks below.

#include "epidemic/chart.h"

#include <algorithm>
#include <cmath>

#include "core/bytes.h"
#include "epidemic/chart_canvas.h"

namespace jianbao::epidemic {
namespace {

constexpr double kPointsPerCm = 72.0 / 2.54;
constexpr double kMargin = 8;
constexpr double kPlotTop = 50;
constexpr double kPlotBottomGap = 20;  // below the plot: date labels
constexpr int kTargetIntervals = 5;

constexpr Rgb kText{0.2, 0.2, 0.2};
constexpr Rgb kMuted{0.4, 0.4, 0.4};
constexpr Rgb kGrid{0.88, 0.88, 0.88};
constexpr Rgb kAxis{0.45, 0.45, 0.45};
constexpr Rgb kNewColor{0.80, 0.20, 0.18};
constexpr Rgb kEstimatedColor{0.94, 0.64, 0.62};
constexpr Rgb kCurrentColor{0.12, 0.30, 0.55};

const TextStyle kTitleStyle{9, true, kText};
const TextStyle kLabelStyle{6.5, false, kMuted};
const TextStyle kLegendStyle{6.5, false, kText};

struct Frame {
  double left = 0, top = 0, right = 0, bottom = 0;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
};

// A linear axis from 0 to step * intervals.
struct Scale {
  int64_t step = 1;
  int intervals = 1;
  double max() const { return static_cast<double>(step) * intervals; }
};

// Returns a step of 1, 2 or 5 times a power of ten that splits [0, max] into
// about `target` intervals.
int64_t NiceStep(int64_t max, int target) {
  if (max <= target) return 1;
  const double raw = static_cast<double>(max) / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return std::max<int64_t>(1, std::llround(nice * magnitude));
}

int Intervals(int64_t max, int64_t step) {
  return static_cast<int>(std::max<int64_t>(1, (max + step - 1) / step));
}

// Both axes get the same number of intervals so that they share grid lines.
void MakeScales(const TrendChart& chart, Scale* left, Scale* right) {
  int64_t max_new = 0, max_current = 0;
  for (const TrendPoint& p : chart.points) {
    max_new = std::max(max_new, p.new_confirmed.value_or(0));
    max_current = std::max(max_current, p.current_confirmed.value_or(0));
  }
  left->step = NiceStep(max_new, kTargetIntervals);
  right->step = NiceStep(max_current, kTargetIntervals);
  const int n = std::max(Intervals(max_new, left->step), Intervals(max_current, right->step));
  left->intervals = right->intervals = n;
}

double TextWidth(const ChartCanvas& c, const std::string& text, const TextStyle& style) {
  double w = 0, h = 0;
  c.MeasureText(text, style, &w, &h);
  return w;
}

double WidestTick(const ChartCanvas& c, const Scale& s) {
  double widest = 0;
  for (int i = 0; i <= s.intervals; ++i) {
    widest = std::max(widest, TextWidth(c, std::to_string(s.step * i), kLabelStyle));
  }
  return widest;
}

double Y(const Frame& f, const Scale& s, int64_t v) {
  return f.bottom - f.height() * static_cast<double>(v) / s.max();
}

double SlotX(const Frame& f, size_t n, size_t i) {
  return f.left + f.width() * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
}

// Names the kinds of bars that the chart has, and the line.
void DrawLegend(ChartCanvas& c, const std::vector<TrendPoint>& points) {
  struct Item {
    std::string label;
    Rgb color;
    bool line;
  };
  auto any = [&](bool estimated) {
    return std::any_of(points.begin(), points.end(), [&](const TrendPoint& p) {
      return p.new_confirmed && p.new_estimated == estimated;
    });
  };
  std::vector<Item> items;
  if (any(false)) items.push_back({"新增确诊病例（左轴）", kNewColor, false});
  if (any(true)) items.push_back({"新增确诊（据累计数推算，左轴）", kEstimatedColor, false});
  items.push_back({"现有确诊病例（右轴）", kCurrentColor, true});
  constexpr double kSwatch = 9, kGap = 3, kSpacing = 12, kY = 28;
  double total = 0;
  for (const Item& it : items) total += kSwatch + kGap + TextWidth(c, it.label, kLegendStyle);
  total += kSpacing * static_cast<double>(items.size() - 1);
  double x = (c.width() - total) / 2;
  for (const Item& it : items) {
    if (it.line) {
      c.DrawLine(x, kY, x + kSwatch, kY, it.color, 1.2);
      c.FillCircle(x + kSwatch / 2, kY, 1.6, it.color);
    } else {
      c.FillRect(x, kY - 2.5, kSwatch, 5, it.color);
    }
    x += kSwatch + kGap;
    c.DrawText(it.label, x, kY, kLegendStyle, {Align::kStart, Align::kCenter});
    x += TextWidth(c, it.label, kLegendStyle) + kSpacing;
  }
}

void DrawGrid(ChartCanvas& c, const Frame& f, const Scale& left, const Scale& right) {
  for (int i = 0; i <= left.intervals; ++i) {
    const double y = Y(f, left, left.step * i);
    c.DrawLine(f.left, y, f.right, y, i == 0 ? kAxis : kGrid, i == 0 ? 0.6 : 0.4);
    c.DrawText(std::to_string(left.step * i), f.left - 3, y, kLabelStyle,
               {Align::kEnd, Align::kCenter});
    c.DrawText(std::to_string(right.step * i), f.right + 3, y, kLabelStyle,
               {Align::kStart, Align::kCenter});
  }
  const double title_y = f.top - 5;
  c.DrawText("新增确诊（例）", kMargin, title_y, kLabelStyle, {Align::kStart, Align::kEnd});
  c.DrawText("现有确诊（例）", c.width() - kMargin, title_y, kLabelStyle,
             {Align::kEnd, Align::kEnd});
}

// Labels every k-th day so that labels do not touch; the last day always.
void DrawDateAxis(ChartCanvas& c, const Frame& f, const std::vector<TrendPoint>& points) {
  const size_t n = points.size();
  const double slot = f.width() / static_cast<double>(n);
  const double label = TextWidth(c, "12月30日", kLabelStyle) + 4;
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(label / slot)));
  for (size_t i = 0; i < n; ++i) {
    if ((n - 1 - i) % every != 0) continue;
    const double x = SlotX(f, n, i);
    c.DrawLine(x, f.bottom, x, f.bottom + 2.5, kAxis, 0.5);
    c.DrawText(ChineseMonthDay(points[i].date), x, f.bottom + 4, kLabelStyle,
               {Align::kCenter, Align::kStart});
  }
}

void DrawBars(ChartCanvas& c, const Frame& f, const Scale& s,
              const std::vector<TrendPoint>& points) {
  const size_t n = points.size();
  const double width = f.width() / static_cast<double>(n) * 0.6;
  for (size_t i = 0; i < n; ++i) {
    const auto& v = points[i].new_confirmed;
    if (!v || *v <= 0) continue;
    const double top = Y(f, s, *v);
    c.FillRect(SlotX(f, n, i) - width / 2, top, width, f.bottom - top,
               points[i].new_estimated ? kEstimatedColor : kNewColor);
  }
}

void DrawCurrentLine(ChartCanvas& c, const Frame& f, const Scale& s,
                     const std::vector<TrendPoint>& points) {
  const size_t n = points.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& v = points[i].current_confirmed;
    if (!v) continue;
    const double x = SlotX(f, n, i), y = Y(f, s, *v);
    if (i + 1 < n && points[i + 1].current_confirmed) {
      c.DrawLine(x, y, SlotX(f, n, i + 1), Y(f, s, *points[i + 1].current_confirmed), kCurrentColor,
                 1.2);
    }
    c.FillCircle(x, y, n > 60 ? 0.8 : 1.4, kCurrentColor);
  }
}

}  // namespace

std::string ChineseMonthDay(const std::string& date) {
  return std::to_string(std::stoi(date.substr(5, 2))) + "月" +
         std::to_string(std::stoi(date.substr(8, 2))) + "日";
}

std::string PngMarkdownImage(const std::string& caption, const std::string& png) {
  return "![" + caption + "](data:image/png;base64," + bytes::Base64Encode(png) + ")";
}

Result<std::string> RenderTrendChartPng(const TrendChart& chart) {
  if (chart.points.empty()) return Status::Invalid("days", "chart_empty", "the chart has no days");
  JB_ASSIGN_OR_RETURN(ChartCanvas c,
                      ChartCanvas::Create(kChartWidthCm * kPointsPerCm,
                                          kChartHeightCm * kPointsPerCm, kChartDpi, kChartFont));
  Scale left, right;
  MakeScales(chart, &left, &right);
  c.DrawText(chart.title, c.width() / 2, 6, kTitleStyle, {Align::kCenter, Align::kStart});
  DrawLegend(c, chart.points);
  const Frame f{kMargin + WidestTick(c, left) + 4, kPlotTop,
                c.width() - kMargin - WidestTick(c, right) - 4, c.height() - kPlotBottomGap};
  DrawGrid(c, f, left, right);
  DrawBars(c, f, left, chart.points);
  DrawCurrentLine(c, f, right, chart.points);
  DrawDateAxis(c, f, chart.points);
  return c.Png();
}

}  // namespace jianbao::epidemic
