// Routes of the workbench (home) module, inside the main layout.
import type { RouteRecordRaw } from 'vue-router'
import { rolesFor } from '@/menu'

export const workbenchRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'workbench',
    component: () => import('@/views/workbench/home/index.vue'),
    meta: { roles: rolesFor('/'), title: 'menu.workbench' },
  },
]
