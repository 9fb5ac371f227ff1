// Legacy import logic: read a .txt with FileReader, POST it with the series (and the number
// and date when the header lost them), keep what was recognised and the problems.
import { reactive, ref } from 'vue'
import { importBulletin, listSeries, type ImportResult, type Series } from '@/modules/bulletins/api'

/** Reads a File as UTF-8 text. */
export function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result ?? ''))
    r.onerror = () => reject(r.error ?? new Error('read failed'))
    r.readAsText(file, 'utf-8')
  })
}

/** Shows a recognised/problem entry (a string, or an object the server may send). */
export function entryText(e: unknown): string {
  if (typeof e === 'string') return e
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>
    if (typeof o.message === 'string') return o.message
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join('；')
  }
  return String(e)
}

export function useImport() {
  const series = ref<Series[]>([])
  const seriesError = ref<unknown>(null)
  const form = reactive({ series: '', number: undefined as number | undefined, date: '' })
  const fileName = ref('')
  const text = ref('')
  const readError = ref('')
  const importing = ref(false)
  const error = ref<unknown>(null)
  const result = ref<ImportResult | null>(null)

  async function loadSeries(): Promise<void> {
    seriesError.value = null
    try {
      series.value = await listSeries()
      if (!form.series) form.series = series.value[0]?.code ?? ''
    } catch (e) {
      seriesError.value = e
    }
  }

  async function pick(file: File): Promise<void> {
    readError.value = ''
    result.value = null
    error.value = null
    try {
      text.value = await readText(file)
      fileName.value = file.name
    } catch (e) {
      text.value = ''
      fileName.value = ''
      readError.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function submit(): Promise<void> {
    importing.value = true
    error.value = null
    result.value = null
    try {
      result.value = await importBulletin({
        series: form.series,
        text: text.value,
        number: form.number || undefined,
        date: form.date || undefined,
      })
    } catch (e) {
      error.value = e
    } finally {
      importing.value = false
    }
  }

  void loadSeries()

  return { series, seriesError, loadSeries, form, fileName, text, readError, pick, importing, error, result, submit }
}
