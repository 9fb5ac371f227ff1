// The member-services (复工复产) API: /api/v1/resumption/…, /api/v1/supplies/…, /api/v1/members/…
// (docs/members.md). Every call goes through src/api/http.ts; failures throw ApiError.
import { apiUrl, get, post, upload, type Query } from '@/api/http'
import type { Page } from '@/api/types'

export type ReportStatus = 'resumed' | 'partial' | 'not_yet'
export const REPORT_STATUSES: ReportStatus[] = ['resumed', 'partial', 'not_yet']
export const DIFFICULTY_CATEGORIES = ['supplies', 'staff', 'funding', 'logistics', 'orders', 'policy', 'other']
export const NEED_KINDS = ['masks', 'disinfectant', 'funding', 'policy_help', 'legal_help', 'transport', 'other']
export const FOLLOWUP_STATUSES = ['open', 'in_progress', 'resolved', 'closed']

export interface Difficulty {
  category: string
  text: string
}
export interface Need {
  kind: string
  quantity: number
  note: string
}
export interface ReportInput {
  date: string
  status: ReportStatus
  staff_back_pct: number
  capacity_pct: number
  difficulties: Difficulty[]
  needs: Need[]
}
export interface Report extends ReportInput {
  id: number
  org: string
  org_name: string
  submitted_at: string
  submitted_by: string
}

export interface Schedule {
  id: number
  name: string
  kind: 'daily' | 'weekly' | 'once'
  weekday: number
  start: string
  deadline: string
  /** A day inside the schedule's first period (its first day). */
  first_period: string
  owner: string
  unit_count: number
  created_at: string
  created_by: string
  units?: { code: string; name: string; from: string }[]
}
export interface ScheduleInput {
  name: string
  kind: string
  weekday?: number
  start: string
  deadline?: string
  units: string[]
}

/** DHIS2's figures for one period: expected, reported, on time, and who is missing. */
export interface Rate {
  schedule: number
  period: { index: number; start: string; end: string }
  expected: number
  reported: number
  on_time: number
  reporting_rate: number
  on_time_rate: number
  missing: string[]
  late: string[]
}
export interface RateGroup {
  key: string
  label: string
  expected: number
  reported: number
  on_time: number
}
export interface UnitState {
  code: string
  name: string
  province: string
  sector: string
  state: 'on_time' | 'late' | 'missing'
  status: string
  staff_back_pct: number
  capacity_pct: number
  submitted_at: string
}
export interface Dashboard {
  schedule: Schedule
  rate: Rate
  by_province: RateGroup[]
  by_sector: RateGroup[]
  statuses: Record<string, number>
  needs: Record<string, number>
  series: { start: string; expected: number; reported: number; on_time: number }[]
  units: UnitState[]
}

export interface FollowupEvent {
  at: string
  actor: string
  action: string
  status: string
  owner: string
  note: string
}
export interface Followup {
  id: number
  report: number
  org: string
  org_name: string
  report_date: string
  kind: string
  quantity: number
  note: string
  status: string
  owner: string
  created_at: string
  updated_at: string
  history?: FollowupEvent[]
}

export interface SupplyItem {
  item: string
  unit: string
}
export interface Transaction {
  id: number
  item: string
  unit: string
  quantity: number
  from: string
  from_name: string
  from_org: boolean
  to: string
  to_name: string
  to_org: boolean
  date: string
  note: string
  created_at: string
  created_by: string
}
export interface TransactionInput {
  item: string
  quantity: number
  from: string
  to: string
  date: string
  note?: string
}
export interface Balance {
  holder: string
  holder_name: string
  item: string
  unit: string
  balance: number
}
export interface SupplySummary {
  period: string
  scope: string
  items: { item: string; unit: string; received: number; donated: number; transferred: number; balance: number; donors: number }[]
  top_donors: { name: string; count: number }[]
  section: { title: string; body: string }
}

export interface Member {
  code: string
  name: string
  short_name: string
  parent: string
  credit_code: string
  sector: string
  contact: string
  phone: string
  email: string
}
export interface ImportRow {
  row: number
  action: 'create' | 'update' | ''
  code: string
  name: string
  short_name: string
  credit_code: string
  contact: string
  phone: string
  email: string
  sector: string
}
export interface ImportError {
  row: number
  column: string
  key: string
  message: string
}
export interface ImportResult {
  dry_run: boolean
  stored: boolean
  created: number
  updated: number
  rows: ImportRow[]
  errors: ImportError[]
}

const R = '/resumption'
const S = '/supplies'

/** Stores the signed-in member unit's report (201). */
export function submitReport(body: ReportInput): Promise<Report> {
  return post<Report>(`${R}/reports`, body)
}
/** Lists reports the user may see, newest date first. */
export function listReports(q: Query): Promise<Page<Report>> {
  return get<Page<Report>>(`${R}/reports`, q)
}
/** Lists the schedules the user may see. */
export function listSchedules(q: Query = {}): Promise<Page<Schedule>> {
  return get<Page<Schedule>>(`${R}/schedules`, q)
}
/** Creates a schedule for member units of the association. */
export function createSchedule(body: ScheduleInput): Promise<Schedule> {
  return post<Schedule>(`${R}/schedules`, body)
}
/** Returns a schedule with its units. */
export function getSchedule(id: number): Promise<Schedule> {
  return get<Schedule>(`${R}/schedules/${id}`)
}
/** Adds units, expected from the first period that starts on or after `from` (today when empty). */
export function addUnits(id: number, units: string[], from?: string): Promise<Schedule> {
  return post<Schedule>(`${R}/schedules/${id}/units`, { units, from })
}
/** The reporting rate of the period holding `period`. */
export function getRate(schedule: number, period: string): Promise<Rate> {
  return get<Rate>(`${R}/rate`, { schedule, period })
}
/** The dashboard of the period holding `period`. */
export function getDashboard(schedule: number, period: string): Promise<Dashboard> {
  return get<Dashboard>(`${R}/dashboard`, { schedule, period })
}
/** The address of the dashboard's .xlsx export. */
export function dashboardXlsxUrl(schedule: number, period: string): string {
  return apiUrl(`${R}/export`, { schedule, period })
}
/** Lists follow-up items (needs). */
export function listFollowups(q: Query): Promise<Page<Followup>> {
  return get<Page<Followup>>(`${R}/followups`, q)
}
/** Returns a follow-up item with its history. */
export function getFollowup(id: number): Promise<Followup> {
  return get<Followup>(`${R}/followups/${id}`)
}
/** Applies assign | start | resolve | close | reopen | comment. */
export function actOnFollowup(id: number, action: string, owner?: string, note?: string): Promise<Followup> {
  return post<Followup>(`${R}/followups/${id}/actions`, { action, owner: owner || undefined, note: note || undefined })
}
/** The supply items and their units. */
export function listItems(): Promise<{ items: SupplyItem[] }> {
  return get<{ items: SupplyItem[] }>(`${S}/items`)
}
/** Records a ledger entry; 409 negative_balance when the holder has too little. */
export function recordTransaction(body: TransactionInput): Promise<Transaction> {
  return post<Transaction>(`${S}/transactions`, body)
}
/** Lists ledger entries, newest first. */
export function listTransactions(q: Query): Promise<Page<Transaction>> {
  return get<Page<Transaction>>(`${S}/transactions`, q)
}
/** Balances per holder and item. */
export function listBalances(q: Query = {}): Promise<{ items: Balance[] }> {
  return get<{ items: Balance[] }>(`${S}/balances`, q)
}
/** The year's summary, with the bulletin section. */
export function getSummary(year: string): Promise<SupplySummary> {
  return get<SupplySummary>(`${S}/summary`, { year })
}
/** The address of the ledger's .xlsx export. */
export function ledgerXlsxUrl(year: string): string {
  return apiUrl(`${S}/export`, { year: year || undefined })
}
/** Lists member units with their profiles. */
export function listMembers(q: Query): Promise<Page<Member>> {
  return get<Page<Member>>('/members', q)
}
/** Imports (or, with dryRun, previews) a member list; 400 import_rejected carries rows and errors. */
export function importMembers(file: Blob, parent: string, format: string, dryRun: boolean): Promise<ImportResult> {
  return upload<ImportResult>('/members/import', file, { parent, format, dry_run: dryRun ? 1 : undefined })
}
