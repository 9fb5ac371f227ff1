// A readable field-by-field difference between two JSON objects (audit before → after).

export type DiffKind = 'added' | 'removed' | 'changed' | 'same'

export interface DiffRow {
  /** Dotted path of the field, e.g. "org.code" or "roles". */
  path: string
  kind: DiffKind
  /** JSON text of the old and new values ('' when absent). */
  before: string
  after: string
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(v) && Object.keys(v).length > 0) {
    for (const [k, child] of Object.entries(v)) flatten(child, prefix ? `${prefix}.${k}` : k, out)
    return
  }
  if (prefix) out.set(prefix, v)
}

function show(v: unknown): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

/**
 * Returns one row per leaf field present in `before` or `after` (arrays are compared whole),
 * in first-seen order; unchanged fields are kept as 'same' so the context stays visible.
 */
export function jsonDiff(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, unknown>()
  const b = new Map<string, unknown>()
  flatten(before ?? {}, '', a)
  flatten(after ?? {}, '', b)
  const paths = [...new Set([...a.keys(), ...b.keys()])]
  return paths.map((path) => {
    const old = a.has(path) ? show(a.get(path)) : ''
    const now = b.has(path) ? show(b.get(path)) : ''
    let kind: DiffKind = 'same'
    if (!a.has(path)) kind = 'added'
    else if (!b.has(path)) kind = 'removed'
    else if (JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path))) kind = 'changed'
    return { path, kind, before: old, after: now }
  })
}
