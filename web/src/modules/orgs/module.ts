// Organisations (admin): the organisation tree, users and the audit log.
// API in ./api/{orgs,users,audit}.ts; listOrgs is used by other modules' filters too.
import type { RouteRecordRaw } from 'vue-router'
import { Document, OfficeBuilding, UserFilled } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'

const ADMIN: readonly Role[] = ['admin']

const menu: MenuItem[] = [
  { label: 'menu.orgs', route: '/orgs', icon: OfficeBuilding, roles: ADMIN, test: 'orgs' },
  { label: 'menu.users', route: '/users', icon: UserFilled, roles: ADMIN, test: 'users' },
  { label: 'menu.audit', route: '/audit', icon: Document, roles: ADMIN, test: 'audit' },
]

const routes: RouteRecordRaw[] = [
  {
    path: 'orgs',
    name: 'orgs',
    component: () => import('./views/tree/index.vue'),
    meta: { roles: ADMIN, title: 'menu.orgs' },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('./views/users/index.vue'),
    meta: { roles: ADMIN, title: 'menu.users' },
  },
  {
    path: 'audit',
    name: 'audit',
    component: () => import('./views/audit/index.vue'),
    meta: { roles: ADMIN, title: 'menu.audit' },
  },
]

const orgs: UiModule = { order: 100, menu, routes }
export default orgs
