// Progress of a long render (preview, sign-off check, publication): the seconds spent
// typesetting, and — when the server's render queue is full (429 render_busy with
// Retry-After) — an automatic retry after the time it asks for, shown as "queued", for up
// to RETRY_BUDGET_S seconds in all; then, or on any other failure, the error is thrown.
import { computed, onBeforeUnmount, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/http'

/** How long, in all, a render keeps retrying while the server says it is busy. */
export const RETRY_BUDGET_S = 60
/** Wait before a retry when the server gives no Retry-After. */
const DEFAULT_RETRY_S = 2

/** True when `e` is the server's "render queue full" answer. */
export function isRenderBusy(e: unknown): boolean {
  return isApiError(e) && e.status === 429 && e.key === 'render_busy'
}

export function useRenderJob() {
  const { t } = useI18n()
  /** '' when idle; 'typesetting' while a request runs; 'queued' while waiting to retry. */
  const phase = ref<'' | 'typesetting' | 'queued'>('')
  /** Whole seconds since the job started. */
  const seconds = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  let cancelled = false

  /** "排版中… N 秒" / "排队中… N 秒" (or English) while running, else '' — for a button. */
  const label = computed(() =>
    phase.value ? t(`bulletins.render.${phase.value}`, { n: seconds.value }) : '',
  )
  /** The same, saying why when queued — for a loading mask with room for it. */
  const longLabel = computed(() =>
    phase.value === 'queued' ? t('bulletins.render.queuedLong', { n: seconds.value }) : label.value,
  )

  /** Runs `request`, retrying on render_busy within the budget; returns its result. */
  async function run<T>(request: () => Promise<T>): Promise<T> {
    const start = Date.now()
    const elapsed = () => (Date.now() - start) / 1000
    seconds.value = 0
    phase.value = 'typesetting'
    clearInterval(timer)
    timer = setInterval(() => (seconds.value = Math.floor(elapsed())), 250)
    try {
      for (;;) {
        try {
          return await request()
        } catch (e) {
          const wait = isApiError(e) ? (e.retryAfter ?? DEFAULT_RETRY_S) : 0
          if (!isRenderBusy(e) || cancelled || elapsed() + wait > RETRY_BUDGET_S) throw e
          phase.value = 'queued'
          await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 1) * 1000))
          if (cancelled) throw e
          phase.value = 'typesetting'
        }
      }
    } finally {
      clearInterval(timer)
      timer = undefined
      phase.value = ''
    }
  }

  onBeforeUnmount(() => {
    cancelled = true
    clearInterval(timer)
  })

  return { phase, seconds, label, longLabel, run }
}
