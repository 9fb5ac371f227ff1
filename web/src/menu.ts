// The side menu as one table: which item, which route, which roles see it.
// Routes take their access rule from here too, so the menu and the guard agree.
// Domain modules add their rows through src/modules/<name>/module.ts (see UiModule).
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Document, House, OfficeBuilding, User, UserFilled } from '@element-plus/icons-vue'
import type { Role } from '@/api/types'

export interface MenuItem {
  /** vue-i18n key of the label. */
  label: string
  /** Route path the item opens. */
  route: string
  icon: Component
  /** Roles that see the item; an empty list means every signed-in user. */
  roles: readonly Role[]
  /** Stable name for tests (data-test="menu-<test>"). */
  test: string
  /**
   * Optional count shown as a badge on the item (unread items and the like):
   * the layout calls it on sign-in, on every navigation and every 30 s.
   */
  badge?: () => Promise<number>
}

const EVERYONE: readonly Role[] = []

/**
 * A domain module of the UI: src/modules/<name>/module.ts default-exports one.
 * Its menu rows appear after the platform's own, ordered by `order`.
 */
export interface UiModule {
  order: number
  menu: readonly MenuItem[]
  routes: readonly RouteRecordRaw[]
}

export const MODULES: readonly UiModule[] = Object.values(
  import.meta.glob<UiModule>('./modules/*/module.ts', { eager: true, import: 'default' }),
).sort((a, b) => a.order - b.order)

export const MENU: readonly MenuItem[] = [
  { label: 'menu.workbench', route: '/', icon: House, roles: EVERYONE, test: 'workbench' },
  ...MODULES.flatMap((m) => m.menu),
  { label: 'menu.orgs', route: '/orgs', icon: OfficeBuilding, roles: ['admin'], test: 'orgs' },
  { label: 'menu.users', route: '/users', icon: UserFilled, roles: ['admin'], test: 'users' },
  { label: 'menu.audit', route: '/audit', icon: Document, roles: ['admin'], test: 'audit' },
  { label: 'menu.account', route: '/account', icon: User, roles: EVERYONE, test: 'account' },
]

/** Returns the roles allowed on `route` according to MENU (throws if it is not in MENU). */
export function rolesFor(route: string): readonly Role[] {
  const item = MENU.find((m) => m.route === route)
  if (!item) throw new Error(`menu has no item for ${route}`)
  return item.roles
}

/** Returns the items a user with `roles` sees, in menu order. */
export function visibleMenu(roles: readonly Role[]): MenuItem[] {
  return MENU.filter((m) => m.roles.length === 0 || m.roles.some((r) => roles.includes(r)))
}
