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
