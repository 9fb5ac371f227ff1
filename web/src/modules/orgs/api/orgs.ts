// The organisation tree.
import { get, patch, post } from '@/api/http'
import type { Org, OrgKind } from '@/api/types'

/** GET /orgs — the whole visible tree, flat, parents before children. */
export async function listOrgs(): Promise<Org[]> {
  const res = await get<{ items: Org[] }>('/orgs')
  return res.items
}

/** Body of POST /orgs. */
export interface NewOrg {
  code: string
  name: string
  short_name: string
  kind: OrgKind
  parent: string | null
}

/** POST /orgs — creates an organisation under `parent`; returns it (201). 409 if the code exists. */
export function createOrg(org: NewOrg): Promise<Org> {
  return post<Org>('/orgs', org)
}

/** PATCH /orgs/{code} — renames an organisation or sets its contact e-mail ("" removes it); returns it. */
export function updateOrg(
  code: string,
  change: { name?: string; short_name?: string; email?: string },
): Promise<Org> {
  return patch<Org>(`/orgs/${encodeURIComponent(code)}`, change)
}
