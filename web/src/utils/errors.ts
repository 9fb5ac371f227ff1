// Turns thrown values into text a person can read.
import { isApiError } from '@/api/http'
import { i18n } from '@/i18n'

/** Returns the message to show for `e`: the server's (localised) message, or a generic one. */
export function errorMessage(e: unknown): string {
  const t = i18n.global.t
  if (isApiError(e)) {
    if (e.code === 'network') return t('errors.network')
    return e.message
  }
  if (e instanceof Error) return e.message
  return String(e)
}

/** Returns the server's message when `e` names `field`, else ''. For el-form-item :error. */
export function fieldError(e: unknown, field: string): string {
  return isApiError(e) && e.field === field ? e.message : ''
}

/** Returns true when `e` is tied to a form field (so the form shows it, not a banner). */
export function hasField(e: unknown, fields: readonly string[]): boolean {
  return isApiError(e) && fields.includes(e.field)
}
