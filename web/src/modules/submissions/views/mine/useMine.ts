// "My pieces": the reporter organisation's pieces with a state filter, new piece and import.
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import type { Piece } from '@/modules/submissions/api'
import { usePieceList } from '../shared/usePieceList'
import { useWorkflow } from '../shared/useWorkflow'

export function useMine() {
  const router = useRouter()
  const list = usePieceList()
  const wf = useWorkflow()
  const importOpen = ref(false)

  /** Shows one state only (or all with ''), as the tabs above the table do. */
  function pickState(state: string): void {
    list.filters.state = state ? [state] : []
    list.search()
  }

  function open(p: Piece): void {
    void router.push({ name: 'submissions-piece', params: { id: p.id } })
  }

  function onImported(p: Piece): void {
    void router.push({ name: 'submissions-edit', params: { id: p.id }, query: { imported: '1' } })
  }

  void list.load()
  return { ...list, ...wf, importOpen, pickState, open, onImported }
}
