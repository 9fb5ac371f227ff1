// Autosave: saves an editor's form a moment after the user stops typing (and at least every
// few seconds while they keep typing), so a closed tab or a lost connection loses only the last
// seconds. It never saves over a conflict (the user decides first, EditConflictAlert) and never
// while another save runs; it warns before the tab closes with unsaved changes.
//
// The editor provides `dirty`, `canSave()` and `save()`; save() must not replace the form with
// the server's answer (the user is still typing), only take the new version.
import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue'

/** Quiet time after the last change before saving. */
export const AUTOSAVE_DELAY_MS = 2_000
/** Longest time a change waits while the user keeps typing. */
export const AUTOSAVE_MAX_WAIT_MS = 8_000

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed'

export interface AutosaveOptions {
  /** What the user edits (watched deeply): every change restarts the quiet-time wait. */
  source: WatchSource<unknown> | object
  dirty: Ref<boolean>
  /** False while the record cannot be saved (not editable, a conflict shown, another save running). */
  canSave: () => boolean
  /** Saves; resolves true when stored. */
  save: () => Promise<boolean>
}

export function useAutosave(opts: AutosaveOptions) {
  const state = ref<AutosaveState>('idle')
  const savedAt = ref<Date | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstChange = 0

  async function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (!opts.dirty.value) return
    if (!opts.canSave()) {
      // Another save runs, or a conflict waits for the user: look again later.
      state.value = 'pending'
      timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
      return
    }
    state.value = 'saving'
    const ok = await opts.save()
    firstChange = 0
    if (ok) {
      state.value = opts.dirty.value ? 'pending' : 'saved'
      savedAt.value = new Date()
      if (opts.dirty.value) schedule()
    } else {
      state.value = 'failed'
    }
  }

  function schedule(): void {
    const now = Date.now()
    if (!firstChange) firstChange = now
    const wait = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, firstChange + AUTOSAVE_MAX_WAIT_MS - now))
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), wait)
  }

  // Every change (re)starts the quiet-time wait; a failed save is retried on the next change.
  watch(
    opts.source as WatchSource<unknown>,
    () => {
      if (opts.dirty.value) {
        state.value = 'pending'
        schedule()
      }
    },
    { deep: true, flush: 'post' },
  )

  function onBeforeUnload(e: BeforeUnloadEvent): void {
    if (!opts.dirty.value) return
    e.preventDefault()
    e.returnValue = ''
  }
  window.addEventListener('beforeunload', onBeforeUnload)
  onBeforeUnmount(() => {
    clearTimeout(timer)
    window.removeEventListener('beforeunload', onBeforeUnload)
  })

  return { state, savedAt, flush }
}
