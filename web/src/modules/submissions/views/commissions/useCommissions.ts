// 约稿: editors create and close commissions; reporters see those addressed to them and answer.
import { computed, reactive, ref } from 'vue'
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
import { useSessionStore } from '@/stores/session'
import { pieceRoute } from '../shared/pieceRoute'

export function useCommissions() {
  const router = useRouter()
  const { t } = useI18n()
  const session = useSessionStore()
  const isEditor = computed(() => session.hasAnyRole(['editor']))
  const isReporter = computed(() => session.hasAnyRole(['reporter']))

  const status = ref('')
  const page = ref(1)
  const pageSize = ref(20)
  const items = ref<Commission[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)

  const orgs = ref<Org[]>([])
  const createOpen = ref(false)
  const form = reactive({ org: '', topic: '', description: '', deadline: '' })
  const saving = ref(false)
  const saveError = ref<unknown>(null)

  const detail = ref<Commission | null>(null)
  const detailOpen = ref(false)
  const detailError = ref<unknown>(null)

  const importFor = ref(0)
  const importOpen = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const res = await listCommissions({ status: status.value || undefined, page: page.value, page_size: pageSize.value })
      items.value = res.items
      total.value = res.total
    } catch (e) {
      error.value = e
      items.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  function openCreate(): void {
    Object.assign(form, { org: '', topic: '', description: '', deadline: '' })
    saveError.value = null
    createOpen.value = true
    if (!orgs.value.length) {
      listOrgs()
        .then((o) => (orgs.value = o.filter((x) => x.kind !== 'secretariat' && x.kind !== 'national')))
        .catch(() => undefined)
    }
  }

  async function create(): Promise<void> {
    saving.value = true
    saveError.value = null
    try {
      await createCommission({
        org: form.org,
        topic: form.topic.trim(),
        description: form.description.trim() || undefined,
        deadline: form.deadline,
      })
      createOpen.value = false
      ElMessage.success(t('submissions.commissions.created'))
      page.value = 1
      await load()
    } catch (e) {
      saveError.value = e
    } finally {
      saving.value = false
    }
  }

  async function close(c: Commission): Promise<void> {
    try {
      await closeCommission(c.id)
      await load()
    } catch (e) {
      error.value = e
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

  function onPage(p: number): void {
    page.value = p
    void load()
  }
  function onStatus(): void {
    page.value = 1
    void load()
  }

  /** Disables past days in the deadline picker (Asia/Shanghai today is allowed). */
  function pastDay(d: Date): boolean {
    const today = new Date()
    today.setHours(0, 0, 0, 0)
    return d.getTime() < today.getTime() - 86400000
  }

  void load()
  return {
    isEditor, isReporter, status, page, pageSize, items, total, loading, error, orgs, createOpen, form, saving,
    saveError, detail, detailOpen, detailError, importFor, importOpen,
    load, openCreate, create, close, show, write, importAnswer, onImported, openPiece, onPage, onStatus, pastDay,
  }
}
