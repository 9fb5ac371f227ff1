// The 疫情动态 (epidemic statistics) API: /api/v1/epidemic/… (docs/epidemic.md, "HTTP API").
// Every call goes through src/api/http.ts; failures throw ApiError.
import { apiUrl, del, get, post, put } from '@/api/http'

/** A reporting region keyed by its GB/T 2260 code ("000000" is the mainland total). */
export interface EpidemicRegion {
  code: string
  name: string
  short_name: string
  level: 'mainland' | 'national' | 'province' | 'city' | 'special'
  parent: string | null
}

/** One reported field: its key, Chinese label and kind. */
export interface EpidemicField {
  name: string
  label: string
  cumulative: boolean
  /** True for severe_change, the only field that may be negative. */
  signed: boolean
}

/** Field name → value; a missing key means "not reported". */
export type Figures = Record<string, number>

/** One day's grid: the stored rows and, per region, the values filled in (not reported). */
export interface DayGrid {
  date: string
  items: { region: string; figures: Figures }[]
  derived: Record<string, Figures>
  /** Edit version of each row saved from the grid (a row not listed has version 1). */
  versions?: Record<string, { version: number; by: string; at: string }>
}

/** What an import did (see docs/epidemic.md, "Import formats"). */
export interface ImportReport {
  format: string
  records: number
  rows: number
  changed: number
  skipped: number
  corrections_added: number
}

export interface Correction {
  id: number
  date: string
  region: string
  field: string
  delta: number
  reason: string
  source: string
}

export interface Violation {
  date: string
  region: string
  rule: string
  field: string
  expected: number
  actual: number
  message: string
  /** True when a recorded correction accounts for it or a source note covers it. */
  explained: boolean
  /** What explains it, when explained. */
  explained_by: { kind: 'correction' | 'note'; id: number } | null
  /** Its follow-up, when the desk marked it. */
  followup?: { id: number; state: FollowupState; assignee: string } | null
}

/** A documented quirk of a data source (来源说明); empty scope parts match everything. */
export interface SourceNote {
  id: number
  regions: string[]
  level: string
  fields: string[]
  rule: string
  from: string
  to: string
  reason: string
  reference: string
}

export type FollowupState = 'open' | 'closed'

/** A finding's stable key (and, for marking, what the rules said). */
export interface FindingRef {
  date: string
  region: string
  rule: string
  field: string
  message?: string
}
export type FollowupActionName = 'assign' | 'comment' | 'close' | 'reopen'

export interface FollowupEvent {
  id: number
  action: 'mark' | FollowupActionName
  by: string
  at: string
  text: string
  assignee: { id: number; name: string } | null
  resolved_by: { kind: 'correction' | 'note'; id: number } | null
}

/** A finding (date, region, rule, field) on the desk's follow-up list. */
export interface Followup {
  id: number
  date: string
  region: string
  rule: string
  field: string
  state: FollowupState
  assignee: { id: number; name: string } | null
  resolved_by: { kind: 'correction' | 'note'; id: number } | null
  close_reason: string
  created_by: string
  created_at: string
  version: number
  updated_by: string
  updated_at: string
  events: FollowupEvent[]
}

export interface FollowupQuery {
  status?: FollowupState | ''
  assignee?: string
  from?: string
  to?: string
  page?: number
  page_size?: number
}

export interface FollowupActionBody {
  action: FollowupActionName
  assignee_id?: number
  text?: string
  resolved_by?: { kind: 'correction' | 'note'; id: number } | null
  version?: number
}

export interface DayStatus {
  date: string
  violations: number
  unexplained: number
  verified: boolean
}

export interface ValidationReport {
  from: string
  to: string
  violations: Violation[]
  days: DayStatus[]
}

export interface NarrativeText {
  date: string
  template: string
  title: string
  body: string
  text: string
}

export interface SeriesPoint {
  date: string
  value: number
  /** Summed from the provinces or computed, not reported. */
  derived: boolean
}

export interface Series {
  region: string
  name: string
  field: string
  points: SeriesPoint[]
}

export interface ProvinceValue {
  code: string
  name: string
  short_name: string
  value: number
}

/** Lists every known region, by code. */
export async function listRegions(): Promise<EpidemicRegion[]> {
  return (await get<{ items: EpidemicRegion[] }>('/epidemic/regions')).items
}

/** Lists the reported fields in storage order, with their labels. */
export async function listFields(): Promise<EpidemicField[]> {
  return (await get<{ items: EpidemicField[] }>('/epidemic/fields')).items
}

/** Returns the first and last stored reporting day (null when nothing is stored). */
export function storedDates(): Promise<{ first: string | null; last: string | null; days: number }> {
  return get('/epidemic/dates')
}

/** Returns the day JSON of `date` (404 when nothing is stored for it). */
export function getDay(date: string): Promise<Record<string, unknown>> {
  return get(`/epidemic/days/${encodeURIComponent(date)}`)
}

/** Returns the grid of `date`: stored rows plus derived values. */
export function getDayGrid(date: string): Promise<DayGrid> {
  return get(`/epidemic/days/${encodeURIComponent(date)}/figures`)
}

/** Replaces one grid row; unset fields become "not reported". Editor only. */
export function putFigures(
  date: string,
  region: string,
  figures: Record<string, number | null>,
  version?: number,
): Promise<{ date: string; region: string; figures: Figures; version: number }> {
  return put(`/epidemic/days/${encodeURIComponent(date)}/figures/${encodeURIComponent(region)}`, figures, {
    ifMatch: version,
  })
}

/**
 * Imports a file's text (a CSV in one of the documented formats, or a day JSON) in one
 * transaction. A bad row fails with ApiError whose `field` is "line N, column C". Editor only.
 */
export function importFile(content: string, source: string): Promise<ImportReport> {
  return post('/epidemic/import', { content, source })
}

/** Lists corrections with from <= date <= to (either may be ''). */
export async function listCorrections(from = '', to = ''): Promise<Correction[]> {
  return (await get<{ items: Correction[] }>('/epidemic/corrections', { from, to })).items
}

/** Records a correction on a cumulative field. Editor only. */
export function addCorrection(c: Omit<Correction, 'id'>): Promise<Correction> {
  return post('/epidemic/corrections', c)
}

/** Records the built-in known corrections not yet recorded; returns how many were added. Editor only. */
export function loadKnownCorrections(): Promise<{ added: number }> {
  return post('/epidemic/corrections/known')
}

/** Deletes correction `id`. Editor only. */
export function deleteCorrection(id: number): Promise<void> {
  return del(`/epidemic/corrections/${id}`)
}

/** Lists every source note (来源说明). */
export async function listNotes(): Promise<SourceNote[]> {
  return (await get<{ items: SourceNote[] }>('/epidemic/notes')).items
}

/** Deletes source note `id`. Editor only. */
export function deleteNote(id: number): Promise<void> {
  return del(`/epidemic/notes/${id}`)
}

/** Lists follow-ups, newest first (status, assignee = me | none | user id, data dates, paging). */
export function listFollowups(q: FollowupQuery): Promise<{ items: Followup[]; total: number }> {
  return get('/epidemic/followups', { ...q })
}

/** Returns one follow-up with its history. */
export function getFollowup(id: number): Promise<Followup> {
  return get(`/epidemic/followups/${id}`)
}

/** Marks a finding for follow-up. Editor only; 409 followup_exists when it already is. */
export function markFollowup(body: {
  date: string
  region: string
  rule: string
  field: string
  assignee_id?: number
  comment?: string
}): Promise<Followup> {
  return post('/epidemic/followups', body)
}

/** Assigns, comments, closes or reopens a follow-up. Editor only; 412 edit_conflict when stale. */
export function actOnFollowup(id: number, body: FollowupActionBody): Promise<Followup> {
  return post(`/epidemic/followups/${id}/actions`, body)
}

/** The desk users a follow-up can be assigned to. Editor only. */
export async function listAssignees(): Promise<{ id: number; name: string; login: string }[]> {
  return (await get<{ items: { id: number; name: string; login: string }[] }>('/epidemic/followups/assignees')).items
}

/** Runs every validation rule over [from, to] (either may be ''). */
export function validate(from: string, to: string, unexplained = false): Promise<ValidationReport> {
  return get('/epidemic/validation', { from, to, unexplained: unexplained ? 'true' : undefined })
}

/** Renders the day's 疫情动态 text with a built-in template. */
export function narrative(date: string, template: 'default' | 'plain'): Promise<NarrativeText> {
  return get('/epidemic/narrative', { date, template })
}

/** Renders the day's 疫情动态 text with a custom mustache template (preview; stores nothing). */
export function previewNarrative(date: string, template: string): Promise<NarrativeText> {
  return post('/epidemic/narrative', { date, template })
}

/** Returns `field` of `region` over [from, to]; mainland cumulative values may be derived. */
export function getSeries(region: string, field: string, from = '', to = ''): Promise<Series> {
  return get('/epidemic/series', { region, field, from, to })
}

/** Returns two series: Hubei and the rest of the mainland. */
export async function hubeiVsRest(field: string, from = '', to = ''): Promise<Series[]> {
  return (await get<{ items: Series[] }>('/epidemic/hubei-vs-rest', { field, from, to })).items
}

/** Returns current confirmed cases by mainland province on `date`, largest first. */
export async function currentByProvince(date: string): Promise<ProvinceValue[]> {
  return (await get<{ items: ProvinceValue[] }>('/epidemic/current-by-province', { date })).items
}

/** Returns the text of a built-in narrative template ("default" or "plain"), to start a custom one. */
export function getTemplate(name: 'default' | 'plain'): Promise<{ name: string; text: string }> {
  return get(`/epidemic/templates/${name}`)
}

/** The print chart's default window in days (the server's default too). */
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
