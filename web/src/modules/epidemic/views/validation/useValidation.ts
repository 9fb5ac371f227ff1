// Validation report: violations with their rules explained, per-day verified status,
// the corrections and source notes that explain violations (editors add and delete them).
import { computed, reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  addCorrection,
  deleteCorrection,
  listCorrections,
  deleteNote,
  listNotes,
  listRegions,
  loadKnownCorrections,
  validate,
  type Correction,
  type EpidemicRegion,
  type SourceNote,
  type ValidationReport,
} from '@/modules/epidemic/api'
import { queryString } from '@/utils/query'

export function useValidation() {
  const route = useRoute()
  const router = useRouter()
  const filters = reactive({
    from: queryString(route.query.from) || '2020-03-01',
    to: queryString(route.query.to) || '2020-03-31',
    unexplained: route.query.unexplained === 'true',
  })
  const report = ref<ValidationReport | null>(null)
  const corrections = ref<Correction[]>([])
  const regions = ref<EpidemicRegion[]>([])
  const notes = ref<SourceNote[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const names = computed(() => new Map(regions.value.map((r) => [r.code, r.short_name || r.name])))
  const verifiedDays = computed(() => report.value?.days.filter((d) => d.verified).length ?? 0)

  function regionName(code: string): string {
    return names.value.get(code) ?? code
  }

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    void router.replace({
      query: { from: filters.from, to: filters.to, unexplained: filters.unexplained ? 'true' : undefined },
    })
    try {
      if (!regions.value.length) regions.value = await listRegions()
      const [r, c, n] = await Promise.all([
        validate(filters.from ?? '', filters.to ?? '', filters.unexplained),
        listCorrections('', ''),
        listNotes(),
      ])
      report.value = r
      corrections.value = c
      notes.value = n
    } catch (e) {
      error.value = e
      report.value = null
    } finally {
      loading.value = false
    }
  }

  async function add(c: Omit<Correction, 'id'>): Promise<void> {
    await addCorrection(c)
    await load()
  }

  async function remove(id: number): Promise<void> {
    await deleteCorrection(id)
    await load()
  }

  async function removeNote(id: number): Promise<void> {
    await deleteNote(id)
    await load()
  }

  async function loadKnown(): Promise<number> {
    const { added } = await loadKnownCorrections()
    await load()
    return added
  }

  /** Corrections of the range, for the corrections card (all are loaded to name explanations). */
  const rangeCorrections = computed(() =>
    corrections.value.filter((c) => (!filters.from || c.date >= filters.from) && (!filters.to || c.date <= filters.to)),
  )

  return {
    filters,
    report,
    corrections,
    rangeCorrections,
    notes,
    regions,
    loading,
    error,
    verifiedDays,
    regionName,
    load,
    add,
    remove,
    removeNote,
    loadKnown,
  }
}
