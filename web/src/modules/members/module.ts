// The member-services module of the UI (复工复产): a member unit's report form, the
// association's schedules with the reporting-rate dashboard, follow-up of needs, the
// supplies ledger, member import and notices (通知) with receipts per unit. API in ./api.ts, pages in ./views/.
import type { RouteRecordRaw } from 'vue-router'
import { Bell, Box, Checked, Collection, DataAnalysis, List, OfficeBuilding, Reading } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'

/** Association staff (the server also checks that their organisation is an association). */
export const ASSOCIATION_STAFF: readonly Role[] = ['admin', 'editor']
export const MEMBERS: readonly Role[] = ['member']
const BOTH: readonly Role[] = [...ASSOCIATION_STAFF, ...MEMBERS]
/** Notices: association staff write them; any recipient unit's users read them. */
const NOTICE_READERS: readonly Role[] = [...BOTH, 'operator_liaison']

const menu: MenuItem[] = [
  { label: 'members.menu.report', route: '/resumption/report', icon: Checked, roles: MEMBERS, test: 'resumption-report' },
  { label: 'members.menu.schedules', route: '/resumption/schedules', icon: DataAnalysis, roles: ASSOCIATION_STAFF, test: 'resumption-schedules' },
  { label: 'members.menu.followups', route: '/resumption/followups', icon: List, roles: BOTH, test: 'resumption-followups' },
  { label: 'members.menu.ledger', route: '/supplies', icon: Box, roles: BOTH, test: 'supplies' },
  { label: 'members.menu.notices', route: '/notices', icon: Bell, roles: NOTICE_READERS, test: 'notices' },
  { label: 'members.menu.members', route: '/members', icon: OfficeBuilding, roles: ['admin'], test: 'members' },
  { label: 'members.menu.policies', route: '/policies', icon: Collection, roles: [], test: 'policies' },
  { label: 'members.menu.training', route: '/training', icon: Reading, roles: [], test: 'training' },
]

const routes: RouteRecordRaw[] = [
  {
    path: 'resumption/report',
    name: 'resumption-report',
    component: () => import('./views/report/index.vue'),
    meta: { roles: MEMBERS, title: 'members.menu.report' },
  },
  {
    path: 'resumption/schedules',
    name: 'resumption-schedules',
    component: () => import('./views/schedules/index.vue'),
    meta: { roles: ASSOCIATION_STAFF, title: 'members.menu.schedules' },
  },
  {
    path: 'resumption/schedules/:id',
    name: 'resumption-dashboard',
    component: () => import('./views/dashboard/index.vue'),
    meta: { roles: ASSOCIATION_STAFF, title: 'members.dashboard.title' },
  },
  {
    path: 'resumption/followups',
    name: 'resumption-followups',
    component: () => import('./views/followups/index.vue'),
    meta: { roles: BOTH, title: 'members.menu.followups' },
  },
  {
    path: 'supplies',
    name: 'supplies',
    component: () => import('./views/ledger/index.vue'),
    meta: { roles: BOTH, title: 'members.menu.ledger' },
  },
  {
    path: 'notices',
    name: 'notices',
    component: () => import('./views/notices/index.vue'),
    meta: { roles: NOTICE_READERS, title: 'members.menu.notices' },
  },
  {
    path: 'notices/new',
    name: 'notice-new',
    component: () => import('./views/notices/edit.vue'),
    meta: { roles: ASSOCIATION_STAFF, title: 'members.notice.create' },
  },
  {
    path: 'notices/:id(\\d+)/edit',
    name: 'notice-edit',
    component: () => import('./views/notices/edit.vue'),
    meta: { roles: ASSOCIATION_STAFF, title: 'members.notice.edit' },
  },
  {
    path: 'notices/:id(\\d+)',
    name: 'notice',
    component: () => import('./views/notices/detail.vue'),
    meta: { roles: NOTICE_READERS, title: 'members.menu.notices' },
  },
  {
    path: 'members',
    name: 'members',
    component: () => import('./views/members/index.vue'),
    meta: { roles: ['admin'], title: 'members.menu.members' },
  },
  {
    path: 'policies',
    name: 'policies',
    component: () => import('./views/policies/index.vue'),
    meta: { roles: [], title: 'members.menu.policies' },
  },
  {
    path: 'training',
    name: 'training',
    component: () => import('./views/training/index.vue'),
    meta: { roles: [], title: 'members.menu.training' },
  },
  {
    path: 'training/:id(\\d+)',
    name: 'training-course',
    component: () => import('./views/training/detail.vue'),
    meta: { roles: [], title: 'members.training.course' },
  },
]

const members: UiModule = { order: 60, menu, routes }
export default members
