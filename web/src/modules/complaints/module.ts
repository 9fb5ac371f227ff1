// 申诉受理 (complaint desk): the public page for consumers (outside the layout, no
// session), the queue and case pages for the desk and the operators' liaisons, statistics.
// API in ./api.ts, pages in ./views/.
import type { RouteRecordRaw } from 'vue-router'
import { DataAnalysis, Headset } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'

/** Who sees cases: the desk, the operators' liaisons, and (national) admins. */
export const CASE_READERS: readonly Role[] = ['complaint_handler', 'operator_liaison', 'admin']
/** Who sees the statistics: the desk and (national) admins. */
export const STATS_READERS: readonly Role[] = ['complaint_handler', 'admin']

const menu: MenuItem[] = [
  { label: 'complaints.menu', route: '/complaints', icon: Headset, roles: CASE_READERS, test: 'complaints' },
  { label: 'complaints.stats.menu', route: '/complaints/stats', icon: DataAnalysis, roles: STATS_READERS, test: 'complaints-stats' },
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
