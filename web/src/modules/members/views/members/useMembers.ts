// Member units: the list with profiles, and the import of a member list — preview first
// (every row with what it will do, or every row error), then an all-or-nothing commit.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/http'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import { usePagedList } from '@/composables/usePagedList'
import { importMembers, listMembers, type ImportResult } from '../../api'

export function useMembers() {
  const { t } = useI18n()
  const session = useSessionStore()
  const list = usePagedList({
    filters: { q: '' },
    cleared: () => ({ q: '' }),
    fetch: (f, paging) => listMembers({ q: f.q || undefined, ...paging }),
  })

  const open = ref(false)
  const associations = ref<Org[]>([])
  const parent = ref(session.user?.org.code ?? '')
  const file = ref<File | null>(null)
  const preview = ref<ImportResult | null>(null)
  const busy = ref(false)
  const error = ref<unknown>(null)
  const format = computed(() => (file.value?.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'))

  function openImport(): void {
    open.value = true
    preview.value = null
    error.value = null
    file.value = null
    if (!associations.value.length) {
      listOrgs()
        .then((o) => {
          associations.value = o.filter((x) => x.kind === 'national' || x.kind === 'provincial')
          if (!associations.value.some((a) => a.code === parent.value)) parent.value = associations.value[0]?.code ?? ''
        })
        .catch(() => undefined)
    }
  }

  function pick(f: File | null): void {
    file.value = f
    preview.value = null
    error.value = null
  }

  /** Sends the file; a 400 import_rejected carries the rows and errors in the error body. */
  async function send(dryRun: boolean): Promise<void> {
    if (!file.value) return
    busy.value = true
    error.value = null
    try {
      const r = await importMembers(file.value, parent.value, format.value, dryRun)
      preview.value = r
      if (!dryRun) {
        ElMessage.success(t('members.import.done', { created: r.created, updated: r.updated }))
        open.value = false
        void list.load()
      }
    } catch (e) {
      if (isApiError(e) && e.key === 'import_rejected') {
        preview.value = e.body as unknown as ImportResult
      } else {
        preview.value = null
        error.value = e
      }
    } finally {
      busy.value = false
    }
  }

  return { list, open, associations, parent, file, preview, busy, error, openImport, pick, send }
}
