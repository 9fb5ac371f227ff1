// The holiday calendar page: one year's exceptions to Monday–Friday work, added, replaced
// and removed by national admins (the server checks who may).
import { reactive, ref } from 'vue'
import { calendar, deleteCalendarDay, setCalendarDay, type CalendarDay } from '../../api'

export function useCalendar() {
  const year = ref(String(new Date().getFullYear()))
  const days = ref<CalendarDay[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const draft = reactive<CalendarDay>({ date: '', kind: 'holiday', name: '' })
  const saving = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      days.value = await calendar(year.value)
    } catch (e) {
      error.value = e
      days.value = []
    } finally {
      loading.value = false
    }
  }

  async function save(): Promise<void> {
    saving.value = true
    error.value = null
    try {
      await setCalendarDay({ ...draft })
      if (draft.date.startsWith(year.value)) await load()
      draft.date = ''
      draft.name = ''
    } catch (e) {
      error.value = e
    } finally {
      saving.value = false
    }
  }

  async function remove(date: string): Promise<void> {
    error.value = null
    try {
      await deleteCalendarDay(date)
      await load()
    } catch (e) {
      error.value = e
    }
  }

  return { year, days, loading, error, draft, saving, load, save, remove }
}
