// The validation page's grouping: findings by day and rule, the unexplained ones listed,
// the explained ones kept apart (shown collapsed), and what still needs action counted.
import type { Violation } from '@/modules/epidemic/api'

export interface FindingGroup {
  key: string
  date: string
  rule: string
  /** Findings no correction or note explains (the desk's work), in report order. */
  unexplained: Violation[]
  /** Findings a correction or a source note explains. */
  explained: Violation[]
  /** Unexplained findings without a closed follow-up: what still needs action. */
  needsAction: number
}

/** True when a finding is unexplained and its follow-up (if any) is not closed. */
export function needsAction(v: Violation): boolean {
  return !v.explained && v.followup?.state !== 'closed'
}

/** Groups `violations` by (date, rule), days in order and rules in first-seen order. */
export function groupFindings(violations: Violation[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>()
  for (const v of violations) {
    const key = `${v.date}|${v.rule}`
    let g = groups.get(key)
    if (!g) {
      g = { key, date: v.date, rule: v.rule, unexplained: [], explained: [], needsAction: 0 }
      groups.set(key, g)
    }
    if (v.explained) g.explained.push(v)
    else g.unexplained.push(v)
    if (needsAction(v)) g.needsAction++
  }
  return [...groups.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
