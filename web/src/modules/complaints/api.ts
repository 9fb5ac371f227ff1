// 申诉受理 (complaint desk): the public form, the desk's and liaisons' cases, statistics.
// One function per endpoint (docs/complaints.md), all through @/api/http.
import { apiUrl, get, post, put, del, upload } from '@/api/http'
import type { Page } from '@/api/types'

export type CaseKind = 'consultation' | 'complaint'

export interface SlaClock {
  name: 'acceptance' | 'operator_reply' | 'closure'
  due: string
  done: string
  state: 'pending' | 'running' | 'overdue' | 'met' | 'late' | 'stopped'
}

export interface CaseEvent {
  id: number
  at: string
  action: string
  actor: string
  role: string
  from: string
  to: string
  text: string
  public: boolean
}

export interface CaseAttachment {
  id: number
  name: string
  mime: string
  size: number
}

/** A case as listed (name and phone always masked in lists). */
export interface CaseItem {
  id: number
  number: string
  kind: CaseKind
  category: string
  operator: string
  region: string
  channel: string
  name: string
  phone: string
  personal_data_masked: boolean
  personal_data_erased: boolean
  status: string
  received_at: string
  received_on: string
  accepted_on: string
  forwarded_on: string
  replied_on: string
  closed_on: string
  handling: string
  clocks: SlaClock[]
  overdue: boolean
  satisfaction: number
}

/** A case's page. */
export interface CaseDetail extends CaseItem {
  description: string
  operator_contacted_on: string
  operator_answer: string
  refuse_reason: string
  reply_text: string
  reply_outcome: string
  outcome: string
  merged_into: number
  merged_into_number: string
  events: CaseEvent[]
  attachments: CaseAttachment[]
  allowed_actions: string[]
}

export interface Transition {
  from: string
  action: string
  role: 'desk' | 'liaison'
  to: string
  needs: '' | 'reason' | 'text' | 'outcome' | 'target'
}

export interface Workflow {
  states: string[]
  actions: string[]
  transitions: Transition[]
  reopen_days: number
}

export interface RegionOption {
  code: string
  name_zh: string
  name_en: string
}

export interface PublicForm {
  categories: string[]
  operators: string[]
  regions: RegionOption[]
  max_description: number
  challenge_enabled: boolean
  challenge?: { token: string; difficulty: number; expires_at: number }
}

export interface Filing {
  kind: CaseKind
  category: string
  operator: string
  region: string
  name: string
  phone: string
  description: string
  operator_contacted_on?: string
  operator_answer?: string
  challenge?: string
  solution?: string
}

export interface PublicStatus {
  number: string
  kind: CaseKind
  category: string
  operator: string
  region: string
  name: string
  phone: string
  status: string
  received_on: string
  accept_due: string
  accepted_on: string
  closed_on: string
  refuse_reason: string
  outcome: string
  replies: { at: string; action: string; status: string; text: string }[]
}

export interface StatsRow {
  key?: string
  received: number
  consultations: number
  complaints: number
  accepted: number
  not_accepted: number
  resolved_directly: number
  forwarded: number
  replied: number
  closed: number
  overdue: number
  average_handling_days: number
  satisfaction: number
}

export interface Stats extends StatsRow {
  from: string
  to: string
  region: string
  by_category: StatsRow[]
  by_operator: StatsRow[]
  by_region: StatsRow[]
}

export interface CaseFilters {
  status?: string
  category?: string
  operator?: string
  kind?: string
  region?: string
  overdue?: boolean
  q?: string
  page?: number
  page_size?: number
}

export interface ActionBody {
  action: string
  reason?: string
  text?: string
  reply_outcome?: string
  outcome?: string
  satisfaction?: number
  target?: string
}

/** GET /public/complaint-form — the lists to choose from and a fresh challenge. */
export function publicForm(): Promise<PublicForm> {
  return get<PublicForm>('/public/complaint-form')
}

/** POST /public/complaints — files a case without a session (201 masked status). */
export function filePublic(body: Filing): Promise<PublicStatus> {
  return post<PublicStatus>('/public/complaints', body)
}

/** GET /public/complaints/{number}?phone= — the public status (404 when either is wrong). */
export function publicStatus(number: string, phone: string): Promise<PublicStatus> {
  return get<PublicStatus>(`/public/complaints/${encodeURIComponent(number)}`, { phone })
}

/** GET /complaints — the cases the signed-in desk, liaison or national admin may see. */
export function listCases(f: CaseFilters): Promise<Page<CaseItem>> {
  return get<Page<CaseItem>>('/complaints', { ...f, overdue: f.overdue ? 'true' : undefined })
}

/** POST /complaints — phone intake by the desk. */
export function fileByPhone(body: Filing): Promise<CaseDetail> {
  return post<CaseDetail>('/complaints', body)
}

/** GET /complaints/{id} — a case's page (the desk sees name and phone in full; audited). */
export function getCase(id: number): Promise<CaseDetail> {
  return get<CaseDetail>(`/complaints/${id}`)
}

/** POST /complaints/{id}/actions — one workflow action. */
export function act(id: number, body: ActionBody): Promise<CaseDetail> {
  return post<CaseDetail>(`/complaints/${id}/actions`, body)
}

/** POST /complaints/{id}/attachments?name= — an image or PDF. */
export function addAttachment(id: number, file: File): Promise<CaseAttachment> {
  return upload<CaseAttachment>(`/complaints/${id}/attachments`, file, { name: file.name })
}

/** The address of an attachment (for links). */
export function attachmentUrl(id: number, aid: number): string {
  return apiUrl(`/complaints/${id}/attachments/${aid}`)
}

/** GET /complaints/workflow — the declared table. */
export function workflow(): Promise<Workflow> {
  return get<Workflow>('/complaints/workflow')
}

/** GET /complaints/stats?from=&to=&region= */
export function stats(q: { from?: string; to?: string; region?: string }): Promise<Stats> {
  return get<Stats>('/complaints/stats', q)
}

/** The address of the .xlsx export for the same query. */
export function statsExportUrl(q: { from?: string; to?: string; region?: string }): string {
  return apiUrl('/complaints/stats/export', q)
}

export interface CalendarDay {
  date: string
  kind: 'holiday' | 'workday'
  name: string
}

/** GET /complaints/calendar?year= */
export function calendar(year: string): Promise<CalendarDay[]> {
  return get<{ items: CalendarDay[] }>('/complaints/calendar', { year }).then((r) => r.items)
}

/** PUT /complaints/calendar/{date} (national admins). */
export function setCalendarDay(d: CalendarDay): Promise<CalendarDay> {
  return put<CalendarDay>(`/complaints/calendar/${d.date}`, { kind: d.kind, name: d.name })
}

/** DELETE /complaints/calendar/{date} (national admins). */
export function deleteCalendarDay(date: string): Promise<void> {
  return del<void>(`/complaints/calendar/${date}`)
}

/** A ready bulletin section, as the composer takes it (the bulletins module's Section). */
export interface BulletinSection {
  kind: string
  title: string
  body: string
  [key: string]: unknown
}

/**
 * GET /bulletins/sources/complaints?region=&from=&to= — the complaint desk's section for the
 * bulletin composer (editors): "截止目前，共受理用户咨询及申诉N件，其中转运营商协调处理的申诉M件。"
 */
export function bulletinSection(q: { region?: string; from?: string; to?: string }): Promise<BulletinSection> {
  return get<BulletinSection>('/bulletins/sources/complaints', q)
}
