// A paged, filtered list of pieces kept in the address bar: used by "my pieces" and the review queue.
import { useRoute } from 'vue-router'
import { listPieces, type Piece } from '@/modules/submissions/api'
import { usePagedList } from '@/composables/usePagedList'
import { queryString } from '@/utils/query'

export interface PieceFilters {
  state: string[]
  org: string
  q: string
  range: [string, string] | null
  /** Only pieces no bulletin issue uses (未编入). */
  unused: boolean
}

function toQuery(f: PieceFilters) {
  return {
    state: f.state.join(',') || undefined,
    org: f.org || undefined,
    q: f.q.trim() || undefined,
    from: f.range?.[0] || undefined,
    to: f.range?.[1] || undefined,
    unused: f.unused ? 1 : undefined,
  }
}

export function usePieceList(defaultStates: string[] = []) {
  const route = useRoute()
  const st = queryString(route.query.state)
  const from = queryString(route.query.from)
  const to = queryString(route.query.to)
  const list = usePagedList<PieceFilters, Piece>({
    filters: {
      state: st ? st.split(',') : [...defaultStates],
      org: queryString(route.query.org),
      q: queryString(route.query.q),
      range: from && to ? [from, to] : null,
      unused: queryString(route.query.unused) === '1',
    },
    cleared: () => ({ state: [...defaultStates], org: '', q: '', range: null, unused: false }),
    toQuery,
    fetch: (f, paging) => listPieces({ ...toQuery(f), ...paging }),
    immediate: false,
  })

  /** Clears the filters, keeping `states` (the defaults unless given), and reloads. */
  function reset(states: string[] = defaultStates): void {
    list.resetTo({ state: [...states] })
  }

  return { ...list, reset }
}
