// Editor of one piece: fields, CommonMark body with the server's safe live preview,
// attachments, and the workflow actions the API says this user may take now.
import { computed, reactive, ref, watch } from 'vue'
import { onBeforeRouteLeave, useRoute, useRouter } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import {
  addAttachment,
  createPiece,
  deleteAttachment,
  diffVersions,
  getPiece,
  listTargets,
  pieceAction,
  previewBody,
  updatePiece,
  type Diff,
  type PieceAction,
  type PieceChange,
  type PieceDetail,
  type Target,
} from '@/modules/submissions/api'
import { hasField } from '@/utils/errors'
import { editConflict } from '@/api/http'
import { useWorkflow } from '../shared/useWorkflow'
import { pieceRoute } from '../shared/pieceRoute'
import { useSessionStore } from '@/stores/session'
import { useAutosave } from '@/composables/useAutosave'

const FIELDS = ['title', 'body', 'authors', 'contact', 'tags', 'target', 'note', 'commission_id']

export function useEditor() {
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()
  const wf = useWorkflow()

  const id = computed(() => (route.params.id ? Number(route.params.id) : 0))
  const commissionId = computed(() => Number(route.query.commission) || 0)
  const piece = ref<PieceDetail | null>(null)
  const form = reactive({
    title: '',
    body: '',
    authors: [] as string[],
    contact: '',
    tags: [] as string[],
    target: '',
    note: '',
  })
  const targets = ref<Target[]>([])
  const loading = ref(false)
  const loadError = ref<unknown>(null)
  const saveError = ref<unknown>(null)
  const saving = ref(false)
  /** After a 412: the piece as the other editor saved it, and what they changed. */
  const theirs = ref<PieceDetail | null>(null)
  const conflictChanges = ref<string[]>([])
  /** After a 412 that changed the text: the diff from the version loaded to theirs. */
  const conflictDiff = ref<Diff | null>(null)
  /** The form as last loaded or saved; the form is dirty when it differs. */
  const snapshot = ref('')
  const preview = ref('')
  const previewing = ref(false)
  const previewError = ref<unknown>(null)
  const uploading = ref(false)

  /** The workflow actions to offer as buttons (editing is the form itself). */
  const actions = computed<PieceAction[]>(() => (piece.value?.actions ?? []).filter((a) => a !== 'edit'))
  const canEdit = computed(() => !piece.value || piece.value.actions.includes('edit'))
  const targetLocked = computed(
    () => !!piece.value && (piece.value.state !== 'draft' || piece.value.commission_id !== null),
  )

  function fill(p: PieceDetail): void {
    piece.value = p
    theirs.value = null
    conflictChanges.value = []
    conflictDiff.value = null
    Object.assign(form, {
      title: p.title,
      body: p.body,
      authors: [...p.authors],
      contact: p.contact,
      tags: [...p.tags],
      target: p.target.code,
      note: '',
    })
    preview.value = p.body_html
    snapshot.value = formKey()
  }

  async function load(): Promise<void> {
    loading.value = true
    loadError.value = null
    try {
      targets.value = await listTargets().catch(() => [])
      if (id.value) fill(await getPiece(id.value))
      else {
        piece.value = null
        form.target = commissionId.value ? '' : (targets.value[0]?.code ?? '')
        if (typeof route.query.topic === 'string') form.title = route.query.topic
        const me = useSessionStore().user
        if (me && !form.authors.length) form.authors = [me.name]
      }
    } catch (e) {
      loadError.value = e
    } finally {
      loading.value = false
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0
  async function renderPreview(): Promise<void> {
    const mine = ++seq
    previewing.value = true
    try {
      const html = await previewBody(form.body)
      if (mine === seq) {
        preview.value = html
        previewError.value = null
      }
    } catch (e) {
      if (mine === seq) previewError.value = e
    } finally {
      if (mine === seq) previewing.value = false
    }
  }
  watch(
    () => form.body,
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => void renderPreview(), 350)
    },
  )
  function formKey(): string {
    return JSON.stringify([form.title, form.body, form.authors, form.contact, form.tags, form.target, form.note])
  }
  const dirty = computed(() => formKey() !== snapshot.value)

  function change(): PieceChange {
    const c: PieceChange = {
      title: form.title.trim(),
      body: form.body,
      authors: form.authors,
      contact: form.contact,
      tags: form.tags,
    }
    if (form.note.trim()) c.note = form.note.trim()
    if (!targetLocked.value && form.target) c.target = form.target
    return c
  }

  /** What the other editor changed between the piece as loaded and `other`. */
  function pieceChanges(base: PieceDetail, other: PieceDetail): string[] {
    const out: string[] = []
    const fields: [keyof PieceDetail, string][] = [
      ['title', 'title'],
      ['body', 'body'],
      ['authors', 'authors'],
      ['contact', 'contact'],
      ['tags', 'tags'],
    ]
    for (const [k, label] of fields) {
      if (JSON.stringify(base[k]) !== JSON.stringify(other[k])) {
        out.push(t('submissions.edit.conflict.changed', { field: t(`submissions.edit.conflict.${label}`) }))
      }
    }
    if (other.version !== base.version) {
      out.push(t('submissions.edit.conflict.textVersion', { from: base.version, to: other.version }))
    }
    return out
  }

  /** After a conflict: drops the form and shows the other editor's version. */
  function reloadTheirs(): void {
    saveError.value = null
    if (theirs.value) fill(theirs.value)
    else void load()
  }

  /** After a conflict: saves the form over the other editor's version, which the user has seen. */
  async function keepMine(): Promise<boolean> {
    return save(false, theirs.value?.edit_version ?? editConflict(saveError.value)?.version)
  }

  /**
   * Saves the form (creating the piece when new) with the edit version it was made from, or `over`
   * (a newer version the user has seen and replaces); returns false on failure. On 412 loads theirs.
   */
  async function save(quiet = false, over?: number, auto = false): Promise<boolean> {
    saving.value = true
    saveError.value = null
    const sent = formKey()
    try {
      if (!piece.value) {
        const c = change()
        if (commissionId.value) {
          c.commission_id = commissionId.value
          delete c.target
        }
        const created = await createPiece(c)
        fill(await getPiece(created.id))
        await router.replace({ name: 'submissions-edit', params: { id: created.id } })
      } else if (auto) {
        await updatePiece(piece.value.id, { ...change(), edit_version: piece.value.edit_version, autosave: true })
        // The user may still be typing: take the new version, leave the form alone.
        piece.value = await getPiece(piece.value.id)
        snapshot.value = sent
      } else {
        await updatePiece(piece.value.id, { ...change(), edit_version: over ?? piece.value.edit_version })
        fill(await getPiece(piece.value.id))
      }
      if (!quiet) ElMessage.success(t('common.saved'))
      return true
    } catch (e) {
      saveError.value = e
      if (editConflict(e) && piece.value) {
        try {
          theirs.value = await getPiece(piece.value.id)
          conflictChanges.value = pieceChanges(piece.value, theirs.value)
          conflictDiff.value =
            theirs.value.version !== piece.value.version
              ? await diffVersions(piece.value.id, piece.value.version, theirs.value.version).catch(() => null)
              : null
        } catch {
          theirs.value = null
        }
      }
      return false
    } finally {
      saving.value = false
    }
  }

  /** Saves pending changes, then takes a workflow action (submit, resubmit, withdraw…). */
  async function act(action: PieceAction): Promise<void> {
    if (!piece.value) return
    // Without a contact (or author) the editors cannot reach the reporter: ask first.
    if ((action === 'submit' || action === 'resubmit') && (!form.contact.trim() || !form.authors.length)) {
      try {
        await ElMessageBox.confirm(t('submissions.edit.noContact'), wf.actionLabel(action), {
          type: 'warning',
          confirmButtonText: t('submissions.edit.submitAnyway'),
          cancelButtonText: t('common.cancel'),
          customClass: 'no-contact-confirm',
        })
      } catch {
        return
      }
    }
    if (canEdit.value && dirty.value && !(await save(true))) return
    saving.value = true
    saveError.value = null
    try {
      await pieceAction(piece.value.id, action)
      ElMessage.success(t('submissions.actionDone', { action: wf.actionLabel(action) }))
      await router.push(pieceRoute(piece.value.id))
    } catch (e) {
      saveError.value = e
    } finally {
      saving.value = false
    }
  }

  async function upload(file: File): Promise<void> {
    if (!piece.value) return
    uploading.value = true
    saveError.value = null
    try {
      await addAttachment(piece.value.id, file)
      const fresh = await getPiece(piece.value.id)
      piece.value.attachments = fresh.attachments
      ElMessage.success(t('submissions.attachments.uploaded'))
    } catch (e) {
      saveError.value = e
    } finally {
      uploading.value = false
    }
  }

  async function removeAttachment(aid: number): Promise<void> {
    if (!piece.value) return
    try {
      await deleteAttachment(piece.value.id, aid)
      piece.value.attachments = piece.value.attachments.filter((a) => a.id !== aid)
    } catch (e) {
      saveError.value = e
    }
  }

  /**
   * Appends an image or a link to an attachment to the body. For an image it first asks for
   * its text alternative (the Markdown alt text, which the published editions carry).
   */
  async function insertAttachment(a: { name: string; mime: string; url: string }): Promise<void> {
    let md = `[${a.name}](${a.url})`
    if (a.mime.startsWith('image/')) {
      let alt = a.name
      try {
        const answer = await ElMessageBox.prompt(t('submissions.attachments.altPrompt'), t('submissions.attachments.altTitle'), {
          inputValue: a.name,
          confirmButtonText: t('common.confirm'),
          cancelButtonText: t('common.cancel'),
        })
        alt = answer.value.trim()
      } catch {
        return
      }
      md = `![${alt.replace(/[[\]]/g, '')}](${a.url})`
    }
    form.body = form.body.replace(/\s*$/, '') + `\n\n${md}\n`
  }

  /** Saves an existing piece a moment after the user stops typing (never over a conflict). */
  const autosave = useAutosave({
    source: form,
    dirty,
    canSave: () => !!piece.value && canEdit.value && !saving.value && !editConflict(saveError.value),
    save: () => save(true, undefined, true),
  })

  const fieldErr = computed(() => (hasField(saveError.value, FIELDS) ? saveError.value : null))
  const bannerErr = computed(() =>
    hasField(saveError.value, FIELDS) || editConflict(saveError.value) ? null : saveError.value,
  )
  const conflictErr = computed(() => (editConflict(saveError.value) ? saveError.value : null))

  // Ask before leaving with unsaved changes.
  onBeforeRouteLeave(async () => {
    if (piece.value && canEdit.value && dirty.value && !saving.value) await autosave.flush()
    if (!canEdit.value || !dirty.value || saving.value) return true
    try {
      await ElMessageBox.confirm(t('submissions.edit.leave'), t('submissions.edit.title'), {
        type: 'warning',
        confirmButtonText: t('submissions.edit.discard'),
        cancelButtonText: t('common.cancel'),
      })
      return true
    } catch {
      return false
    }
  })

  void load()
  return {
    ...wf, id, commissionId, piece, form, targets, loading, loadError, saving, saveError, fieldErr, bannerErr,
    dirty, preview, previewing, previewError, uploading, actions, canEdit, targetLocked,
    load, save, act, upload, removeAttachment, insertAttachment,
    conflictErr, conflictChanges, conflictDiff, reloadTheirs, keepMine, autosave,
  }
}
