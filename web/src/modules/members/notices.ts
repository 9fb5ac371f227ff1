// Notices (通知、慰问信、倡议书): /api/v1/notices… (docs/members.md). The receipts per unit
// use the shape the bulletins share (src/api/receipts.ts).
import { apiUrl, del, get, post, put, type Query } from '@/api/http'
import type { Page } from '@/api/types'
import type { RemindResult, UnitCounts, UnitReceipt } from '@/api/receipts'

export type NoticeKind = 'notice' | 'sympathy' | 'initiative'
export const NOTICE_KINDS: NoticeKind[] = ['notice', 'sympathy', 'initiative']
export type NoticeStatus = 'draft' | 'sent'

export interface OrgRef {
  code: string
  name: string
}

export interface Notice {
  id: number
  kind: NoticeKind
  title: string
  body: string
  /** The body rendered by the server as pieces are (raw HTML dropped). */
  body_html: string
  status: NoticeStatus
  sender: OrgRef
  recipients: OrgRef[]
  author: string
  created_at: string
  updated_at: string
  sent_at: string | null
  version: number
  /** Whether the reader is a recipient; then their own read and 签收 times. */
  recipient: boolean
  read_at: string | null
  acknowledged_at: string | null
  unit_counts: { total: number; read: number; acknowledged: number }
}

export interface NoticeInput {
  title: string
  kind: NoticeKind
  body: string
  recipients: string[]
  groups?: number[]
  version?: number
}

export interface PersonReceipt {
  user_id: number
  login: string
  name: string
  org: OrgRef
  delivered_at: string
  read_at: string | null
  acknowledged_at: string | null
}

export interface NoticeReceipts {
  notice_id: number
  units: UnitReceipt[]
  unit_counts: UnitCounts
  people: PersonReceipt[]
  total: number
  read: number
  acknowledged: number
}

export interface RecipientGroup {
  id: number
  name: string
  orgs: OrgRef[]
  created_at: string
}

const N = '/notices'

export function listNotices(q: Query): Promise<Page<Notice>> {
  return get<Page<Notice>>(N, q)
}
export function getNotice(id: number): Promise<Notice> {
  return get<Notice>(`${N}/${id}`)
}
export function createNotice(input: NoticeInput): Promise<Notice> {
  return post<Notice>(N, input)
}
export function updateNotice(id: number, input: NoticeInput): Promise<Notice> {
  return put<Notice>(`${N}/${id}`, input)
}
export function sendNotice(id: number): Promise<Notice> {
  return post<Notice>(`${N}/${id}/send`)
}
export function acknowledgeNotice(id: number): Promise<Notice> {
  return post<Notice>(`${N}/${id}/acknowledge`)
}
export function getNoticeReceipts(id: number): Promise<NoticeReceipts> {
  return get<NoticeReceipts>(`${N}/${id}/receipts`)
}
export function remindNotice(id: number, units: string[] = []): Promise<RemindResult> {
  return post<RemindResult>(`${N}/${id}/remind`, { units })
}
export function noticeXlsxUrl(id: number): string {
  return apiUrl(`${N}/${id}/receipts.xlsx`)
}
export function noticeSheetUrl(id: number): string {
  return apiUrl(`${N}/${id}/distribution-sheet`)
}
export function noticePdfUrl(id: number): string {
  return apiUrl(`${N}/${id}/pdf`)
}
export function listGroups(): Promise<{ items: RecipientGroup[] }> {
  return get<{ items: RecipientGroup[] }>(`${N}/groups`)
}
export function createGroup(name: string, orgs: string[]): Promise<RecipientGroup> {
  return post<RecipientGroup>(`${N}/groups`, { name, orgs })
}
export function deleteGroup(id: number): Promise<void> {
  return del<void>(`${N}/groups/${id}`)
}
