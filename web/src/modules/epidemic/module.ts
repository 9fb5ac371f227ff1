// The 疫情动态 (epidemic statistics) module of the UI: charts, day grid, import,
// validation report with its follow-up list, and narrative preview (with the print chart, 附图). API in ./api.ts,
// pages in ./views/.
import type { RouteRecordRaw } from 'vue-router'
import { DataLine } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'

/** Who sees the desk: the data desk (editor) and the people who sign bulletins off. */
export const EPIDEMIC_STAFF: readonly Role[] = ['editor', 'approver', 'admin']
/** Who may change figures (the server checks the same). */
export const EPIDEMIC_EDITORS: readonly Role[] = ['editor']

const menu: MenuItem[] = [
  { label: 'epidemic.menu', route: '/epidemic', icon: DataLine, roles: EPIDEMIC_STAFF, test: 'epidemic' },
]

const routes: RouteRecordRaw[] = [
  {
    path: 'epidemic',
    name: 'epidemic-charts',
    component: () => import('./views/charts/index.vue'),
    meta: { roles: EPIDEMIC_STAFF, title: 'epidemic.menu' },
  },
  {
    path: 'epidemic/grid',
    name: 'epidemic-grid',
    component: () => import('./views/grid/index.vue'),
    meta: { roles: EPIDEMIC_STAFF, title: 'epidemic.grid.title' },
  },
  {
    path: 'epidemic/import',
    name: 'epidemic-import',
    component: () => import('./views/import/index.vue'),
    meta: { roles: EPIDEMIC_EDITORS, title: 'epidemic.import.title' },
  },
  {
    path: 'epidemic/validation',
    name: 'epidemic-validation',
    component: () => import('./views/validation/index.vue'),
    meta: { roles: EPIDEMIC_STAFF, title: 'epidemic.validation.title' },
  },
  {
    path: 'epidemic/followups',
    name: 'epidemic-followups',
    component: () => import('./views/followups/index.vue'),
    meta: { roles: EPIDEMIC_STAFF, title: 'epidemic.followups.title' },
  },
  {
    path: 'epidemic/narrative',
    name: 'epidemic-narrative',
    component: () => import('./views/narrative/NarrativePage.vue'),
    meta: { roles: EPIDEMIC_STAFF, title: 'epidemic.narrative.title' },
  },
]

const epidemic: UiModule = { order: 40, menu, routes }
export default epidemic
