// Bulletins (简报): series, issues, composer sources, sign-off, publication, receipts, inbox,
// legacy import. See docs/bulletins.md.
import type { RemindResult, UnitCounts, UnitReceipt } from '@/api/receipts'
import { API_BASE, apiUrl, del, get, post, put } from '@/api/http'
import type { Page } from '@/api/types'

/** One line of the distribution block: 报 / 送 / 发 and the organisation codes. */
export interface DistributionLine {
  label: string
  to: string[]
}

export interface Series {
  id: number
  code: string
  title: string
  subtitle: string
  masthead: string
  issuer: string
  owner: string
  numbering: 'yearly' | 'running'
  public: boolean
  distribution: DistributionLine[]
}

export type IssueStatus = 'draft' | 'pending_approval' | 'approved' | 'published' | 'superseded'
export const ISSUE_STATUSES: readonly IssueStatus[] = ['draft', 'pending_approval', 'approved', 'published', 'superseded']

export type SectionKind = 'piece' | 'epidemic' | 'summary' | 'text'

/** One section of an issue, stored in order. */
export interface Section {
  kind: SectionKind
  title: string
  org?: string
  body: string
  piece_id?: number
  /** kind 'epidemic': the reporting day, and whether the trend chart is embedded. */
  data_date?: string
  chart?: boolean
  /** kind 'summary': the module that wrote it and the period. */
  source?: string
  data_from?: string
  data_to?: string
}

export type FileFormat = 'pdf' | 'docx' | 'html' | 'txt'
export const FILE_FORMATS: readonly FileFormat[] = ['pdf', 'docx', 'html', 'txt']

export interface IssueFile {
  format: FileFormat
  sha256: string
  size: number
}

export interface Issue {
  id: number
  series: { code: string; title: string; subtitle: string }
  year: number
  number: number
  supplement: boolean
  status: IssueStatus
  date: string
  revision: number
  revises: number | null
  revision_note: string
  copies: number
  imported: boolean
  created_by: string
  approved_by: string
  published_by: string
  created_at: string
  approved_at: string
  published_at: string
  section_count: number
  /** The content's version (ETag); sent back as `version` when saving. */
  version: number
  /** Who saved the content last ('' before the first save) and when (UTC ISO). */
  updated_by: string
  updated_at: string
  files: IssueFile[]
  /** SHA-256 of what the pages show (single-issue answer only); the approver signs this. */
  content_hash?: string
  /** The content_hash signed at 签发 (absent before sign-off). */
  approved_hash?: string
  /** Things to look at, not errors: "date_before_previous" (single-issue answer only). */
  warnings?: IssueWarning[]
  /** Names and units of the logins in created_by, approved_by, published_by (single-issue answer). */
  people?: Record<string, { name: string; org: string }>
  /** Only in the single-issue answer. */
  sections?: Section[]
  closing_note?: string
  distribution?: DistributionLine[]
}

export interface IssueWarning {
  key: 'date_before_previous' | string
  previous: { id: number; year: number; number: number; date: string }
}

export interface IssueQuery {
  series?: string
  year?: number
  /** One status, or several separated by commas ("published,superseded"). */
  status?: IssueStatus | '' | string
  page?: number
  page_size?: number
  [k: string]: string | number | undefined
}

/** GET /bulletins/series */
export async function listSeries(): Promise<Series[]> {
  return (await get<{ items: Series[] }>('/bulletins/series')).items
}

/** GET /bulletins/issues — paged, newest first. */
export function listIssues(q: IssueQuery): Promise<Page<Issue>> {
  return get<Page<Issue>>('/bulletins/issues', q)
}

/** GET /bulletins/issues/{id} */
export function getIssue(id: number): Promise<Issue> {
  return get<Issue>(`/bulletins/issues/${id}`)
}

/** POST /bulletins/issues — a new draft with the next number and the series' distribution. */
export function createIssue(body: { series: string; date: string; supplement: boolean }): Promise<Issue> {
  return post<Issue>('/bulletins/issues', body)
}

/** Body of PUT /bulletins/issues/{id}. */
export interface IssueContent {
  date: string
  sections: Section[]
  closing_note: string
  distribution: DistributionLine[]
  copies: number
  revision_note: string
  /** The version this content was edited from: a newer stored one answers 412 edit_conflict. */
  version?: number
}

/** PUT /bulletins/issues/{id} — drafts only. */
export function saveIssue(id: number, content: IssueContent): Promise<Issue> {
  return put<Issue>(`/bulletins/issues/${id}`, content)
}

export interface Preview {
  pages: string[]
  section_pages: number[]
  /** The content_hash of the issue these pages show. */
  content_hash: string
}

/** POST /bulletins/issues/{id}/preview — PNG pages of the stored draft. */
export function previewIssue(id: number, dpi = 48): Promise<Preview> {
  return post<Preview>(`/bulletins/issues/${id}/preview?dpi=${dpi}`)
}

/** POST /bulletins/issues/{id}/submit — 送审: the draft goes to the approvers. */
export function submitIssue(id: number): Promise<Issue> {
  return post<Issue>(`/bulletins/issues/${id}/submit`)
}

/** POST /bulletins/issues/{id}/return — 退回修改: a pending issue back to draft, with a comment. */
export function returnIssue(id: number, comment: string): Promise<Issue> {
  return post<Issue>(`/bulletins/issues/${id}/return`, { comment })
}

/** DELETE /bulletins/issues/{id} — discards a draft that was never signed (its number is free again). */
export function discardIssue(id: number): Promise<void> {
  return del<void>(`/bulletins/issues/${id}`)
}

/** One entry of an issue's hand-off thread. */
export interface IssueComment {
  id: number
  kind: 'submit' | 'return' | 'approve' | 'comment'
  body: string
  author: { login: string; name: string }
  created_at: string
}

/** GET /bulletins/issues/{id}/comments — the thread, oldest first. */
export function listComments(id: number): Promise<IssueComment[]> {
  return get<{ items: IssueComment[] }>(`/bulletins/issues/${id}/comments`).then((r) => r.items)
}

/** POST /bulletins/issues/{id}/comments */
export function addComment(id: number, comment: string): Promise<IssueComment> {
  return post<IssueComment>(`/bulletins/issues/${id}/comments`, { comment })
}

/** The number of issues waiting for the approver's sign-off (the 待签发 badge). */
export function pendingCount(): Promise<number> {
  return listIssues({ status: 'pending_approval', page: 1, page_size: 1 }).then((r) => r.total)
}

/** POST /bulletins/issues/{id}/approve — 签发. */
export function approveIssue(id: number, contentHash?: string): Promise<Issue> {
  return post<Issue>(`/bulletins/issues/${id}/approve`, contentHash ? { content_hash: contentHash } : undefined)
}

/** POST /bulletins/issues/{id}/reopen — an approved issue back to draft, with a reason. */
export function reopenIssue(id: number, reason: string): Promise<Issue> {
  return post<Issue>(`/bulletins/issues/${id}/reopen`, { reason })
}

/** POST /bulletins/issues/{id}/publish */
export function publishIssue(id: number): Promise<Issue> {
  return post<Issue>(`/bulletins/issues/${id}/publish`)
}

/** POST /bulletins/issues/{id}/corrections — a new draft revision (201). */
export function correctIssue(id: number, note: string): Promise<Issue> {
  return post<Issue>(`/bulletins/issues/${id}/corrections`, { note })
}

/** URL of a stored file of a published issue (`inline` to view a PDF in the browser). */
export function fileUrl(id: number, format: FileFormat, inline = false): string {
  return apiUrl(`/bulletins/issues/${id}/files/${format}`, { inline: inline ? 1 : undefined })
}

export interface Receipt {
  user_id: number
  login: string
  name: string
  org: { code: string; name: string }
  delivered_at: string
  read_at: string
  acknowledged_at: string
  /** The e-mail copy, when one was queued: masked address and delivery state. */
  mail: ReceiptMail | null
}

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed'

export interface ReceiptMail {
  to: string
  status: MailStatus
  attempts: number
  error: string | null
  sent_at: string | null
}

export interface Receipts {
  items: Receipt[]
  total: number
  read: number
  acknowledged: number
  /** Whether the server sends e-mail copies (mail.smtp_url configured). */
  mail_enabled: boolean
  /** Copies per e-mail status. */
  mail: Partial<Record<MailStatus, number>>
  /** Per recipient unit of the distribution lines (external: no account on the platform). */
  units: UnitReceipt[]
  unit_counts: UnitCounts
}

/** POST /bulletins/issues/{id}/remind (editors): 催办 to units (all not acknowledged when empty). */
export function remindIssue(id: number, units: string[] = []): Promise<RemindResult> {
  return post<RemindResult>(`/bulletins/issues/${id}/remind`, { units })
}

/** The address of the printable distribution sheet (分发签收单, HTML). */
export function distributionSheetUrl(id: number): string {
  return apiUrl(`/bulletins/issues/${id}/distribution-sheet`)
}

/** The address of the receipts' .xlsx export. */
export function receiptsXlsxUrl(id: number): string {
  return apiUrl(`/bulletins/issues/${id}/receipts.xlsx`)
}

/** GET /bulletins/issues/{id}/receipts (staff). */
export function getReceipts(id: number): Promise<Receipts> {
  return get<Receipts>(`/bulletins/issues/${id}/receipts`)
}

/** POST /bulletins/issues/{id}/mail/retry (editors): queues failed e-mail copies again. */
export function retryMail(id: number): Promise<{ requeued: number }> {
  return post<{ requeued: number }>(`/bulletins/issues/${id}/mail/retry`)
}

/** An issue using a piece ("已编入第N期"). */
export interface PieceUse {
  issue_id: number
  year: number
  number: number
  status: IssueStatus
}

export interface SourcePiece {
  id: number
  title: string
  org: { code: string; short_name: string }
  adopted_at: string
  used_in: PieceUse[]
}

/** GET /bulletins/sources/pieces?q=&unused= — adopted pieces with the issues using them. */
export async function searchPieces(q: string, unused = false): Promise<SourcePiece[]> {
  return (await get<{ items: SourcePiece[] }>('/bulletins/sources/pieces', { q, unused: unused ? 1 : undefined }))
    .items
}

/** GET /bulletins/sources/pieces/{id} — a ready section with the "湖北行协·" prefix. */
export function pieceSection(id: number): Promise<Section> {
  return get<Section>(`/bulletins/sources/pieces/${id}`)
}

/**
 * GET /bulletins/sources/epidemic?date=&chart= — a ready 疫情动态 section (with the trend chart
 * embedded as an image when `chart`); 404 when the day has no figures.
 */
export function epidemicSection(date: string, chart = false): Promise<Section> {
  return get<Section>('/bulletins/sources/epidemic', { date, chart: chart ? 1 : undefined })
}

export interface SummaryKind {
  key: string
  label: { zh: string; en: string }
}

/** GET /bulletins/sources/summaries — the summaries other modules offer to the composer. */
export function summaryKinds(): Promise<SummaryKind[]> {
  return get<{ items: SummaryKind[] }>('/bulletins/sources/summaries').then((r) => r.items)
}

/** GET /bulletins/sources/summaries/{key}?from=&to= — a ready summary section for a period. */
export function summarySection(key: string, from: string, to: string): Promise<Section> {
  return get<Section>(`/bulletins/sources/summaries/${encodeURIComponent(key)}`, { from, to })
}

export interface ImportResult {
  issue: Issue
  recognised: unknown[]
  problems: unknown[]
}

/** POST /bulletins/import — a legacy text bulletin into the archive (201). */
export function importBulletin(body: {
  series: string
  text: string
  number?: number
  date?: string
}): Promise<ImportResult> {
  return post<ImportResult>('/bulletins/import', body, {})
}

export interface InboxItem {
  issue_id: number
  series_title: string
  number: number
  supplement: boolean
  revision: number
  date: string
  delivered_at: string
  read_at: string
  acknowledged_at: string
}

export interface Inbox extends Page<InboxItem> {
  unread: number
}

/** GET /inbox */
export function getInbox(q: { page: number; page_size: number }): Promise<Inbox> {
  return get<Inbox>('/inbox', q)
}

/** POST /inbox/{issue_id}/read */
export function markRead(issueId: number): Promise<void> {
  return post<void>(`/inbox/${issueId}/read`)
}

/** POST /inbox/{issue_id}/ack — 签收 (also marks read). */
export function acknowledge(issueId: number): Promise<void> {
  return post<void>(`/inbox/${issueId}/ack`)
}

export { API_BASE }

/** A government organisation as the recipients allow-list names it. */
export interface GovernmentOrg {
  code: string
  name: string
}

/** An association's allow-list of government recipients and the other government bodies. */
export interface GovernmentRecipients {
  association: string
  allowed: GovernmentOrg[]
  available: GovernmentOrg[]
}

/** GET /bulletins/government-recipients?association= (admins of the association or above). */
export function getGovernmentRecipients(association: string): Promise<GovernmentRecipients> {
  return get<GovernmentRecipients>('/bulletins/government-recipients', { association })
}

/** PUT /bulletins/government-recipients — replaces the association's list; returns the new state. */
export function putGovernmentRecipients(association: string, orgs: string[]): Promise<GovernmentRecipients> {
  return put<GovernmentRecipients>('/bulletins/government-recipients', { association, orgs })
}
