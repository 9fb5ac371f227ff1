// Routes of the "my account" module, inside the main layout.
import type { RouteRecordRaw } from 'vue-router'
import { rolesFor } from '@/menu'

export const accountRoutes: RouteRecordRaw[] = [
  {
    path: 'account',
    name: 'account',
    component: () => import('@/views/account/profile/index.vue'),
    meta: { roles: rolesFor('/account'), title: 'menu.account' },
  },
]
