// Composer logic: the draft's editable content (sections in order, closing note, distribution,
// copies, date, correction note), adding sections from the sources, saving (by hand and
// automatically, useAutosave) and previewing.
import { computed, reactive, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { editConflict } from '@/api/http'
import {
  epidemicSection,
  getIssue,
  pieceSection,
  previewIssue,
  saveIssue,
  searchPieces,
  type DistributionLine,
  type Issue,
  type Preview,
  type Section,
  type SourcePiece,
} from '@/modules/bulletins/api'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'
import { useAutosave } from '@/composables/useAutosave'
import { useRenderJob } from '../shared/useRenderJob'

/** A section with a stable key for drag and drop. */
export interface EditSection extends Section {
  uid: number
}

export const LINE_LABELS = ['报', '送', '发', '抄送'] as const

let nextUid = 1

function withUid(s: Section): EditSection {
  return { ...s, uid: nextUid++ }
}

/** A section's identity across versions: its piece, else its kind and title. */
function sectionKey(s: Section): string {
  return s.piece_id ? `piece:${s.piece_id}` : `${s.kind}:${s.title}`
}

/** The differences between the issue as loaded (`base`) and as another editor saved it (`theirs`). */
export function issueChanges(
  base: Issue,
  theirs: Issue,
  t: (key: string, values?: Record<string, unknown>) => string,
): string[] {
  const out: string[] = []
  const before = new Map((base.sections ?? []).map((s) => [sectionKey(s), s]))
  const after = new Map((theirs.sections ?? []).map((s) => [sectionKey(s), s]))
  for (const [k, s] of after) {
    const old = before.get(k)
    if (!old) out.push(t('bulletins.composer.conflict.added', { title: s.title }))
    else if (JSON.stringify(old) !== JSON.stringify(s)) out.push(t('bulletins.composer.conflict.changed', { title: s.title }))
  }
  for (const [k, s] of before) {
    if (!after.has(k)) out.push(t('bulletins.composer.conflict.removed', { title: s.title }))
  }
  const order = (i: Issue) => (i.sections ?? []).map(sectionKey).filter((k) => before.has(k) && after.has(k))
  if (JSON.stringify(order(base)) !== JSON.stringify(order(theirs))) out.push(t('bulletins.composer.conflict.reordered'))
  if ((base.closing_note ?? '') !== (theirs.closing_note ?? '')) out.push(t('bulletins.composer.conflict.closingNote'))
  if (JSON.stringify(base.distribution ?? []) !== JSON.stringify(theirs.distribution ?? [])) {
    out.push(t('bulletins.composer.conflict.distribution'))
  }
  if (base.date !== theirs.date || base.copies !== theirs.copies) out.push(t('bulletins.composer.conflict.dateCopies'))
  return out
}

export function useComposer() {
  const route = useRoute()
  const { t } = useI18n()
  const id = computed(() => Number(route.params.id))

  const issue = ref<Issue | null>(null)
  const loading = ref(false)
  const loadError = ref<unknown>(null)

  const form = reactive({
    date: '',
    sections: [] as EditSection[],
    closing_note: '',
    distribution: [] as DistributionLine[],
    copies: 0,
    revision_note: '',
  })
  const dirty = ref(false)
  /** Counts changes of the form, to tell whether the user typed while a save was on its way. */
  let edits = 0
  const saving = ref(false)
  const saveError = ref<unknown>(null)
  /** After a 412: the issue as the other editor saved it, and what they changed. */
  const theirs = ref<Issue | null>(null)
  const conflictChanges = ref<string[]>([])

  const orgs = ref<Org[]>([])

  // Sources: adopted pieces.
  const pieceQuery = ref('')
  /** Offer only pieces no issue uses yet (未编入). */
  const unusedOnly = ref(false)
  const pieces = ref<SourcePiece[]>([])
  const piecesLoading = ref(false)
  const piecesError = ref<unknown>(null)
  const adding = ref<number | 'epidemic' | null>(null)
  const addError = ref<unknown>(null)

  // Sources: epidemic figures.
  const epidemicDate = ref('2020-03-18')
  const epidemicChart = ref(false)
  const epidemicError = ref<unknown>(null)

  // Preview.
  const preview = ref<Preview | null>(null)
  const previewing = ref(false)
  const previewError = ref<unknown>(null)
  /** Seconds typesetting / queued while a preview renders (retries on render_busy). */
  const render = useRenderJob()

  function fill(i: Issue): void {
    issue.value = i
    theirs.value = null
    conflictChanges.value = []
    form.date = i.date
    form.sections = (i.sections ?? []).map(withUid)
    form.closing_note = i.closing_note ?? ''
    form.distribution = (i.distribution ?? []).map((l) => ({ label: l.label, to: [...l.to] }))
    form.copies = i.copies
    form.revision_note = i.revision_note
    dirty.value = false
  }

  async function load(): Promise<void> {
    loading.value = true
    loadError.value = null
    try {
      fill(await getIssue(id.value))
    } catch (e) {
      loadError.value = e
      issue.value = null
    } finally {
      loading.value = false
    }
  }

  async function loadPieces(): Promise<void> {
    piecesLoading.value = true
    piecesError.value = null
    try {
      pieces.value = await searchPieces(pieceQuery.value.trim(), unusedOnly.value)
    } catch (e) {
      piecesError.value = e
      pieces.value = []
    } finally {
      piecesLoading.value = false
    }
  }

  const usedPieces = computed(() => new Set(form.sections.filter((s) => s.piece_id).map((s) => s.piece_id)))

  async function addPiece(pieceId: number): Promise<void> {
    adding.value = pieceId
    addError.value = null
    try {
      form.sections.push(withUid(await pieceSection(pieceId)))
    } catch (e) {
      addError.value = e
    } finally {
      adding.value = null
    }
  }

  async function addEpidemic(): Promise<void> {
    if (!epidemicDate.value) return
    adding.value = 'epidemic'
    epidemicError.value = null
    try {
      form.sections.push(withUid(await epidemicSection(epidemicDate.value, epidemicChart.value)))
    } catch (e) {
      epidemicError.value = e
    } finally {
      adding.value = null
    }
  }

  /** Adds a ready section (a summary from another module). */
  function addSection(s: Section): void {
    form.sections.push(withUid(s))
  }

  function addText(title: string, body = ''): void {
    form.sections.push(withUid({ kind: 'text', title, org: '', body }))
  }

  function removeSection(uid: number): void {
    form.sections = form.sections.filter((s) => s.uid !== uid)
  }

  function addLine(): void {
    const used = new Set(form.distribution.map((l) => l.label))
    const label = LINE_LABELS.find((l) => !used.has(l)) ?? '发'
    form.distribution.push({ label, to: [] })
  }

  function removeLine(index: number): void {
    form.distribution.splice(index, 1)
  }

  /**
   * PUT the form with the version it was edited from (or `over`, the newer version the user has
   * seen and chooses to replace); returns true when saved. On 412 loads their version to compare.
   */
  async function save(over?: number, auto = false): Promise<boolean> {
    saving.value = true
    saveError.value = null
    const at = edits
    try {
      const saved = await saveIssue(id.value, {
        version: over ?? issue.value?.version,
        date: form.date,
        sections: form.sections.map(({ uid: _uid, ...s }) => s),
        closing_note: form.closing_note,
        distribution: form.distribution.filter((l) => l.to.length > 0),
        copies: form.copies,
        revision_note: form.revision_note,
      })
      if (auto || edits !== at) {
        // The user may still be typing: take the new version, leave the form alone.
        issue.value = saved
        dirty.value = edits !== at
      } else {
        fill(saved)
      }
      return true
    } catch (e) {
      saveError.value = e
      if (editConflict(e) && issue.value) {
        try {
          theirs.value = await getIssue(id.value)
          conflictChanges.value = issueChanges(issue.value, theirs.value, t)
        } catch {
          theirs.value = null
        }
      }
      return false
    } finally {
      saving.value = false
    }
  }

  /** After a conflict: drops the form and shows the other editor's version. */
  function reloadTheirs(): void {
    saveError.value = null
    if (theirs.value) fill(theirs.value)
    else void load()
  }

  /** After a conflict: saves the form over the other editor's version, which the user has seen. */
  async function keepMine(): Promise<boolean> {
    const over = theirs.value?.version ?? editConflict(saveError.value)?.version
    return save(over)
  }

  /** Saves when there are changes, then renders the stored draft's pages. */
  async function runPreview(): Promise<void> {
    if (dirty.value && !(await save())) return
    previewing.value = true
    previewError.value = null
    try {
      preview.value = await render.run(() => previewIssue(id.value, 48))
    } catch (e) {
      previewError.value = e
    } finally {
      previewing.value = false
    }
  }

  /** One page at a readable resolution, for the enlarged view (cached per preview). */
  const large = ref<string[]>([])
  const largeLoading = ref(false)
  async function largePage(index: number): Promise<string> {
    if (!large.value[index]) {
      largeLoading.value = true
      try {
        large.value = (await render.run(() => previewIssue(id.value, 110))).pages
      } catch {
        return preview.value?.pages[index] ?? ''
      } finally {
        largeLoading.value = false
      }
    }
    return large.value[index] ?? preview.value?.pages[index] ?? ''
  }
  watch(preview, () => (large.value = []))

  // Synchronous, so that fill() can clear the flag right after assigning the loaded values.
  watch(
    form,
    () => {
      dirty.value = true
      edits++
    },
    { deep: true, flush: 'sync' },
  )

  /** Saves a draft a moment after the user stops typing (never over a conflict). */
  const autosave = useAutosave({
    source: form,
    dirty,
    canSave: () => issue.value?.status === 'draft' && !saving.value && !editConflict(saveError.value),
    save: () => save(undefined, true),
  })

  void listOrgs()
    .then((o) => (orgs.value = o))
    .catch(() => undefined)
  void load()
  void loadPieces()

  return {
    id,
    issue,
    loading,
    loadError,
    load,
    form,
    dirty,
    saving,
    saveError,
    save,
    autosave,
    theirs,
    conflictChanges,
    reloadTheirs,
    keepMine,
    orgs,
    pieceQuery,
    pieces,
    unusedOnly,
    piecesLoading,
    piecesError,
    loadPieces,
    usedPieces,
    adding,
    addError,
    addPiece,
    epidemicDate,
    epidemicChart,
    epidemicError,
    addSection,
    addEpidemic,
    addText,
    removeSection,
    addLine,
    removeLine,
    preview,
    previewing,
    previewError,
    render,
    runPreview,
    largePage,
    largeLoading,
  }
}
