// The reporting dashboard of one schedule: the period picked by any day inside it, DHIS2's
// figures, breakdowns by province and sector, the rate over the periods, every unit's state.
import { computed, ref } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { dashboardXlsxUrl, getDashboard, getSchedule, type Dashboard } from '../../api'
import { groupsOption, seriesOption, type ChartLabels } from './charts'

function today(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

export function useDashboard() {
  const route = useRoute()
  const { t } = useI18n()
  const id = Number(route.params.id)
  const period = ref(typeof route.query.period === 'string' ? route.query.period : '')
  const data = ref<Dashboard | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const stateFilter = ref('')

  /** Loads the period holding `period`; without one, today's (or the first, for a one-off
   *  schedule that is over or a schedule that starts later). */
  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      if (!period.value) {
        const s = await getSchedule(id)
        const day = today()
        period.value = day < s.first_period || (s.kind === 'once' && day > s.deadline) ? s.first_period : day
      }
      data.value = await getDashboard(id, period.value)
    } catch (e) {
      error.value = e
      data.value = null
    } finally {
      loading.value = false
    }
  }

  const labels = computed<ChartLabels>(() => ({
    expected: t('members.dashboard.expected'),
    reported: t('members.dashboard.reported'),
    onTime: t('members.dashboard.onTime'),
    reportingRate: t('members.dashboard.reportingRate'),
    onTimeRate: t('members.dashboard.onTimeRate'),
    none: t('members.dashboard.noSector'),
  }))
  const provinceChart = computed(() => (data.value ? groupsOption(data.value.by_province, labels.value) : null))
  const sectorChart = computed(() => (data.value ? groupsOption(data.value.by_sector, labels.value) : null))
  const seriesChart = computed(() => (data.value ? seriesOption(data.value, labels.value) : null))
  const xlsxUrl = computed(() => (data.value ? dashboardXlsxUrl(id, data.value.rate.period.start) : ''))
  const units = computed(() =>
    (data.value?.units ?? []).filter((u) => !stateFilter.value || u.state === stateFilter.value),
  )
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`

  void load()
  return { id, period, data, loading, error, load, provinceChart, sectorChart, seriesChart, xlsxUrl, units, stateFilter, pct }
}
