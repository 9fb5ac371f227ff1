// Workbench logic: who is signed in and which modules they can open.
import { computed } from 'vue'
import { visibleMenu } from '@/menu'
import { useSessionStore } from '@/stores/session'
import { formatDate } from '@/utils/format'

export function useWorkbench() {
  const session = useSessionStore()
  const user = computed(() => session.user)
  const since = computed(() => (user.value ? formatDate(user.value.created_at) : ''))
  /** Every module the user may open, except the workbench itself. */
  const modules = computed(() => visibleMenu(session.roles).filter((m) => m.route !== '/'))
  return { user, since, modules }
}
