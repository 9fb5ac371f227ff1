// A member unit's work-resumption report: the form (difficulties and needs as rows), the
// schedules the unit reports under, and the unit's earlier reports.
import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { usePagedList } from '@/composables/usePagedList'
import { listReports, listSchedules, submitReport, type ReportInput, type Schedule } from '../../api'

function today(): string {
  const d = new Date(Date.now() + 8 * 3600 * 1000)
  return d.toISOString().slice(0, 10)
}

function blank(): ReportInput {
  return { date: today(), status: 'partial', staff_back_pct: 50, capacity_pct: 50, difficulties: [], needs: [] }
}

export function useReport() {
  const { t } = useI18n()
  const form = reactive<ReportInput>(blank())
  const saving = ref(false)
  const error = ref<unknown>(null)
  const schedules = ref<Schedule[]>([])

  const list = usePagedList({
    filters: {},
    cleared: () => ({}),
    fetch: (_f, paging) => listReports({ ...paging }),
  })

  listSchedules()
    .then((p) => (schedules.value = p.items))
    .catch(() => undefined)

  function addDifficulty(): void {
    form.difficulties.push({ category: 'supplies', text: '' })
  }
  function addNeed(): void {
    form.needs.push({ kind: 'masks', quantity: 1, note: '' })
  }

  async function submit(): Promise<void> {
    saving.value = true
    error.value = null
    try {
      await submitReport({ ...form })
      ElMessage.success(t('members.report.submitted'))
      Object.assign(form, blank())
      list.page.value = 1
      await list.load()
    } catch (e) {
      error.value = e
    } finally {
      saving.value = false
    }
  }

  return { form, saving, error, schedules, list, addDifficulty, addNeed, submit }
}
