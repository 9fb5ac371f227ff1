// Routes of the organisations module (tree, users, audit log), inside the main layout.
import type { RouteRecordRaw } from 'vue-router'
import { rolesFor } from '@/menu'

export const orgsRoutes: RouteRecordRaw[] = [
  {
    path: 'orgs',
    name: 'orgs',
    component: () => import('@/views/orgs/tree/index.vue'),
    meta: { roles: rolesFor('/orgs'), title: 'menu.orgs' },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('@/views/orgs/users/index.vue'),
    meta: { roles: rolesFor('/users'), title: 'menu.users' },
  },
  {
    path: 'audit',
    name: 'audit',
    component: () => import('@/views/orgs/audit/index.vue'),
    meta: { roles: rolesFor('/audit'), title: 'menu.audit' },
  },
]
