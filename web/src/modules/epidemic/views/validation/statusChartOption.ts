// The ECharts option of the per-day validation status: stacked bars of unexplained and
// explained violations, a green dot on clean days, the selected day shaded.
import type { DayStatus } from '@/modules/epidemic/api'
import { CANVAS_TOOLTIP } from '../shared/chart'

/** The chart's colours: Element Plus danger, info and success. */
export const STATUS_COLORS = { unexplained: '#f56c6c', explained: '#909399', clean: '#67c23a' }

/** The grid's margins in pixels; the e2e test finds a day's column from them. */
export const STATUS_GRID = { left: 48, right: 16, top: 36, bottom: 28 }

/** Translated series and axis names. */
export interface StatusLabels {
  unexplained: string
  explained: string
  clean: string
  violations: string
}

/** Returns the option for `days` (one bar group per day, in order) with `selected` shaded. */
export function statusChartOption(days: DayStatus[], selected: string | null, labels: StatusLabels) {
  const nullIfZero = (n: number) => (n > 0 ? n : null)
  return {
    animation: false,
    tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.unexplained, labels.explained, labels.clean] },
    grid: STATUS_GRID,
    xAxis: { type: 'category', data: days.map((d) => d.date), axisLabel: { formatter: (d: string) => d.slice(5) } },
    yAxis: { type: 'value', minInterval: 1, name: labels.violations, nameTextStyle: { align: 'left' } },
    series: [
      {
        name: labels.unexplained,
        type: 'bar',
        stack: 'violations',
        barMaxWidth: 24,
        itemStyle: { color: STATUS_COLORS.unexplained },
        data: days.map((d) => nullIfZero(d.unexplained)),
        markArea: selected
          ? { silent: true, itemStyle: { color: 'rgba(64,158,255,0.15)' }, data: [[{ xAxis: selected }, { xAxis: selected }]] }
          : undefined,
      },
      {
        name: labels.explained,
        type: 'bar',
        stack: 'violations',
        barMaxWidth: 24,
        itemStyle: { color: STATUS_COLORS.explained },
        data: days.map((d) => nullIfZero(d.violations - d.unexplained)),
      },
      {
        name: labels.clean,
        type: 'scatter',
        symbolSize: 8,
        itemStyle: { color: STATUS_COLORS.clean },
        data: days.map((d) => (d.violations === 0 ? 0 : null)),
      },
    ],
  }
}
