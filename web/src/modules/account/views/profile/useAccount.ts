// "My account" logic: the profile shown and the password-change form.
import { computed, reactive, ref, useTemplateRef } from 'vue'
import type { FormInstance, FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { changeMyPassword } from '@/api/session'
import { useSessionStore } from '@/stores/session'
import { fieldError, hasField } from '@/utils/errors'
import { formatDate } from '@/utils/format'

const PASSWORD_FIELDS = ['old_password', 'new_password'] as const

export function useAccount() {
  const session = useSessionStore()
  const { t } = useI18n()
  const user = computed(() => session.user)
  const since = computed(() => (user.value ? formatDate(user.value.created_at) : ''))

  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive({ old_password: '', new_password: '', confirm: '' })
  const busy = ref(false)
  const error = ref<unknown>(null)

  const rules = computed<FormRules>(() => ({
    old_password: [
      { required: true, message: t('common.required', { field: t('account.oldPassword') }) },
    ],
    new_password: [
      { required: true, message: t('common.required', { field: t('account.newPassword') }) },
      { min: 10, message: t('account.tooShort') },
    ],
    confirm: [
      {
        validator: (_r: unknown, v: string, cb: (e?: Error) => void) =>
          v === form.new_password ? cb() : cb(new Error(t('account.mismatch'))),
      },
    ],
  }))

  /** Server error for one field (shown under it), or ''. */
  const fieldMessage = (field: string) => fieldError(error.value, field)
  /** Server error not tied to a field (shown as a banner). */
  const bannerError = computed(() =>
    error.value && !hasField(error.value, PASSWORD_FIELDS) ? error.value : null,
  )

  async function submit(): Promise<void> {
    error.value = null
    const ok = await formRef.value?.validate().catch(() => false)
    if (!ok) return
    busy.value = true
    try {
      await changeMyPassword(form.old_password, form.new_password)
      formRef.value?.resetFields()
      ElMessage.success(t('account.changed'))
    } catch (e) {
      error.value = e
    } finally {
      busy.value = false
    }
  }

  return { user, since, form, rules, busy, fieldMessage, bannerError, submit }
}
