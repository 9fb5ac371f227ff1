// A case's page: the case with its clocks and history, the actions the workflow table
// allows the viewer, and attachments.
import { computed, reactive, ref } from 'vue'
import { act, addAttachment, getCase, workflow, type ActionBody, type CaseDetail, type Workflow } from '../../api'

export function useCase(id: number) {
  const data = ref<CaseDetail | null>(null)
  const table = ref<Workflow | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const dialog = reactive({ open: false, action: '', busy: false, error: null as unknown })
  const input = reactive<ActionBody>({ action: '', reason: '', text: '', reply_outcome: '', outcome: '', satisfaction: 5, target: '' })
  const uploading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const [c, w] = await Promise.all([getCase(id), table.value ? Promise.resolve(table.value) : workflow()])
      data.value = c
      table.value = w
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  /** What the action needs ('' | reason | text | outcome | target), from the declared table. */
  function needs(action: string): string {
    const row = table.value?.transitions.find((t) => t.action === action && t.from === data.value?.status)
    if (action === 'verify') return 'text'
    return row?.needs ?? ''
  }

  const dialogNeeds = computed(() => needs(dialog.action))

  function open(action: string): void {
    Object.assign(input, { action, reason: '', text: '', reply_outcome: '', outcome: '', satisfaction: 5, target: '' })
    dialog.action = action
    dialog.error = null
    dialog.open = true
  }

  async function submit(): Promise<void> {
    dialog.busy = true
    dialog.error = null
    try {
      const body: ActionBody = { action: dialog.action }
      const n = dialogNeeds.value
      if (n === 'reason') body.reason = input.reason
      if (n === 'text' && input.text) body.text = input.text
      if (dialog.action === 'reply' && input.reply_outcome) body.reply_outcome = input.reply_outcome
      if (n === 'outcome') {
        body.outcome = input.outcome
        body.satisfaction = input.satisfaction
      }
      if (n === 'target') body.target = input.target
      await act(id, body)
      dialog.open = false
      await load()
    } catch (e) {
      dialog.error = e
    } finally {
      dialog.busy = false
    }
  }

  async function attach(file: File): Promise<void> {
    uploading.value = true
    error.value = null
    try {
      await addAttachment(id, file)
      await load()
    } catch (e) {
      error.value = e
    } finally {
      uploading.value = false
    }
  }

  return { data, loading, error, dialog, dialogNeeds, input, uploading, load, open, submit, attach }
}
