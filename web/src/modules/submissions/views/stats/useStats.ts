// Adoption statistics: a period (month, quarter, year, custom), the table per organisation,
// drill-down to the pieces behind a cell, the chart and the .xlsx/.csv export links.
import { computed, reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { fetchStats, statsExportUrl, statsPieces, type Piece, type Stats, type StatsRow } from '@/modules/submissions/api'
import { queryString } from '@/utils/query'

export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom'

/** Today's date in Asia/Shanghai as [year, month 1-12]. */
function shanghaiToday(): [number, number] {
  const s = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7))]
}

export function useStats() {
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()
  const [year, month] = shanghaiToday()
  const sel = reactive({
    kind: 'year' as PeriodKind,
    year: String(year),
    quarter: Math.ceil(month / 3),
    month: `${year}-${String(month).padStart(2, '0')}`,
    range: null as [string, string] | null,
  })
  // Restore the period from the address (?period=2026-Q3).
  const p0 = queryString(route.query.period)
  if (/^\d{4}$/.test(p0)) Object.assign(sel, { kind: 'year', year: p0 })
  else if (/^\d{4}-Q[1-4]$/.test(p0)) Object.assign(sel, { kind: 'quarter', year: p0.slice(0, 4), quarter: Number(p0[6]) })
  else if (/^\d{4}-\d{2}$/.test(p0)) Object.assign(sel, { kind: 'month', month: p0 })
  else if (/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(p0)) Object.assign(sel, { kind: 'custom', range: p0.split('..') })

  const period = computed(() => {
    switch (sel.kind) {
      case 'year':
        return sel.year
      case 'quarter':
        return `${sel.year}-Q${sel.quarter}`
      case 'month':
        return sel.month
      default:
        return sel.range ? `${sel.range[0]}..${sel.range[1]}` : ''
    }
  })

  const stats = ref<Stats | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    if (!period.value) return
    loading.value = true
    error.value = null
    void router.replace({ query: { period: period.value } })
    try {
      stats.value = await fetchStats({ period: period.value })
    } catch (e) {
      error.value = e
      stats.value = null
    } finally {
      loading.value = false
    }
  }

  const xlsxUrl = computed(() => statsExportUrl({ period: period.value, target: stats.value?.target.code, format: 'xlsx' }))
  const csvUrl = computed(() => statsExportUrl({ period: period.value, target: stats.value?.target.code, format: 'csv' }))

  const chart = computed(() => {
    const rows = stats.value?.rows ?? []
    const names = rows.map((r) => r.org.short_name || r.org.name)
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 56, bottom: 30, top: 44 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: t('submissions.stats.submitted'), type: 'bar', data: rows.map((r) => r.submitted), itemStyle: { color: '#8aa4c8' } },
        { name: t('submissions.stats.adopted'), type: 'bar', data: rows.map((r) => r.adopted), itemStyle: { color: '#c8102e' } },
        {
          name: t('submissions.stats.rate'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => Math.round(r.adoption_rate * 1000) / 10),
          itemStyle: { color: '#e6a23c' },
        },
      ],
    }
  })

  // Drill-down.
  const drill = reactive({
    open: false,
    row: null as StatsRow | null,
    kind: 'submitted' as 'submitted' | 'adopted',
    page: 1,
    items: [] as Piece[],
    total: 0,
    loading: false,
    error: null as unknown,
  })
  async function loadDrill(): Promise<void> {
    if (!drill.row) return
    drill.loading = true
    drill.error = null
    try {
      const res = await statsPieces({
        period: period.value,
        target: stats.value?.target.code,
        org: drill.row.org.code,
        kind: drill.kind,
        page: drill.page,
        page_size: 10,
      })
      drill.items = res.items
      drill.total = res.total
    } catch (e) {
      drill.error = e
      drill.items = []
      drill.total = 0
    } finally {
      drill.loading = false
    }
  }
  function openDrill(row: StatsRow, kind: 'submitted' | 'adopted'): void {
    Object.assign(drill, { open: true, row, kind, page: 1, items: [], total: 0 })
    void loadDrill()
  }
  function drillPage(p: number): void {
    drill.page = p
    void loadDrill()
  }

  function pct(x: number): string {
    return `${(x * 100).toFixed(1)}%`
  }

  void load()
  return { sel, period, stats, loading, error, load, xlsxUrl, csvUrl, chart, drill, openDrill, drillPage, loadDrill, pct }
}
