// Small helpers shared by the bulletin pages: issue labels, series titles, sizes, status tags.
import { i18n } from '@/i18n'
import type { IssueStatus } from '@/modules/bulletins/api'

/** The series title on one line ("信息通信行业抗击疫情及复工复产 信息简报"). */
export function seriesTitle(title: string): string {
  return title.replace(/\n+/g, ' ')
}

/** "第32期", "增刊第2期", plus "更正版（第2版）" for a revision. */
export function issueLabel(i: { number: number; supplement: boolean; revision: number }): string {
  const t = i18n.global.t
  let s = t(i.supplement ? 'bulletins.supplementNumber' : 'bulletins.number', { n: i.number })
  if (i.revision > 1) s += ` ${t('bulletins.revisionLabel', { n: i.revision })}`
  return s
}

/** Element Plus tag type of a status. */
export function statusType(s: IssueStatus): 'info' | 'warning' | 'success' | 'danger' {
  return ({ draft: 'info', pending_approval: 'warning', approved: 'warning', published: 'success', superseded: 'danger' } as const)[s]
}

/** "12.3 KB" */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
