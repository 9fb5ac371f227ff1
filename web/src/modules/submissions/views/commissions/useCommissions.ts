// 约稿: editors create and close commissions; reporters see those addressed to them and answer.
import { computed, ref, toRef } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'
import {
  closeCommission,
  createCommission,
  getCommission,
  listCommissions,
  type Commission,
  type Piece,
} from '@/modules/submissions/api'
import { usePagedList } from '@/composables/usePagedList'
import { useFormDialog } from '@/composables/useFormDialog'
import { useSessionStore } from '@/stores/session'
import { pieceRoute } from '../shared/pieceRoute'

export function useCommissions() {
  const router = useRouter()
  const { t } = useI18n()
  const session = useSessionStore()
  const isEditor = computed(() => session.hasAnyRole(['editor']))
  const isReporter = computed(() => session.hasAnyRole(['reporter']))

  const list = usePagedList({
    filters: { status: '' },
    cleared: () => ({ status: '' }),
    fetch: (f, paging) => listCommissions({ status: f.status || undefined, ...paging }),
  })
  const { page, load } = list
  const status = toRef(list.filters, 'status')

  const orgs = ref<Org[]>([])
  const createOpen = ref(false)
  const dialog = useFormDialog({
    open: createOpen,
    initial: () => ({ org: '', topic: '', description: '', deadline: '' }),
    submit: (f) =>
      createCommission({
        org: f.org,
        topic: f.topic.trim(),
        description: f.description.trim() || undefined,
        deadline: f.deadline,
      }),
    saved: () => {
      ElMessage.success(t('submissions.commissions.created'))
      page.value = 1
      void load()
    },
  })

  const detail = ref<Commission | null>(null)
  const detailOpen = ref(false)
  const detailError = ref<unknown>(null)

  const importFor = ref(0)
  const importOpen = ref(false)

  function openCreate(): void {
    createOpen.value = true
    if (!orgs.value.length) {
      listOrgs()
        .then((o) => (orgs.value = o.filter((x) => x.kind !== 'secretariat' && x.kind !== 'national')))
        .catch(() => undefined)
    }
  }

  async function close(c: Commission): Promise<void> {
    try {
      await closeCommission(c.id)
      await load()
    } catch (e) {
      list.error.value = e
    }
  }

  async function show(c: Commission): Promise<void> {
    detail.value = c
    detailOpen.value = true
    detailError.value = null
    try {
      detail.value = await getCommission(c.id)
    } catch (e) {
      detailError.value = e
    }
  }

  function write(c: Commission): void {
    void router.push({ name: 'submissions-new', query: { commission: String(c.id), topic: c.topic } })
  }
  function importAnswer(c: Commission): void {
    importFor.value = c.id
    importOpen.value = true
  }
  function onImported(p: Piece): void {
    void router.push({ name: 'submissions-edit', params: { id: p.id }, query: { imported: '1' } })
  }
  function openPiece(p: Piece): void {
    void router.push(pieceRoute(p.id))
  }

  /** Shows the first page of the chosen status. */
  const onStatus = list.search

  /** Disables past days in the deadline picker (Asia/Shanghai today is allowed). */
  function pastDay(d: Date): boolean {
    const today = new Date()
    today.setHours(0, 0, 0, 0)
    return d.getTime() < today.getTime() - 86400000
  }

  return {
    ...list, isEditor, isReporter, status, orgs, createOpen, form: dialog.form, saving: dialog.saving,
    saveError: dialog.error, create: dialog.save, detail, detailOpen, detailError, importFor, importOpen,
    openCreate, close, show, write, importAnswer, onImported, openPiece, onStatus, pastDay,
  }
}
