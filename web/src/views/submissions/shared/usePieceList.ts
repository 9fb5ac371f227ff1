// A paged, filtered list of pieces kept in the address bar: used by "my pieces" and the review queue.
import { reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { listPieces, type Piece } from '@/api/submissions'
import { queryPositive, queryString } from '@/utils/query'

export interface PieceFilters {
  state: string[]
  org: string
  q: string
  range: [string, string] | null
}

export function usePieceList(defaultStates: string[] = []) {
  const route = useRoute()
  const router = useRouter()
  const st = queryString(route.query.state)
  const from = queryString(route.query.from)
  const to = queryString(route.query.to)
  const filters = reactive<PieceFilters>({
    state: st ? st.split(',') : [...defaultStates],
    org: queryString(route.query.org),
    q: queryString(route.query.q),
    range: from && to ? [from, to] : null,
  })
  const page = ref(queryPositive(route.query.page, 1))
  const pageSize = ref(queryPositive(route.query.page_size, 20))
  const items = ref<Piece[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    const query = {
      state: filters.state.join(',') || undefined,
      org: filters.org || undefined,
      q: filters.q.trim() || undefined,
      from: filters.range?.[0] || undefined,
      to: filters.range?.[1] || undefined,
    }
    void router.replace({ query: { ...query, page: String(page.value), page_size: String(pageSize.value) } })
    try {
      const res = await listPieces({ ...query, page: page.value, page_size: pageSize.value })
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

  function search(): void {
    page.value = 1
    void load()
  }
  function reset(states: string[] = defaultStates): void {
    Object.assign(filters, { state: [...states], org: '', q: '', range: null })
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

  return { filters, page, pageSize, items, total, loading, error, load, search, reset, onPage, onPageSize }
}
