// Follow-up of needs: the filtered list, the item's history in a drawer, and the actions
// (assign, start, resolve, close, reopen, comment) for association staff.
import { computed, reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { usePagedList } from '@/composables/usePagedList'
import { actOnFollowup, getFollowup, listFollowups, type Followup } from '../../api'

/** The actions each status allows (the server's state machine). */
export function actionsFor(status: string): string[] {
  if (status === 'open') return ['assign', 'start', 'resolve', 'close', 'comment']
  if (status === 'in_progress') return ['assign', 'resolve', 'close', 'comment']
  return ['reopen', 'comment']
}

export function useFollowups() {
  const { t } = useI18n()
  const session = useSessionStore()
  const isStaff = computed(() => session.hasAnyRole(['admin', 'editor']))
  const list = usePagedList({
    filters: { status: 'open', kind: '', org: '' },
    cleared: () => ({ status: '', kind: '', org: '' }),
    fetch: (f, paging) =>
      listFollowups({ status: f.status || undefined, kind: f.kind || undefined, org: f.org || undefined, ...paging }),
  })
  const detail = ref<Followup | null>(null)
  const detailOpen = ref(false)
  const detailError = ref<unknown>(null)
  const act = reactive({ action: '', owner: '', note: '' })
  const acting = ref(false)
  const actError = ref<unknown>(null)

  async function show(f: Followup): Promise<void> {
    detail.value = f
    detailOpen.value = true
    detailError.value = null
    actError.value = null
    Object.assign(act, { action: actionsFor(f.status)[0], owner: session.user?.login ?? '', note: '' })
    try {
      detail.value = await getFollowup(f.id)
    } catch (e) {
      detailError.value = e
    }
  }

  async function apply(): Promise<void> {
    if (!detail.value) return
    acting.value = true
    actError.value = null
    try {
      detail.value = await actOnFollowup(detail.value.id, act.action, act.action === 'assign' ? act.owner : '', act.note)
      ElMessage.success(t('members.followup.done'))
      act.note = ''
      act.action = actionsFor(detail.value.status)[0]
      void list.load()
    } catch (e) {
      actError.value = e
    } finally {
      acting.value = false
    }
  }

  return { list, isStaff, detail, detailOpen, detailError, act, acting, actError, show, apply }
}
