// The one form-dialog composable: each time the dialog opens the form is filled afresh and old
// errors cleared; "save" validates (Element Plus rules, then an optional check of its own),
// submits, closes the dialog on success and keeps a server error for the form (the field it
// names) or for a banner above it.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { fieldError, hasField } from '@/utils/errors'

export interface FormDialogOptions<F extends object, R> {
  /** The dialog's v-model. */
  open: Ref<boolean>
  /** The el-form's template ref, when the form has Element Plus rules to validate. */
  formRef?: Ref<FormInstance | undefined>
  /** The form's values each time the dialog opens. */
  initial: () => F
  /** Form fields that show a server error beside themselves; other errors go to `banner`. */
  fields?: readonly string[]
  /** A check besides the form rules; returning false stops the save (shows its own hint). */
  check?: (form: F) => boolean
  /** Sends the form; throws ApiError. */
  submit: (form: F) => Promise<R>
  /** Called after a successful save, once the dialog is closed. */
  saved?: (result: R) => void
}

export function useFormDialog<F extends object, R = void>(opts: FormDialogOptions<F, R>) {
  const formRef = opts.formRef ?? ref<FormInstance>()
  // Form values are plain (no refs), so the reactive proxy has the form's own type.
  const form = reactive(opts.initial()) as F
  const saving = ref(false)
  const error = ref<unknown>(null)
  const fields = opts.fields ?? []

  watch(opts.open, (v) => {
    if (!v) return
    Object.assign(form, opts.initial())
    error.value = null
    formRef.value?.clearValidate()
  })

  /** Validates and submits; closes the dialog on success, else keeps the error. */
  async function save(): Promise<void> {
    error.value = null
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    if (opts.check && !opts.check(form)) return
    saving.value = true
    try {
      const result = await opts.submit(form)
      opts.open.value = false
      opts.saved?.(result)
    } catch (e) {
      error.value = e
    } finally {
      saving.value = false
    }
  }

  /** The server's message for `field` when the error names it, else ''. */
  const fieldMessage = (field: string) => fieldError(error.value, field)
  /** The error to show above the form: one that names no field of the form. */
  const banner = computed(() => (error.value && !hasField(error.value, fields) ? error.value : null))

  return { form, saving, error, save, fieldMessage, banner }
}
