// One piece side by side with its version diff, comments and history; the workflow
// buttons are the `actions` the API returns for this user, reasons as the table says.
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import {
  addComment,
  diffVersions,
  getPiece,
  listComments,
  listVersions,
  pieceAction,
  type Comment,
  type Diff,
  type PieceAction,
  type PieceDetail,
  type Version,
} from '@/modules/submissions/api'
import { useWorkflow } from '../shared/useWorkflow'

export function usePiece() {
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()
  const wf = useWorkflow()
  const id = computed(() => Number(route.params.id))

  const piece = ref<PieceDetail | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const actionError = ref<unknown>(null)
  const busy = ref(false)

  const versions = ref<Version[]>([])
  const diffFrom = ref(0)
  const diffTo = ref(0)
  const diff = ref<Diff | null>(null)
  const diffLoading = ref(false)
  const diffError = ref<unknown>(null)

  const comments = ref<Comment[]>([])
  const commentText = ref('')
  const commentError = ref<unknown>(null)
  const commenting = ref(false)

  const reasonOpen = ref(false)
  const pending = ref<PieceAction | null>(null)
  const reasonRequired = computed(() =>
    piece.value && pending.value ? !!wf.transition(piece.value.state, pending.value)?.reason_required : false,
  )

  const actions = computed(() => (piece.value?.actions ?? []).filter((a) => a !== 'edit'))
  const canEdit = computed(() => piece.value?.actions.includes('edit') ?? false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      piece.value = await getPiece(id.value)
      const [vs, cs] = await Promise.all([listVersions(id.value), listComments(id.value)])
      versions.value = vs
      comments.value = cs
      const last = vs.length ? vs[vs.length - 1].number : 1
      diffTo.value = last
      diffFrom.value = vs.length > 1 ? vs[vs.length - 2].number : last
      await loadDiff()
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  async function loadDiff(): Promise<void> {
    if (!diffFrom.value || !diffTo.value) return
    diffLoading.value = true
    diffError.value = null
    try {
      diff.value = await diffVersions(id.value, diffFrom.value, diffTo.value)
    } catch (e) {
      diffError.value = e
      diff.value = null
    } finally {
      diffLoading.value = false
    }
  }

  function start(action: PieceAction): void {
    if (!piece.value) return
    actionError.value = null
    const tr = wf.transition(piece.value.state, action)
    pending.value = action
    if (tr?.reason_allowed || tr?.reason_required) {
      reasonOpen.value = true
      return
    }
    const p = piece.value as { contact?: string; authors?: string[] }
    const noContact = (action === 'submit' || action === 'resubmit') && (!p.contact?.trim() || !p.authors?.length)
    ElMessageBox.confirm(
      noContact ? t('submissions.edit.noContact') : t('submissions.piece.confirmAction', { action: wf.actionLabel(action) }),
      wf.actionLabel(action),
      { type: 'warning', confirmButtonText: t('common.confirm'), cancelButtonText: t('common.cancel') },
    )
      .then(() => run(action, ''))
      .catch(() => undefined)
  }

  async function run(action: PieceAction, reason: string): Promise<void> {
    busy.value = true
    actionError.value = null
    try {
      await pieceAction(id.value, action, reason || undefined)
      reasonOpen.value = false
      ElMessage.success(t('submissions.actionDone', { action: wf.actionLabel(action) }))
      await load()
    } catch (e) {
      actionError.value = e
      reasonOpen.value = false
    } finally {
      busy.value = false
    }
  }

  function confirmReason(reason: string): void {
    if (pending.value) void run(pending.value, reason)
  }

  async function comment(): Promise<void> {
    const body = commentText.value.trim()
    if (!body) return
    commenting.value = true
    commentError.value = null
    try {
      comments.value.push(await addComment(id.value, body))
      commentText.value = ''
    } catch (e) {
      commentError.value = e
    } finally {
      commenting.value = false
    }
  }

  function edit(): void {
    void router.push({ name: 'submissions-edit', params: { id: id.value } })
  }

  watch(id, (v) => {
    if (v) void load()
  })
  void load()

  return {
    ...wf, id, piece, loading, error, actionError, busy, versions, diffFrom, diffTo, diff, diffLoading, diffError,
    comments, commentText, commentError, commenting, reasonOpen, pending, reasonRequired, actions, canEdit,
    load, loadDiff, start, confirmReason, comment, edit,
  }
}
