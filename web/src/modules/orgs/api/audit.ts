// The audit log (admins only).
import { get } from '@/api/http'
import type { AuditEntry, Page } from '@/api/types'

/** Filters and paging of GET /audit; dates are YYYY-MM-DD (inclusive). */
export interface AuditQuery {
  actor?: string
  action?: string
  entity?: string
  from?: string
  to?: string
  page?: number
  page_size?: number
}

/** GET /audit — one page of audit entries, newest first. */
export function listAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return get<Page<AuditEntry>>('/audit', { ...query })
}
