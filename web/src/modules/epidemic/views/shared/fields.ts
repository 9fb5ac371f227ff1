// Field and region helpers shared by the 疫情动态 pages.

/** The reported fields in storage order (docs/epidemic.md, "Fields"). */
export const FIELDS = [
  'new_confirmed',
  'cum_confirmed',
  'new_deaths',
  'cum_deaths',
  'new_cured',
  'cum_cured',
  'current_confirmed',
  'current_severe',
  'severe_change',
  'new_suspected',
  'current_suspected',
  'cum_contacts',
  'contacts_released',
  'contacts_under_observation',
  'new_imported',
  'cum_imported',
] as const

export type FieldName = (typeof FIELDS)[number]

/** The fields that can be charted as a trend. */
export const CHART_FIELDS: readonly FieldName[] = [
  'cum_confirmed',
  'current_confirmed',
  'cum_cured',
  'cum_deaths',
  'new_confirmed',
  'new_deaths',
  'new_cured',
]

/** Cumulative fields: the only ones a correction applies to. */
export const CUMULATIVE_FIELDS: readonly FieldName[] = [
  'cum_confirmed',
  'cum_deaths',
  'cum_cured',
  'cum_contacts',
  'cum_imported',
]

export const MAINLAND = '000000'
export const HUBEI = '420000'

/** The day the seed bulletin reports; the default date of the screens. */
export const DEFAULT_DATE = '2020-03-18'

/** Formats an integer with thousands separators; '' for undefined. */
export function formatCount(v: number | undefined | null): string {
  return v === undefined || v === null ? '' : v.toLocaleString('zh-CN')
}
