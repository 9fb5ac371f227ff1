// Where a piece opens: reporters under 我的报送, editors under the review queue (so the
// side menu highlights the right item). Both paths show the same review screen.
import type { RouteLocationRaw } from 'vue-router'
import { useSessionStore } from '@/stores/session'

export function pieceRoute(id: number | string): RouteLocationRaw {
  const name = useSessionStore().hasAnyRole(['reporter']) ? 'submissions-piece' : 'submissions-review-piece'
  return { name, params: { id: String(id) } }
}
