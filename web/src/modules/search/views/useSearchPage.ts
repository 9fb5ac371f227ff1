// The results page's state: the query and filters from the address, one page of hits with
// the kind facets, and where each hit opens.
import { ref, watch } from 'vue'
import { useRoute, type RouteLocationRaw } from 'vue-router'
import { usePagedList } from '@/composables/usePagedList'
import { listOrgs } from '@/modules/orgs/api/orgs'
import { listSeries, type Series } from '@/modules/bulletins/api'
import { search, type SearchItem, type SearchKind } from '@/modules/search/api'
import { useSessionStore } from '@/stores/session'
import type { Org } from '@/api/types'

export const KINDS: readonly SearchKind[] = ['piece', 'issue', 'notice', 'policy', 'complaint']

/** The workflow states offered by the state filter (labels: search.states.*). */
export const STATES: readonly string[] = [
  'draft', 'submitted', 'returned', 'adopted', 'not_adopted',
  'pending_approval', 'approved', 'published',
  'received', 'accepted', 'forwarded', 'replied', 'closed',
]

interface Filters {
  q: string
  kind: string
  org: string
  series: string
  state: string
  dates: [string, string] | null
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

export function useSearchPage() {
  const route = useRoute()
  const session = useSessionStore()
  const facets = ref<Partial<Record<SearchKind, number>>>({})
  const searched = ref(false)
  const orgs = ref<Org[]>([])
  const series = ref<Series[]>([])

  const fromAddress = (): Filters => {
    const from = text(route.query.from)
    const to = text(route.query.to)
    return {
      q: text(route.query.q),
      kind: text(route.query.kind),
      org: text(route.query.org),
      series: text(route.query.series),
      state: text(route.query.state),
      dates: from && to ? [from, to] : null,
    }
  }

  // "Reset" clears the filters but keeps the words.
  let words = ''
  const list = usePagedList<Filters, SearchItem>({
    filters: fromAddress(),
    cleared: (): Filters => ({ q: words, kind: '', org: '', series: '', state: '', dates: null }),
    toQuery: (f) => ({
      q: f.q,
      kind: f.kind || undefined,
      org: f.org || undefined,
      series: f.series || undefined,
      state: f.state || undefined,
      from: f.dates?.[0],
      to: f.dates?.[1],
    }),
    fetch: async (f, paging) => {
      words = f.q
      if (!f.q.trim()) {
        searched.value = false
        facets.value = {}
        return { items: [], total: 0 }
      }
      searched.value = true
      const res = await search({
        q: f.q.trim(),
        kind: f.kind || undefined,
        org: f.org || undefined,
        series: f.series || undefined,
        state: f.state || undefined,
        from: f.dates?.[0],
        to: f.dates?.[1],
        ...paging,
      })
      facets.value = res.facets.kind
      return res
    },
  })

  // The header's box changes ?q= while the page is open: search again.
  watch(
    () => route.query.q,
    (q) => {
      if (route.name === 'search' && text(q) !== list.filters.q) {
        list.filters.q = text(q)
        list.search()
      }
    },
  )

  listOrgs()
    .then((o) => (orgs.value = o))
    .catch(() => undefined)
  listSeries()
    .then((s) => (series.value = s))
    .catch(() => undefined)

  /** Total over every kind (the facets do not depend on the kind filter). */
  const allKinds = (): number => Object.values(facets.value).reduce((a, b) => a + (b ?? 0), 0)

  /** The kinds to offer as filters: those the server counts (registered kinds). */
  const kinds = (): SearchKind[] => KINDS.filter((k) => facets.value[k] !== undefined)

  function chooseKind(kind: string): void {
    list.filters.kind = kind
    list.search()
  }

  /** Where a hit opens. */
  function target(item: SearchItem): RouteLocationRaw | null {
    if (item.kind === 'piece') {
      const name = session.hasAnyRole(['reporter']) ? 'submissions-piece' : 'submissions-review-piece'
      return { name, params: { id: item.id } }
    }
    if (item.kind === 'issue') return { name: 'bulletin-issue', params: { id: item.id } }
    if (item.kind === 'complaint') return { name: 'complaints-case', params: { id: item.id } }
    if (item.kind === 'notice') return { name: 'notice', params: { id: item.id } }
    // The policy library has no page per policy: its list, filtered by the title.
    if (item.kind === 'policy') return { name: 'policies', query: { q: item.title } }
    return null
  }

  const orgName = (code: string): string => orgs.value.find((o) => o.code === code)?.short_name || orgs.value.find((o) => o.code === code)?.name || code

  return { ...list, facets, searched, orgs, series, allKinds, kinds, chooseKind, target, orgName }
}
