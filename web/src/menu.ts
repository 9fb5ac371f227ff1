// The side menu as one table: which item, which route, which roles see it.
// Every module of the UI (src/modules/<name>/module.ts, see UiModule) adds its rows and
// routes; a module's routes take their roles from its own menu rows, so menu and guard agree.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
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

/**
 * A module of the UI: src/modules/<name>/module.ts default-exports one. Menu rows appear
 * in module `order` (workbench 0 … organisations 100, account last).
 */
export interface UiModule {
  order: number
  menu: readonly MenuItem[]
  /** Children of the main layout. */
  routes: readonly RouteRecordRaw[]
  /** Routes outside the main layout (the sign-in page). */
  outsideLayout?: readonly RouteRecordRaw[]
  /** Components the main layout shows in its header (the search box), in module order. */
  header?: readonly Component[]
}

export const MODULES: readonly UiModule[] = Object.values(
  import.meta.glob<UiModule>('./modules/*/module.ts', { eager: true, import: 'default' }),
).sort((a, b) => a.order - b.order)

export const MENU: readonly MenuItem[] = MODULES.flatMap((m) => m.menu)

export const HEADER: readonly Component[] = MODULES.flatMap((m) => m.header ?? [])

/** Returns the items a user with `roles` sees, in menu order. */
export function visibleMenu(roles: readonly Role[]): MenuItem[] {
  return MENU.filter((m) => m.roles.length === 0 || m.roles.some((r) => roles.includes(r)))
}
