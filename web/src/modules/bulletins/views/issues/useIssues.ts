// Issue list logic: filters (series, year, status) kept in the address, paging, loading,
// and creating a new draft. The archive passes the statuses it shows; with no status chosen
// it asks the server for all of them at once (status=published,superseded), with real paging.
import { ref } from 'vue'
import { useRoute } from 'vue-router'
import {
  ISSUE_STATUSES,
  createIssue,
  listIssues,
  listSeries,
  type Issue,
  type IssueStatus,
  type Series,
} from '@/modules/bulletins/api'
import { usePagedList } from '@/composables/usePagedList'
import { queryPositive, queryString } from '@/utils/query'

interface IssueFilters {
  series: string
  year: number | undefined
  status: IssueStatus | ''
}

export function useIssues(fixedStatuses?: readonly IssueStatus[]) {
  const route = useRoute()
  const status = queryString(route.query.status)
  const allowed: readonly string[] = fixedStatuses ?? ISSUE_STATUSES
  const list = usePagedList<IssueFilters, Issue>({
    filters: {
      series: queryString(route.query.series),
      year: queryPositive(route.query.year, 0) || undefined,
      status: (allowed.includes(status) ? status : '') as IssueStatus | '',
    },
    cleared: () => ({ series: '', year: undefined, status: '' }),
    toQuery: (f) => ({ series: f.series || undefined, year: f.year || undefined, status: f.status || undefined }),
    fetch: (f, paging) =>
      listIssues({
        series: f.series || undefined,
        year: f.year || undefined,
        status: f.status || fixedStatuses?.join(',') || undefined,
        ...paging,
      }),
  })
  const series = ref<Series[]>([])

  async function loadSeries(): Promise<void> {
    try {
      series.value = await listSeries()
    } catch {
      series.value = [] // the list itself still works; the series filter is just empty
    }
  }

  /** Creates a draft; returns it (throws ApiError). */
  function create(body: { series: string; date: string; supplement: boolean }): Promise<Issue> {
    return createIssue(body)
  }

  void loadSeries()

  return { ...list, issues: list.items, series, create }
}
