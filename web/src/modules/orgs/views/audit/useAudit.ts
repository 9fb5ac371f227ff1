// Audit-log logic: filters (actor, action, entity, date range) kept in the address, paging.
import { useRoute } from 'vue-router'
import { listAudit } from '@/modules/orgs/api/audit'
import type { AuditEntry } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'
import { queryString } from '@/utils/query'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A filter's text without surrounding spaces, or undefined when empty (a cleared select gives undefined). */
function trimmed(v: string | null | undefined): string | undefined {
  return v?.trim() || undefined
}

interface AuditFilters {
  actor: string
  action: string
  entity: string
  /** [from, to] as YYYY-MM-DD, or null for any date. */
  dates: [string, string] | null
}

function toQuery(f: AuditFilters) {
  return {
    actor: trimmed(f.actor),
    action: trimmed(f.action),
    entity: trimmed(f.entity),
    from: f.dates?.[0],
    to: f.dates?.[1],
  }
}

export function useAudit() {
  const route = useRoute()
  const from = queryString(route.query.from)
  const to = queryString(route.query.to)
  const list = usePagedList<AuditFilters, AuditEntry>({
    filters: {
      actor: queryString(route.query.actor),
      action: queryString(route.query.action),
      entity: queryString(route.query.entity),
      dates: DATE.test(from) && DATE.test(to) ? [from, to] : null,
    },
    cleared: () => ({ actor: '', action: '', entity: '', dates: null }),
    toQuery,
    fetch: (f, paging) => listAudit({ ...toQuery(f), ...paging }),
  })
  return { ...list, entries: list.items }
}
