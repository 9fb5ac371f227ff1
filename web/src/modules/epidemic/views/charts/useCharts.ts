// Trend charts: mainland trend, one province, Hubei against the rest, current cases by province.
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  currentByProvince,
  getSeries,
  hubeiVsRest,
  listRegions,
  storedDates,
  type EpidemicRegion,
  type ProvinceValue,
  type Series,
} from '@/modules/epidemic/api'
import { DEFAULT_DATE, MAINLAND, type FieldName } from '../shared/fields'
import { CANVAS_TOOLTIP } from '../shared/chart'

/** A line-chart option for `series` (hollow symbols mark derived points). */
function lineOption(series: Series[], names: string[]) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort()
  return {
    tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis' },
    legend: { data: names, top: 0 },
    grid: { left: 64, right: 24, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value' },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: series.map((s, i) => {
      const byDate = new Map(s.points.map((p) => [p.date, p]))
      return {
        name: names[i],
        type: 'line',
        showSymbol: true,
        symbolSize: 3,
        data: dates.map((d) => {
          const p = byDate.get(d)
          if (!p) return null
          return p.derived ? { value: p.value, symbol: 'emptyCircle' } : { value: p.value, symbol: 'circle' }
        }),
      }
    }),
  }
}

export function useCharts() {
  const { t } = useI18n()
  const filters = reactive({
    field: 'cum_confirmed' as FieldName,
    from: '',
    to: '',
    province: '420000',
    date: DEFAULT_DATE,
  })
  const regions = ref<EpidemicRegion[]>([])
  const provinces = computed(() => regions.value.filter((r) => r.level === 'province'))
  const mainland = ref<Series | null>(null)
  const province = ref<Series | null>(null)
  const hubeiRest = ref<Series[]>([])
  const bars = ref<ProvinceValue[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const empty = ref(false)

  const fieldLabel = computed(() => t(`epidemic.fields.${filters.field}`))
  const mainlandOption = computed(() =>
    mainland.value && mainland.value.points.length ? lineOption([mainland.value], [fieldLabel.value]) : null,
  )
  const provinceOption = computed(() =>
    province.value && province.value.points.length
      ? lineOption([province.value], [`${province.value.name} ${fieldLabel.value}`])
      : null,
  )
  const hubeiRestOption = computed(() =>
    hubeiRest.value.some((s) => s.points.length)
      ? lineOption(hubeiRest.value, [t('epidemic.charts.hubei'), t('epidemic.charts.rest')])
      : null,
  )
  const barOption = computed(() => {
    if (!bars.value.length) return null
    const rows = [...bars.value].reverse()
    return {
      tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 110, right: 48, top: 8, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.short_name) },
      series: [
        {
          type: 'bar',
          name: t('epidemic.fields.current_confirmed'),
          data: rows.map((r) => r.value),
          label: { show: true, position: 'right' },
        },
      ],
    }
  })

  async function loadSeries(): Promise<void> {
    const [m, p, hr] = await Promise.all([
      getSeries(MAINLAND, filters.field, filters.from, filters.to),
      getSeries(filters.province, filters.field, filters.from, filters.to),
      hubeiVsRest(filters.field, filters.from, filters.to),
    ])
    mainland.value = m
    province.value = p
    hubeiRest.value = hr
  }

  async function loadBars(): Promise<void> {
    bars.value = filters.date ? await currentByProvince(filters.date) : []
  }

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      if (!regions.value.length) regions.value = await listRegions()
      const dates = await storedDates()
      empty.value = dates.days === 0
      if (empty.value) return
      if (!filters.from && !filters.to && dates.first && dates.last) {
        filters.from = dates.first
        filters.to = dates.last
      }
      await Promise.all([loadSeries(), loadBars()])
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  return {
    filters,
    provinces,
    loading,
    error,
    empty,
    mainlandOption,
    provinceOption,
    hubeiRestOption,
    barOption,
    load,
  }
}
