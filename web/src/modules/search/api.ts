// Full-text search (module search, docs/search.md).
import { get } from '@/api/http'

export type SearchKind = 'piece' | 'issue' | 'notice' | 'policy' | 'complaint'

export interface SearchItem {
  kind: SearchKind
  id: number
  title: string
  /** HTML: matches inside <mark>, everything else escaped by the server. */
  snippet: string
  date: string
  org: string
  score: number
}

export interface SearchAnswer {
  items: SearchItem[]
  total: number
  page: number
  page_size: number
  facets: { kind: Partial<Record<SearchKind, number>> }
}

export interface SearchQuery {
  q: string
  kind?: string
  org?: string
  series?: string
  state?: string
  from?: string
  to?: string
  page?: number
  page_size?: number
}

/** GET /search — what the signed-in user may read that matches `q`, with kind facets. */
export function search(query: SearchQuery): Promise<SearchAnswer> {
  return get<SearchAnswer>('/search', { ...query })
}
