// Day grid: one row per region with its 16 fields; edit cells, save a row, see the
// derived (not reported) values and the day's validation status.
import { computed, reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { editConflict, isApiError } from '@/api/http'
import {
  getDayGrid,
  listRegions,
  putFigures,
  validate,
  type DayGrid,
  type DayStatus,
  type EpidemicRegion,
  type Violation,
} from '@/modules/epidemic/api'
import { queryString } from '@/utils/query'
import { DEFAULT_DATE, FIELDS, MAINLAND, type FieldName } from '../shared/fields'

/** A grid row being edited: the cell texts as typed. */
export interface GridRow {
  region: string
  name: string
  cells: Record<FieldName, string>
  stored: Record<string, number>
  derived: Record<string, number>
  /** Field → server message for the last failed save. */
  errors: Record<string, string>
  saving: boolean
  /** The stored row's edit version, sent as If-Match. */
  version: number
  /** After a 412: the error (who saved, when) and the fields where theirs differs from mine. */
  conflict?: { error: unknown; fields: FieldName[] }
}

function cellsOf(figures: Record<string, number>): Record<FieldName, string> {
  const out = {} as Record<FieldName, string>
  for (const f of FIELDS) out[f] = figures[f] === undefined ? '' : String(figures[f])
  return out
}

// Mainland first, then the GB/T 2260 order.
function regionOrder(a: string, b: string): number {
  if (a === MAINLAND) return -1
  if (b === MAINLAND) return 1
  return a.localeCompare(b)
}

export function useDayGrid() {
  const route = useRoute()
  const router = useRouter()
  const date = ref(queryString(route.query.date) || DEFAULT_DATE)
  const regions = ref<EpidemicRegion[]>([])
  const rows = ref<GridRow[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const status = ref<DayStatus | null>(null)
  const violations = ref<Violation[]>([])
  const names = computed(() => new Map(regions.value.map((r) => [r.code, r.short_name || r.name])))
  const addable = computed(() => regions.value.filter((r) => !rows.value.some((row) => row.region === r.code)))

  /** The edit versions of the last grid loaded, also for rows added later (emptied rows keep one). */
  let versions: NonNullable<DayGrid['versions']> = {}

  function toRows(grid: DayGrid): GridRow[] {
    versions = grid.versions ?? {}
    const codes = new Set([...grid.items.map((i) => i.region), ...Object.keys(grid.derived)])
    const stored = new Map(grid.items.map((i) => [i.region, i.figures]))
    return [...codes].sort(regionOrder).map((code) =>
      reactive({
        region: code,
        name: names.value.get(code) ?? code,
        cells: cellsOf(stored.get(code) ?? {}),
        stored: stored.get(code) ?? {},
        derived: grid.derived[code] ?? {},
        errors: {},
        saving: false,
        version: grid.versions?.[code]?.version ?? 1,
      }),
    )
  }

  async function loadStatus(): Promise<void> {
    try {
      const report = await validate(date.value, date.value)
      status.value = report.days.find((d) => d.date === date.value) ?? null
      violations.value = report.violations.filter((v) => !v.explained)
    } catch {
      status.value = null
      violations.value = []
    }
  }

  async function load(): Promise<void> {
    if (!date.value) return
    loading.value = true
    error.value = null
    void router.replace({ query: { date: date.value } })
    try {
      if (!regions.value.length) regions.value = await listRegions()
      rows.value = toRows(await getDayGrid(date.value))
      await loadStatus()
    } catch (e) {
      error.value = e
      rows.value = []
    } finally {
      loading.value = false
    }
  }

  /** True when a cell differs from what is stored. */
  function isChanged(row: GridRow, f: FieldName): boolean {
    const stored = row.stored[f] === undefined ? '' : String(row.stored[f])
    return row.cells[f].trim() !== stored
  }

  function rowChanged(row: GridRow): boolean {
    return FIELDS.some((f) => isChanged(row, f))
  }

  /** After a conflict: drops my cells of the row and shows theirs. */
  function takeTheirs(row: GridRow): void {
    row.cells = cellsOf(row.stored)
    row.conflict = undefined
  }

  /** Saves one row; returns true on success. Errors are kept per field on the row. */
  async function save(row: GridRow): Promise<boolean> {
    row.errors = {}
    row.conflict = undefined
    const body: Record<string, number | null> = {}
    for (const f of FIELDS) {
      const text = row.cells[f].trim().replace(/[,，\s]/g, '')
      if (text === '') continue
      if (!/^-?\d+$/.test(text)) {
        row.errors[f] = 'NaN'
        continue
      }
      body[f] = Number(text)
    }
    if (Object.keys(row.errors).length) return false
    row.saving = true
    try {
      const saved = await putFigures(date.value, row.region, body, row.version)
      row.version = saved.version
      row.stored = saved.figures
      row.cells = cellsOf(saved.figures)
      const grid = await getDayGrid(date.value)
      row.derived = grid.derived[row.region] ?? {}
      await loadStatus()
      return true
    } catch (e) {
      if (isApiError(e) && e.field && (FIELDS as readonly string[]).includes(e.field)) {
        row.errors[e.field] = e.message
      } else {
        row.errors._row = isApiError(e) || e instanceof Error ? e.message : String(e)
      }
      const conflict = editConflict(e)
      if (conflict) {
        // Show theirs as the stored row (the cells that differ are marked) and keep the typed
        // cells: saving again keeps mine over the version now seen; loading again takes theirs.
        const grid = await getDayGrid(date.value).catch(() => null)
        row.stored = grid?.items.find((i) => i.region === row.region)?.figures ?? {}
        row.version = grid?.versions?.[row.region]?.version ?? conflict.version
        delete row.errors._row
        row.conflict = { error: e, fields: FIELDS.filter((f) => isChanged(row, f)) }
      }
      return false
    } finally {
      row.saving = false
    }
  }

  function addRegion(code: string): void {
    if (!code || rows.value.some((r) => r.region === code)) return
    rows.value.push(
      reactive({
        region: code,
        name: names.value.get(code) ?? code,
        cells: cellsOf({}),
        stored: {},
        derived: {},
        errors: {},
        saving: false,
        version: versions[code]?.version ?? 1,
      }),
    )
  }

  return { date, rows, loading, error, status, violations, addable, load, save, isChanged, rowChanged, addRegion, takeTheirs }
}
