// The one list composable: filters, paging, loading with its error, search and reset. Every
// paged list of the UI (issues, archive, users, audit log, inbox, pieces) is built on it.
import { reactive, ref, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { Query } from '@/api/http'
import { queryPositive } from '@/utils/query'

/** One page of a list as the API answers it (extra fields, such as `unread`, are allowed). */
export interface PageResult<T> {
  items: T[]
  total: number
}

export interface PagedListOptions<F extends object, T> {
  /** The filters' values when the list opens (e.g. read from the address) — made reactive. */
  filters: F
  /** The filters' values after "reset". */
  cleared: () => F
  /** Fetches one page: the filters and { page, page_size }. Throws ApiError. */
  fetch: (filters: F, paging: { page: number; page_size: number }) => Promise<PageResult<T>>
  /**
   * The address query that records the filters (undefined values left out); page and
   * page_size are added. Without it the list does not use the address (the inbox).
   */
  toQuery?: (filters: F) => Query
  /** Load the first page at once (default true). */
  immediate?: boolean
}

/**
 * A paged, filtered list. When `toQuery` is given, the page and page size start from the
 * address (?page=&page_size=) and every load writes filters and paging back into it.
 */
export function usePagedList<F extends object, T>(opts: PagedListOptions<F, T>) {
  const route = opts.toQuery ? useRoute() : null
  const router = opts.toQuery ? useRouter() : null
  // Filters hold plain values (no refs), so the reactive proxy has the filters' own type.
  const filters = reactive(opts.filters) as F
  const page = ref(route ? queryPositive(route.query.page, 1) : 1)
  const pageSize = ref(route ? queryPositive(route.query.page_size, 20) : 20)
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)

  /** Loads the current page; on failure shows the error and an empty list. */
  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    if (opts.toQuery && router) {
      const query: Record<string, string> = {}
      const all: Query = { ...opts.toQuery(filters), page: page.value, page_size: pageSize.value }
      for (const [k, v] of Object.entries(all)) {
        if (v !== undefined && v !== null && v !== '') query[k] = String(v)
      }
      void router.replace({ query })
    }
    try {
      const res = await opts.fetch(filters, { page: page.value, page_size: pageSize.value })
      items.value = res.items
      total.value = res.total
    } catch (e) {
      error.value = e
      items.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  /** Applies the filters from the first page. */
  function search(): void {
    page.value = 1
    void load()
  }

  /** Clears the filters, then sets `values`, and loads the first page. */
  function resetTo(values: Partial<F>): void {
    Object.assign(filters, opts.cleared(), values)
    search()
  }

  /** Clears the filters and loads the first page (usable as a click handler). */
  function reset(): void {
    resetTo({})
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

  /** Settles when the first load has finished (immediately when not immediate). */
  const firstLoad = opts.immediate === false ? Promise.resolve() : load()

  return { filters, page, pageSize, items, total, loading, error, firstLoad, load, search, reset, resetTo, onPage, onPageSize }
}
