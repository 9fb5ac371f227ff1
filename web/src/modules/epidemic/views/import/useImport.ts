// Import: read a .csv/.json file, upload it, show progress, the report or the bad row.
import { computed, ref } from 'vue'
import { isApiError } from '@/api/http'
import { importFile, type ImportReport } from '@/modules/epidemic/api'

export const MAX_IMPORT_BYTES = 8 << 20

export type ImportStage = 'idle' | 'reading' | 'uploading' | 'done' | 'failed'

/** Where a rejected file went wrong: the server's error fields line, column, column_name, reason. */
export interface RowError {
  line: number | null
  column: number | null
  columnName: string
  reason: string
  message: string
}

/** Reads the position and reason of an import error from the answer's fields. */
export function rowErrorOf(error: Record<string, unknown>, message: string): RowError {
  const num = (v: unknown) => (typeof v === 'number' ? v : null)
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  return {
    line: num(error.line),
    column: num(error.column),
    columnName: str(error.column_name),
    reason: str(error.reason) || message,
    message,
  }
}

function readText(file: File, onProgress: (p: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsText(file, 'utf-8')
  })
}

export function useImport() {
  const file = ref<File | null>(null)
  const stage = ref<ImportStage>('idle')
  const progress = ref(0)
  const report = ref<ImportReport | null>(null)
  const rowError = ref<RowError | null>(null)
  const error = ref<unknown>(null)
  const tooLarge = computed(() => (file.value?.size ?? 0) > MAX_IMPORT_BYTES)
  const busy = computed(() => stage.value === 'reading' || stage.value === 'uploading')

  function choose(f: File | null): void {
    file.value = f
    stage.value = 'idle'
    progress.value = 0
    report.value = null
    rowError.value = null
    error.value = null
  }

  async function upload(): Promise<void> {
    const f = file.value
    if (!f || tooLarge.value || busy.value) return
    report.value = null
    rowError.value = null
    error.value = null
    stage.value = 'reading'
    progress.value = 0
    try {
      const text = await readText(f, (p) => (progress.value = Math.round(p * 40)))
      stage.value = 'uploading'
      progress.value = 50
      report.value = await importFile(text, f.name)
      progress.value = 100
      stage.value = 'done'
    } catch (e) {
      stage.value = 'failed'
      progress.value = 100
      if (isApiError(e) && e.code === 'invalid_argument' && e.key.startsWith('import_')) {
        rowError.value = rowErrorOf(e.body, e.message)
      } else if (isApiError(e) && e.key === 'day_json_invalid') {
        rowError.value = { line: null, column: null, columnName: e.field, reason: e.message, message: e.message }
      } else {
        error.value = e
      }
    }
  }

  return { file, stage, progress, report, rowError, error, tooLarge, busy, choose, upload }
}
