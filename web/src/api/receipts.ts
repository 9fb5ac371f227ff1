// Receipts per recipient unit and 催办 reminders: the same JSON for bulletin issues and
// notices (src/receipts/json.h on the server).

export type UnitState = 'acknowledged' | 'read' | 'unread' | 'external'

export interface UnitReceipt {
  org: { code: string; name: string }
  /** A recipient without any account on the platform (报：工信部). */
  external: boolean
  delivery: 'platform' | 'email' | 'print'
  state: UnitState
  people: number
  read: number
  acknowledged: number
  read_at: string | null
  acknowledged_at: string | null
  reminders: number
  last_reminded_at: string | null
  /** Unix seconds from which the unit may be reminded again. */
  can_remind_at: number | null
  /** External units delivered by e-mail: the e-mail's state, null when none was queued. */
  mail_status?: 'queued' | 'sent' | 'failed' | null
  mailed_at?: string | null
}

export interface UnitCounts {
  total: number
  read: number
  acknowledged: number
  external: number
}

export interface RemindResult {
  reminded: string[]
  notified: number
  emailed: number
}
