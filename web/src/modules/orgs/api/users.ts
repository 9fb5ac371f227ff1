// User administration (admins only; an admin sees their own organisation subtree).
import { get, patch, post } from '@/api/http'
import type { Page, Role, User } from '@/api/types'

/** Filters and paging of GET /users. */
export interface UserQuery {
  org?: string
  role?: Role | ''
  q?: string
  page?: number
  page_size?: number
}

/** GET /users — one page of users matching the filters (`org` includes its subtree). */
export function listUsers(query: UserQuery): Promise<Page<User>> {
  return get<Page<User>>('/users', { ...query })
}

/** Body of POST /users. */
export interface NewUser {
  login: string
  password: string
  org: string
  roles: Role[]
  name: string
  /** Optional; where published bulletins are e-mailed when e-mail is configured. */
  email?: string
}

/** POST /users — creates a user; returns it (201). 409 if the login is taken. */
export function createUser(user: NewUser): Promise<User> {
  return post<User>('/users', user)
}

/** PATCH /users/{id} — changes name, roles, e-mail or the disabled flag; returns the user. */
export function updateUser(
  id: number,
  change: { name?: string; roles?: Role[]; disabled?: boolean; email?: string },
): Promise<User> {
  return patch<User>(`/users/${id}`, change)
}

/** POST /users/{id}/password — an admin sets a new password for the user (204). */
export function resetUserPassword(id: number, password: string): Promise<void> {
  return post<void>(`/users/${id}/password`, { password })
}
