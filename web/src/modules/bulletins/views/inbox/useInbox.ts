// Inbox logic: the signed-in user's delivered issues with the unread count, paging,
// opening one (marks it read) and acknowledging (签收).
import { ref } from 'vue'
import { acknowledge, getInbox, getIssue, markRead, type InboxItem, type Issue } from '@/modules/bulletins/api'
import { usePagedList } from '@/composables/usePagedList'
import { refreshMenuBadges } from '@/layouts/useMenuBadges'

export function useInbox() {
  const unread = ref(0)
  const list = usePagedList<Record<string, never>, InboxItem>({
    filters: {},
    cleared: () => ({}),
    fetch: async (_, paging) => {
      const res = await getInbox(paging)
      unread.value = res.unread
      return res
    },
  })
  const { items, load } = list

  const current = ref<InboxItem | null>(null)
  const issue = ref<Issue | null>(null)
  const issueError = ref<unknown>(null)
  const opening = ref(false)
  const acking = ref(false)
  const ackError = ref<unknown>(null)

  /** Replaces the open item with its reloaded row (server times). */
  function refreshCurrent(): void {
    const fresh = items.value.find((i) => i.issue_id === current.value?.issue_id)
    if (fresh) current.value = fresh
  }

  /** Opens an item: marks it read (once) and loads the issue's details. */
  async function open(item: InboxItem): Promise<void> {
    current.value = item
    issue.value = null
    issueError.value = null
    ackError.value = null
    opening.value = true
    try {
      if (!item.read_at) {
        await markRead(item.issue_id)
        refreshMenuBadges()
        current.value = { ...item, read_at: new Date().toISOString() }
        await load()
        refreshCurrent()
      }
      issue.value = await getIssue(item.issue_id)
    } catch (e) {
      issueError.value = e
    } finally {
      opening.value = false
    }
  }

  async function ack(): Promise<boolean> {
    if (!current.value) return false
    acking.value = true
    ackError.value = null
    try {
      await acknowledge(current.value.issue_id)
      const now = new Date().toISOString()
      current.value = { ...current.value, acknowledged_at: now, read_at: current.value.read_at || now }
      await load()
      refreshCurrent()
      return true
    } catch (e) {
      ackError.value = e
      return false
    } finally {
      acking.value = false
    }
  }

  return {
    ...list,
    unread,
    current,
    issue,
    issueError,
    opening,
    open,
    acking,
    ackError,
    ack,
  }
}
