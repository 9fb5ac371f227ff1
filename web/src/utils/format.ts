// Formatting helpers shared by views.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * Formats an ISO-8601 instant as a date and time in Asia/Shanghai (the platform's
 * reporting time zone), e.g. "2026-11-29 08:00:00". Returns the input unchanged if unparsable.
 */
export function formatDateTime(iso: string, locale = 'zh-CN'): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  let f = dateTimeFormats.get(locale)
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    })
    dateTimeFormats.set(locale, f)
  }
  return f.format(new Date(t))
}

/** Formats an ISO-8601 instant as the calendar date in Asia/Shanghai (YYYY-MM-DD). */
export function formatDate(iso: string): string {
  return formatDateTime(iso).slice(0, 10)
}
