// 申诉受理 (complaint desk): the public page for consumers (outside the layout, no
// session), the queue and case pages for the desk and the operators' liaisons, statistics.
// API in ./api.ts, pages in ./views/.
import type { RouteRecordRaw } from 'vue-router'
import { DataAnalysis, Headset } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'

/**
 * Who may open the pages: the desk, the operators' liaisons, and admins — of whom the
 * server lets only the national admin in (a provincial admin gets the 403 message).
 */
export const CASE_READERS: readonly Role[] = ['complaint_handler', 'operator_liaison', 'admin']
export const STATS_READERS: readonly Role[] = ['complaint_handler', 'admin']

// The menu shows the desk's pages to the desk and the liaisons only: the national admin
// reaches them by address (/complaints), provincial admins never see a row they cannot use.
const menu: MenuItem[] = [
  { label: 'complaints.menu', route: '/complaints', icon: Headset, roles: ['complaint_handler', 'operator_liaison'], test: 'complaints' },
  { label: 'complaints.stats.menu', route: '/complaints/stats', icon: DataAnalysis, roles: ['complaint_handler'], test: 'complaints-stats' },
]

const routes: RouteRecordRaw[] = [
  {
    path: 'complaints',
    name: 'complaints',
    component: () => import('./views/queue/index.vue'),
    meta: { roles: CASE_READERS, title: 'complaints.menu' },
  },
  {
    path: 'complaints/stats',
    name: 'complaints-stats',
    component: () => import('./views/stats/index.vue'),
    meta: { roles: STATS_READERS, title: 'complaints.stats.title' },
  },
  {
    path: 'complaints/calendar',
    name: 'complaints-calendar',
    component: () => import('./views/calendar/index.vue'),
    meta: { roles: CASE_READERS, title: 'complaints.calendar.title' },
  },
  {
    path: 'complaints/:id(\\d+)',
    name: 'complaints-case',
    component: () => import('./views/case/index.vue'),
    meta: { roles: CASE_READERS, title: 'complaints.case.title' },
  },
]

const outsideLayout: RouteRecordRaw[] = [
  {
    path: '/complaint',
    name: 'complaint-public',
    component: () => import('./views/public/index.vue'),
    meta: { public: true, title: 'complaints.public.title' },
  },
]

const complaints: UiModule = { order: 60, menu, routes, outsideLayout }
export default complaints
