// Inbox logic: the signed-in user's delivered issues with the unread count, paging,
// opening one (marks it read) and acknowledging (签收).
import { ref } from 'vue'
import { acknowledge, getInbox, getIssue, markRead, type InboxItem, type Issue } from '@/api/bulletins'
import { refreshMenuBadges } from '@/layouts/useMenuBadges'

export function useInbox() {
  const items = ref<InboxItem[]>([])
  const total = ref(0)
  const unread = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const error = ref<unknown>(null)

  const current = ref<InboxItem | null>(null)
  const issue = ref<Issue | null>(null)
  const issueError = ref<unknown>(null)
  const opening = ref(false)
  const acking = ref(false)
  const ackError = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const res = await getInbox({ page: page.value, page_size: pageSize.value })
      items.value = res.items
      total.value = res.total
      unread.value = res.unread
    } catch (e) {
      error.value = e
      items.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

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

  function onPage(p: number): void {
    page.value = p
    void load()
  }

  function onPageSize(s: number): void {
    pageSize.value = s
    page.value = 1
    void load()
  }

  /** Settles when the first page has loaded. */
  const firstLoad = load()

  return {
    firstLoad,
    items,
    total,
    unread,
    page,
    pageSize,
    loading,
    error,
    load,
    current,
    issue,
    issueError,
    opening,
    open,
    acking,
    ackError,
    ack,
    onPage,
    onPageSize,
  }
}
