// Issue list logic: filters (series, year, status) kept in the address, paging, loading,
// and creating a new draft.
import { reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  ISSUE_STATUSES,
  createIssue,
  listIssues,
  listSeries,
  type Issue,
  type IssueStatus,
  type Series,
} from '@/api/bulletins'
import { queryPositive, queryString } from '@/utils/query'

export function useIssues(fixedStatuses?: readonly IssueStatus[]) {
  const route = useRoute()
  const router = useRouter()

  const status = queryString(route.query.status)
  const filters = reactive({
    series: queryString(route.query.series),
    year: queryPositive(route.query.year, 0) || undefined,
    status: ((ISSUE_STATUSES as readonly string[]).includes(status) ? status : '') as IssueStatus | '',
  })
  const page = ref(queryPositive(route.query.page, 1))
  const pageSize = ref(queryPositive(route.query.page_size, 20))

  const issues = ref<Issue[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const series = ref<Series[]>([])

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    const query = {
      series: filters.series || undefined,
      year: filters.year || undefined,
      status: filters.status || undefined,
      page: page.value,
      page_size: pageSize.value,
    }
    void router.replace({
      query: Object.fromEntries(
        Object.entries(query)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
    })
    try {
      if (fixedStatuses && !filters.status) {
        // The archive shows several statuses: ask for each and merge newest first.
        const pages = await Promise.all(
          fixedStatuses.map((s) => listIssues({ ...query, status: s, page: 1, page_size: 100 })),
        )
        const all = pages.flatMap((p) => p.items).sort((a, b) => b.id - a.id)
        total.value = all.length
        issues.value = all.slice((page.value - 1) * pageSize.value, page.value * pageSize.value)
      } else {
        const res = await listIssues(query)
        issues.value = res.items
        total.value = res.total
      }
    } catch (e) {
      error.value = e
      issues.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  async function loadSeries(): Promise<void> {
    try {
      series.value = await listSeries()
    } catch {
      series.value = [] // the list itself still works; the series filter is just empty
    }
  }

  function search(): void {
    page.value = 1
    void load()
  }

  function reset(): void {
    Object.assign(filters, { series: '', year: undefined, status: '' })
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

  /** Creates a draft; returns it (throws ApiError). */
  function create(body: { series: string; date: string; supplement: boolean }): Promise<Issue> {
    return createIssue(body)
  }

  void loadSeries()
  void load()

  return { filters, page, pageSize, issues, total, loading, error, series, load, search, reset, onPage, onPageSize, create }
}
