// ECharts options of the reporting dashboard: grouped bars (expected / reported / on time) per
// province or sector, and the reporting and on-time rates over the periods.
import type { EChartsOption } from 'echarts'
import type { Dashboard, RateGroup } from '../../api'

export interface ChartLabels {
  expected: string
  reported: string
  onTime: string
  reportingRate: string
  onTimeRate: string
  none: string
}

/** Bars per group (a province or a sector). */
export function groupsOption(groups: RateGroup[], l: ChartLabels): EChartsOption {
  const names = groups.map((g) => g.label || l.none)
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [l.expected, l.reported, l.onTime] },
    grid: { left: 40, right: 16, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: l.expected, type: 'bar', data: groups.map((g) => g.expected) },
      { name: l.reported, type: 'bar', data: groups.map((g) => g.reported) },
      { name: l.onTime, type: 'bar', data: groups.map((g) => g.on_time) },
    ],
  }
}

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0)

/** Reporting and on-time rates (percent) per period. */
export function seriesOption(d: Dashboard, l: ChartLabels): EChartsOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    legend: { top: 0, data: [l.reportingRate, l.onTimeRate] },
    grid: { left: 40, right: 16, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: d.series.map((p) => p.start) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { name: l.reportingRate, type: 'line', data: d.series.map((p) => pct(p.reported, p.expected)) },
      { name: l.onTimeRate, type: 'line', data: d.series.map((p) => pct(p.on_time, p.expected)) },
    ],
  }
}
