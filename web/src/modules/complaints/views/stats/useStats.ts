// The statistics page: period and region, the counts, chart options and the export link.
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { EChartsOption } from 'echarts'
import { publicForm, stats, statsExportUrl, type RegionOption, type Stats } from '../../api'

export function useStats() {
  const { t } = useI18n()
  const year = new Date().getFullYear()
  const sel = reactive({ from: `${year}-01-01`, to: '', region: '' })
  const data = ref<Stats | null>(null)
  const regions = ref<RegionOption[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      if (!regions.value.length) regions.value = (await publicForm()).regions
      data.value = await stats({ ...sel })
    } catch (e) {
      error.value = e
      data.value = null
    } finally {
      loading.value = false
    }
  }

  const exportUrl = computed(() => statsExportUrl({ ...sel }))

  function bar(rows: Stats['by_category'], label: (k: string) => string): EChartsOption {
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => label(r.key ?? '')), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('complaints.stats.received'), type: 'bar', data: rows.map((r) => r.received) },
        { name: t('complaints.stats.forwarded'), type: 'bar', data: rows.map((r) => r.forwarded) },
        { name: t('complaints.stats.closed'), type: 'bar', data: rows.map((r) => r.closed) },
      ],
    }
  }

  const categoryOption = computed(() =>
    data.value ? bar(data.value.by_category, (k) => t(`complaints.categories.${k}`)) : null,
  )
  const operatorOption = computed(() =>
    data.value ? bar(data.value.by_operator, (k) => t(`complaints.operators.${k}`)) : null,
  )
  const handlingOption = computed<EChartsOption | null>(() => {
    const d = data.value
    if (!d) return null
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: [
            { name: t('complaints.stats.resolved_directly'), value: d.resolved_directly },
            { name: t('complaints.stats.forwarded'), value: d.forwarded },
            { name: t('complaints.stats.not_accepted'), value: d.not_accepted },
            { name: t('complaints.stats.open'), value: Math.max(0, d.received - d.resolved_directly - d.forwarded - d.not_accepted) },
          ],
        },
      ],
    }
  })

  return { sel, data, regions, loading, error, load, exportUrl, categoryOption, operatorOption, handlingOption }
}
