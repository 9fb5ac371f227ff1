// Reading list filters and paging from the address bar (route query).
import type { LocationQuery } from 'vue-router'

/** Page sizes every paged list offers. */
export const PAGE_SIZES = [10, 20, 50, 100]

/** Returns the first value of a query parameter, or ''. */
export function queryString(q: LocationQuery[string]): string {
  return (Array.isArray(q) ? q[0] : q) ?? ''
}

/** Returns a query parameter as a positive integer, or `fallback`. */
export function queryPositive(q: LocationQuery[string], fallback: number): number {
  const n = Number.parseInt(queryString(q), 10)
  return Number.isFinite(n) && n > 0 ? n : fallback
}
