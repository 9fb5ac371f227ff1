// Labels of the complaint desk's closed lists, in the current language.
import { useI18n } from 'vue-i18n'
import type { SlaClock } from '../../api'

/** Element Plus tag types of the SLA clock states. */
export const CLOCK_TAG: Record<SlaClock['state'], 'info' | 'primary' | 'danger' | 'success' | 'warning'> = {
  pending: 'info',
  running: 'primary',
  overdue: 'danger',
  met: 'success',
  late: 'warning',
  stopped: 'info',
}

/** Tag types of the case states. */
export function stateTag(state: string): 'info' | 'primary' | 'danger' | 'success' | 'warning' {
  if (state === 'closed') return 'success'
  if (state === 'not_accepted' || state === 'merged') return 'info'
  if (state === 'forwarded' || state === 'replied') return 'warning'
  return 'primary'
}

/** Returns label functions for states, categories, operators, kinds, regions and actions. */
export function useLabels() {
  const { t, locale } = useI18n()
  return {
    state: (s: string) => t(`complaints.states.${s}`),
    category: (c: string) => t(`complaints.categories.${c}`),
    operator: (o: string) => t(`complaints.operators.${o}`),
    kind: (k: string) => t(`complaints.kinds.${k}`),
    action: (a: string) => t(`complaints.actions.${a}`),
    clock: (c: string) => t(`complaints.clocks.${c}`),
    clockState: (s: string) => t(`complaints.clockStates.${s}`),
    region: (code: string, regions: { code: string; name_zh: string; name_en: string }[]) => {
      const r = regions.find((x) => x.code === code)
      if (!r) return code
      return locale.value.startsWith('en') ? r.name_en : r.name_zh
    },
  }
}
