// Sign-in form logic: submit, wrong-credential and throttling messages, redirect afterwards.
import { computed, onBeforeUnmount, reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/http'
import { safeRedirect } from '@/utils/redirect'
import { useSessionStore } from '@/stores/session'
import { errorMessage } from '@/utils/errors'

export function useLogin() {
  const session = useSessionStore()
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()

  const form = reactive({ login: '', password: '' })
  const busy = ref(false)
  const error = ref('')
  /** Seconds left before the server accepts another attempt (after a 429). */
  const waitSeconds = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined

  const throttled = computed(() => waitSeconds.value > 0)
  /** The countdown as m:ss (or s under a minute), shown on the disabled button. */
  const countdown = computed(() => {
    const s = waitSeconds.value
    return s < 60 ? String(s) : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
  })

  function throttleMessage(seconds: number | null): string {
    if (!seconds) return t('login.throttledNoTime')
    if (seconds < 120) return t('login.throttled', { seconds })
    return t('login.throttledMinutes', { minutes: Math.ceil(seconds / 60) })
  }
  const canSubmit = computed(() => form.login.trim() !== '' && form.password !== '' && !busy.value)

  function startCountdown(seconds: number): void {
    waitSeconds.value = seconds
    clearInterval(timer)
    timer = setInterval(() => {
      waitSeconds.value = Math.max(0, waitSeconds.value - 1)
      if (waitSeconds.value === 0) clearInterval(timer)
    }, 1000)
  }

  async function submit(): Promise<void> {
    if (!canSubmit.value || throttled.value) return
    busy.value = true
    error.value = ''
    try {
      await session.signIn(form.login.trim(), form.password)
      await router.replace(safeRedirect(route.query.redirect))
    } catch (e) {
      form.password = ''
      if (isApiError(e) && e.status === 429) {
        const s = e.retryAfter
        error.value = throttleMessage(s)
        if (s) startCountdown(s)
      } else {
        error.value = errorMessage(e)
      }
    } finally {
      busy.value = false
    }
  }

  onBeforeUnmount(() => clearInterval(timer))

  return { form, busy, error, countdown, throttled, canSubmit, submit }
}
