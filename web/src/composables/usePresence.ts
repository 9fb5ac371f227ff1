// Presence: tells the server every few seconds that this page has `record` open
// ("bulletin_issue:12", "piece:7") and keeps the list of who else of the user's
// organisation has it open, so that two editors see each other before they conflict.
// Leaves the record when the component unmounts or the tab closes.
import { onBeforeUnmount, ref, watch } from 'vue'
import { apiUrl, post } from '@/api/http'
import { useSessionStore } from '@/stores/session'

export interface PresentUser {
  login: string
  name: string
  seen_at: number
}

/** The heartbeat period; the server forgets a record after 30 s without one. */
export const PRESENCE_INTERVAL_MS = 10_000

export function usePresence(record: () => string | null) {
  const session = useSessionStore()
  const others = ref<PresentUser[]>([])
  let timer: ReturnType<typeof setInterval> | undefined
  let current: string | null = null

  async function beat(): Promise<void> {
    if (!current) return
    try {
      const r = await post<{ others: PresentUser[] }>('/presence', { record: current })
      others.value = r.others
    } catch {
      // Presence is a courtesy: a failed heartbeat changes nothing on the page.
    }
  }

  function leave(rec: string | null, unloading = false): void {
    if (!rec) return
    if (unloading) {
      // The page is going away: a keepalive request still leaves it (CSRF header included).
      void fetch(apiUrl('/presence/leave'), {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ record: rec }),
      }).catch(() => undefined)
    } else {
      void post('/presence/leave', { record: rec }).catch(() => undefined)
    }
  }

  const onUnload = () => leave(current, true)
  window.addEventListener('pagehide', onUnload)

  watch(
    record,
    (rec) => {
      if (rec === current) return
      leave(current)
      current = rec
      others.value = []
      clearInterval(timer)
      if (rec) {
        void beat()
        timer = setInterval(() => void beat(), PRESENCE_INTERVAL_MS)
      }
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    clearInterval(timer)
    window.removeEventListener('pagehide', onUnload)
    leave(current)
    current = null
  })

  return { others }
}
