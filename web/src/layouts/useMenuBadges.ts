// Badge counts of the side menu: each MenuItem with a `badge` fetcher is asked
// for its count on mount, after every navigation, every 30 s and whenever a
// page calls refreshMenuBadges() (e.g. after marking something read).
import { onBeforeUnmount, reactive, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import type { MenuItem } from '@/menu'

const listeners = new Set<() => void>()

/** Asks every mounted menu to reload its badge counts now. */
export function refreshMenuBadges(): void {
  listeners.forEach((fn) => fn())
}

export function useMenuBadges(menu: Ref<MenuItem[]>) {
  const counts = reactive<Record<string, number>>({})
  const route = useRoute()

  function refresh(): void {
    for (const m of menu.value) {
      if (!m.badge) continue
      m.badge()
        .then((n) => (counts[m.route] = n))
        .catch(() => undefined) // a badge is a convenience; the page itself shows errors
    }
  }

  refresh()
  listeners.add(refresh)
  const timer = setInterval(refresh, 30000)
  watch(() => route.path, refresh)
  watch(menu, refresh)
  onBeforeUnmount(() => {
    clearInterval(timer)
    listeners.delete(refresh)
  })
  return counts
}
