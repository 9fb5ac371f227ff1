// Audit-log logic: filters (actor, action, entity, date range) kept in the address, paging.
import { reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { listAudit } from '@/api/audit'
import type { AuditEntry } from '@/api/types'
import { queryPositive, queryString } from '@/utils/query'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A filter's text without surrounding spaces, or undefined when empty (a cleared select gives undefined). */
function trimmed(v: string | null | undefined): string | undefined {
  return v?.trim() || undefined
}

export function useAudit() {
  const route = useRoute()
  const router = useRouter()

  const from = queryString(route.query.from)
  const to = queryString(route.query.to)
  const filters = reactive({
    actor: queryString(route.query.actor),
    action: queryString(route.query.action),
    entity: queryString(route.query.entity),
    /** [from, to] as YYYY-MM-DD, or null for any date. */
    dates: (DATE.test(from) && DATE.test(to) ? [from, to] : null) as [string, string] | null,
  })
  const page = ref(queryPositive(route.query.page, 1))
  const pageSize = ref(queryPositive(route.query.page_size, 20))

  const entries = ref<AuditEntry[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    const query = {
      actor: trimmed(filters.actor),
      action: trimmed(filters.action),
      entity: trimmed(filters.entity),
      from: filters.dates?.[0],
      to: filters.dates?.[1],
      page: page.value,
      page_size: pageSize.value,
    }
    void router.replace({ query: { ...query, page: String(page.value), page_size: String(pageSize.value) } })
    try {
      const res = await listAudit(query)
      entries.value = res.items
      total.value = res.total
    } catch (e) {
      error.value = e
      entries.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  function search(): void {
    page.value = 1
    void load()
  }

  function reset(): void {
    Object.assign(filters, { actor: '', action: '', entity: '', dates: null })
    search()
  }

  function onPage(p: number): void {
    page.value = p
    void load()
  }

  function onPageSize(s: number): void {
    pageSize.value = s
    page.value = 1
    void load()
  }

  void load()

  return { filters, page, pageSize, entries, total, loading, error, load, search, reset, onPage, onPageSize }
}
