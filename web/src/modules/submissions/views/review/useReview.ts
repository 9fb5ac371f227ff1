// The editor's review queue: filters (organisation, state, date, title), paging, selection
// and bulk actions; bulk buttons come from the workflow table for the selected pieces' states.
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'
import { bulkAction, type BulkResult, type Piece, type PieceAction } from '@/modules/submissions/api'
import { usePieceList } from '../shared/usePieceList'
import { useWorkflow } from '../shared/useWorkflow'

export function useReview() {
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()
  const wf = useWorkflow()
  const list = usePieceList()
  const orgs = ref<Org[]>([])
  const selected = ref<Piece[]>([])
  const busy = ref(false)
  const bulkError = ref<unknown>(null)
  const bulkResult = ref<BulkResult | null>(null)
  const reasonOpen = ref(false)
  const pending = ref<PieceAction | null>(null)

  /** States an editor can still act on: the queue's default filter, from the table. */
  const waiting = computed(() => wf.actionableStates('editor'))
  const bulk = computed(() => wf.bulkActions('editor', selected.value.map((p) => p.state)))
  const reasonRequired = computed(() =>
    pending.value
      ? selected.value.some((p) => wf.transition(p.state, pending.value as PieceAction, 'editor')?.reason_required)
      : false,
  )

  // Start on the waiting pieces unless the address says otherwise.
  const fromAddress = !!route.query.state
  let started = false
  function startOnce(): void {
    if (started) return
    started = true
    if (!fromAddress) list.filters.state = [...waiting.value]
    void list.load()
  }
  if (wf.workflow.value) startOnce()
  else {
    const stop = watch([wf.workflow, wf.error], () => {
      stop()
      startOnce()
    })
  }

  listOrgs()
    .then((o) => (orgs.value = o.filter((x) => x.kind !== 'secretariat')))
    .catch(() => (orgs.value = []))

  function startBulk(action: PieceAction): void {
    pending.value = action
    bulkError.value = null
    const needsReason = selected.value.some((p) => {
      const tr = wf.transition(p.state, action, 'editor')
      return tr?.reason_required || tr?.reason_allowed
    })
    if (needsReason) {
      reasonOpen.value = true
      return
    }
    ElMessageBox.confirm(t('submissions.review.confirmBulk', { action: wf.actionLabel(action), n: selected.value.length }), wf.actionLabel(action), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
    })
      .then(() => runBulk(action, ''))
      .catch(() => undefined)
  }

  async function runBulk(action: PieceAction, reason: string): Promise<void> {
    busy.value = true
    try {
      const res = await bulkAction(selected.value.map((p) => p.id), action, reason || undefined)
      bulkResult.value = res
      reasonOpen.value = false
      if (res.failed === 0) ElMessage.success(t('submissions.review.bulkDone', { n: res.succeeded }))
      await list.load()
    } catch (e) {
      bulkError.value = e
      reasonOpen.value = false
    } finally {
      busy.value = false
    }
  }

  function confirmReason(reason: string): void {
    if (pending.value) void runBulk(pending.value, reason)
  }

  function open(p: Piece): void {
    void router.push({ name: 'submissions-review-piece', params: { id: p.id } })
  }

  function reset(): void {
    list.reset(waiting.value)
  }

  return {
    ...wf, ...list, reset, orgs, selected, busy, bulkError, bulkResult, reasonOpen, pending, reasonRequired, bulk,
    startBulk, confirmReason, open,
  }
}
