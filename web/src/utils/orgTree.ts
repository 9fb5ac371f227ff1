// Builds a nested tree from the flat organisation list the API returns.
import type { Org } from '@/api/types'

export interface OrgNode {
  org: Org
  /** Also used by el-tree-select as value and label. */
  value: string
  label: string
  children: OrgNode[]
}

/**
 * Returns the roots of the tree made of `orgs` (parents may come in any order).
 * An org whose parent is not in the list (outside the caller's subtree) becomes a root.
 */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const org of orgs) {
    nodes.set(org.code, { org, value: org.code, label: org.name, children: [] })
  }
  const roots: OrgNode[] = []
  for (const org of orgs) {
    const node = nodes.get(org.code)!
    const parent = org.parent ? nodes.get(org.parent) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/**
 * Returns the codes of `root` and every organisation below it in `orgs` (parents before
 * children, as the API lists them). Empty when `root` is not in the list.
 */
export function subtreeCodes(orgs: readonly Org[], root: string): Set<string> {
  const out = new Set<string>()
  if (!orgs.some((o) => o.code === root)) return out
  out.add(root)
  let grew = true
  while (grew) {
    grew = false
    for (const o of orgs) {
      if (o.parent && out.has(o.parent) && !out.has(o.code)) {
        out.add(o.code)
        grew = true
      }
    }
  }
  return out
}
