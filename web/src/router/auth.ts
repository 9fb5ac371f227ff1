// Routes of the sign-in module.
import type { RouteRecordRaw } from 'vue-router'

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/index.vue'),
    meta: { public: true, title: 'login.title' },
  },
]
