// Per-day validation status for the chart card: the report of the range the validation page
// shows (its ?from=&to=), the selected day and that day's violations.
import { computed, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { listRegions, validate, type ValidationReport } from '@/api/epidemic'
import { queryString } from '@/utils/query'

export function useStatusChart() {
  const route = useRoute()
  const report = ref<ValidationReport | null>(null)
  const selected = ref<string | null>(null)
  const names = ref(new Map<string, string>())
  const loading = ref(false)
  const error = ref<unknown>(null)
  const range = computed(() => ({ from: queryString(route.query.from), to: queryString(route.query.to) }))
  const dayViolations = computed(() => report.value?.violations.filter((v) => v.date === selected.value) ?? [])

  function regionName(code: string): string {
    return names.value.get(code) ?? code
  }

  async function load(): Promise<void> {
    // The page writes its range into the query when it loads; wait for it.
    if (!range.value.from || !range.value.to) return
    loading.value = true
    error.value = null
    try {
      if (!names.value.size) names.value = new Map((await listRegions()).map((r) => [r.code, r.short_name || r.name]))
      report.value = await validate(range.value.from, range.value.to)
      if (selected.value && !report.value.days.some((d) => d.date === selected.value)) selected.value = null
    } catch (e) {
      error.value = e
      report.value = null
    } finally {
      loading.value = false
    }
  }

  /** Selects `date`, or clears the selection when it is already selected. */
  function toggle(date: string): void {
    selected.value = selected.value === date ? null : date
  }

  watch(() => `${range.value.from}|${range.value.to}`, load, { immediate: true })
  return { report, selected, dayViolations, loading, error, regionName, load, toggle }
}
