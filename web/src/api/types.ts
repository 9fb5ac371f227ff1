// Shapes of the JSON values the Jianbao API returns (base path /api/v1).

/** The roles a user can hold, in the order the UI lists them. */
export const ROLES = [
  'admin',
  'editor',
  'approver',
  'reporter',
  'member',
  'complaint_handler',
  'operator_liaison',
] as const

export type Role = (typeof ROLES)[number]

/** The kinds of organisation in the tree. */
export const ORG_KINDS = [
  'national',
  'secretariat',
  'provincial',
  'member',
  'operator',
  'government',
] as const

export type OrgKind = (typeof ORG_KINDS)[number]

/** An organisation as embedded in a user. */
export interface OrgRef {
  code: string
  name: string
  short_name: string
}

/** A signed-in or listed user. */
export interface User {
  id: number
  login: string
  name: string
  org: OrgRef
  roles: Role[]
  disabled: boolean
  /** "" when the user has none. */
  email: string
  created_at: string
}

/** One organisation of the tree; `parent` is the parent's code or null for a root. */
export interface Org {
  id: number
  code: string
  name: string
  short_name: string
  kind: OrgKind
  parent: string | null
  /** Contact address for documents to an organisation without accounts; "" = print. */
  email?: string
}

/** One page of a paged list. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

/** One audit-log entry; `before`/`after` are the entity's state around the change. */
export interface AuditEntry {
  id: number
  at: string
  actor: string
  org: string
  action: string
  entity: string
  entity_id: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string
}
