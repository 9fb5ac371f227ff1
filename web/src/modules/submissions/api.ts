// 信息报送 (submissions): pieces, workflow, versions, comments, attachments, import,
// commissions (约稿) and adoption statistics. See docs/submissions.md.
import { apiUrl, get, patch, post, del, upload, type Query } from '@/api/http'
import type { Page } from '@/api/types'

export type PieceState = 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'adopted' | 'not_adopted'
export type PieceAction = 'edit' | 'submit' | 'withdraw' | 'resubmit' | 'adopt' | 'return' | 'reject'

export interface OrgBrief {
  id: number
  code: string
  name: string
  short_name?: string
}

export interface Piece {
  id: number
  title: string
  body?: string
  authors: string[]
  contact: string
  tags: string[]
  state: PieceState
  org: OrgBrief
  target: OrgBrief
  commission_id: number | null
  commission_on_time: boolean | null
  version: number
  /** The edit version (ETag), sent back as `edit_version` when saving; who saved it last and when. */
  edit_version: number
  edit_by: string
  edit_at: string
  created_by: { id: number; login: string; name: string }
  created_at: string
  updated_at: string
  first_submitted_at: string | null
  submitted_at: string | null
  reviewed_at: string | null
  adopted_at: string | null
  return_reason: string | null
  /** The bulletin issues using the piece ("已编入第N期"). */
  used_in: { issue_id: number; year: number; number: number; status: string }[]
}

export interface PieceEvent {
  id: number
  action: PieceAction
  from: PieceState
  to: PieceState
  reason: string | null
  /** The actor's login; actor_name and actor_unit name them for people ("" when unknown). */
  actor: string
  actor_name?: string
  actor_unit?: string
  at: string
}

export interface Attachment {
  id: number
  name: string
  mime: string
  size: number
  sha256: string
  created_at: string
  url: string
}

export interface PieceDetail extends Piece {
  body: string
  body_html: string
  actions: PieceAction[]
  events: PieceEvent[]
  attachments: Attachment[]
}

export interface Version {
  number: number
  title: string
  /** The author's login; author_name and author_unit name them for people ("" when unknown). */
  author: string
  author_name?: string
  author_unit?: string
  note: string
  created_at: string
  body?: string
  body_html?: string
}

export interface DiffLine {
  op: 'equal' | 'delete' | 'insert'
  text: string
  old: number | null
  new: number | null
}

export interface Diff {
  from: Version
  to: Version
  title_changed: boolean
  inserted: number
  deleted: number
  lines: DiffLine[]
}

export interface Comment {
  id: number
  author: { id: number; login: string; name: string; org: string | OrgBrief }
  body: string
  created_at: string
}

export interface WorkflowState {
  name: PieceState
  zh: string
  en: string
  terminal: boolean
}
export interface WorkflowAction {
  name: PieceAction
  zh: string
  en: string
}
export interface Transition {
  from: PieceState
  action: PieceAction
  role: 'reporter' | 'editor'
  to: PieceState
  reason_required: boolean
  reason_allowed: boolean
}
export interface Workflow {
  states: WorkflowState[]
  actions: WorkflowAction[]
  transitions: Transition[]
}

export interface Target {
  id: number
  code: string
  name: string
  kind: string
}

export interface PieceChange {
  title?: string
  body?: string
  authors?: string[]
  contact?: string
  tags?: string[]
  target?: string
  commission_id?: number
  note?: string
  /** PATCH only: the edit version this change was made from (412 edit_conflict when stale). */
  edit_version?: number
  /** PATCH only: an autosave (the text goes into the author's open version, not a new one). */
  autosave?: boolean
}

export interface BulkResult {
  results: { id: number; ok: boolean; state?: PieceState; error?: { code: string; key: string; message: string } }[]
  succeeded: number
  failed: number
}

export interface Commission {
  id: number
  topic: string
  description: string
  requester: string
  org: OrgBrief
  deadline: string
  deadline_at: string
  status: 'open' | 'closed'
  created_by: string
  created_at: string
  answers: number
  answered_at: string | null
  on_time: boolean | null
  pieces?: Piece[]
}

export interface StatsRow {
  rank: number
  org: OrgBrief
  submitted: number
  adopted: number
  adoption_rate: number
  commissioned: number
  commissioned_on_time: number
  commissioned_late: number
}

export interface Stats {
  period: { label: string; from: string; to: string }
  target: OrgBrief
  rows: StatsRow[]
  total: Omit<StatsRow, 'rank' | 'org'>
}

export interface PieceQuery extends Query {
  state?: string
  org?: string
  q?: string
  from?: string
  to?: string
  commission?: number
  /** 1: only pieces no bulletin issue uses (未编入). */
  unused?: number
  page?: number
  page_size?: number
}

/** GET /submissions/workflow — the one workflow table (cached for the page's life). */
let workflowPromise: Promise<Workflow> | null = null
export function fetchWorkflow(): Promise<Workflow> {
  if (!workflowPromise) {
    workflowPromise = get<Workflow>('/submissions/workflow').catch((e) => {
      workflowPromise = null
      throw e
    })
  }
  return workflowPromise
}

/** The states from which `role` can act besides editing: what a review queue waits on. */
export function actionableStates(wf: Workflow, role: string): PieceState[] {
  const out: PieceState[] = []
  for (const t of wf.transitions) {
    if (t.role === role && t.action !== 'edit' && !out.includes(t.from)) out.push(t.from)
  }
  return out
}

/** How many pieces wait for the signed-in editor (the review queue's default view). */
export async function waitingForReview(): Promise<number> {
  const states = actionableStates(await fetchWorkflow(), 'editor')
  return (await listPieces({ state: states.join(','), page_size: 1 })).total
}

export function listTargets(): Promise<Target[]> {
  return get<{ items: Target[] }>('/submissions/targets').then((r) => r.items)
}

export function listPieces(q: PieceQuery): Promise<Page<Piece>> {
  return get<Page<Piece>>('/submissions', q)
}

export function createPiece(p: PieceChange): Promise<Piece> {
  return post<Piece>('/submissions', p)
}

export function getPiece(id: number): Promise<PieceDetail> {
  return get<PieceDetail>(`/submissions/${id}`)
}

export function updatePiece(id: number, change: PieceChange): Promise<Piece> {
  return patch<Piece>(`/submissions/${id}`, change)
}

export function pieceAction(id: number, action: PieceAction, reason?: string): Promise<Piece> {
  return post<Piece>(`/submissions/${id}/actions`, reason ? { action, reason } : { action })
}

export function bulkAction(ids: number[], action: PieceAction, reason?: string): Promise<BulkResult> {
  return post<BulkResult>('/submissions/bulk', reason ? { ids, action, reason } : { ids, action })
}

export function listVersions(id: number): Promise<Version[]> {
  return get<{ items: Version[] }>(`/submissions/${id}/versions`).then((r) => r.items)
}

export function getVersion(id: number, n: number): Promise<Version> {
  return get<Version>(`/submissions/${id}/versions/${n}`)
}

export function diffVersions(id: number, from: number, to: number): Promise<Diff> {
  return get<Diff>(`/submissions/${id}/diff`, { from, to })
}

export function listComments(id: number): Promise<Comment[]> {
  return get<{ items: Comment[] }>(`/submissions/${id}/comments`).then((r) => r.items)
}

export function addComment(id: number, body: string): Promise<Comment> {
  return post<Comment>(`/submissions/${id}/comments`, { body })
}

/** POST /submissions/preview — the server's safe rendering (raw HTML dropped). */
export function previewBody(body: string): Promise<string> {
  return post<{ html: string }>('/submissions/preview', { body }).then((r) => r.html)
}

/** The import format of a file name: docx or txt (null for anything else). */
export function importFormat(name: string): 'docx' | 'txt' | null {
  const n = name.toLowerCase()
  if (n.endsWith('.docx')) return 'docx'
  if (n.endsWith('.txt')) return 'txt'
  return null
}

/** POST /submissions/import — a new draft from a .docx/.txt. */
export function importPiece(
  file: Blob,
  format: 'docx' | 'txt',
  opts: { target?: string; commission_id?: number } = {},
): Promise<Piece> {
  return upload<Piece>('/submissions/import', file, { format, ...opts })
}

export function addAttachment(id: number, file: File): Promise<Attachment> {
  return upload<Attachment>(`/submissions/${id}/attachments`, file, { name: file.name })
}

export function deleteAttachment(id: number, aid: number): Promise<void> {
  return del<void>(`/submissions/${id}/attachments/${aid}`)
}

export function listCommissions(q: { status?: string; page?: number; page_size?: number }): Promise<Page<Commission>> {
  return get<Page<Commission>>('/commissions', q)
}

export function getCommission(id: number): Promise<Commission> {
  return get<Commission>(`/commissions/${id}`)
}

export function createCommission(c: { topic: string; description?: string; org: string; deadline: string }): Promise<Commission> {
  return post<Commission>('/commissions', c)
}

export function closeCommission(id: number): Promise<Commission> {
  return post<Commission>(`/commissions/${id}/close`)
}

export function fetchStats(q: { period?: string; target?: string }): Promise<Stats> {
  return get<Stats>('/submissions/stats', q)
}

export function statsPieces(q: {
  period?: string
  target?: string
  org: string
  kind: 'submitted' | 'adopted'
  page?: number
  page_size?: number
}): Promise<Page<Piece>> {
  return get<Page<Piece>>('/submissions/stats/pieces', q)
}

/** The download address of the statistics table (same-origin GET; the session cookie authorises it). */
export function statsExportUrl(q: { period?: string; target?: string; format: 'xlsx' | 'csv' }): string {
  return apiUrl('/submissions/stats/export', q)
}
