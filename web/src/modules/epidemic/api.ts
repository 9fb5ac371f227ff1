// The 疫情动态 print chart route (docs/epidemic.md, "HTTP API"). The module's other calls
// are in src/api/epidemic.ts.
import { apiUrl } from '@/api/http'

/** The chart's default window in days (the server's default too). */
export const DEFAULT_CHART_DAYS = 30
export const MIN_CHART_DAYS = 2
export const MAX_CHART_DAYS = 366

/**
 * URL of GET /epidemic/chart.png: the print trend chart (PNG, 15.6 cm × 7 cm at 300 dpi) of
 * the `days` days ending at `date`. Meant for an <img>: the session cookie authorises it;
 * the server answers 404 when nothing is stored for `date`.
 */
export function trendChartUrl(date: string, days: number = DEFAULT_CHART_DAYS): string {
  return apiUrl('/epidemic/chart.png', { date, days })
}
