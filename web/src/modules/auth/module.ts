// Sign-in: the one page outside the main layout, reachable without a session.
import type { RouteRecordRaw } from 'vue-router'
import type { UiModule } from '@/menu'

const outsideLayout: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/login/index.vue'),
    meta: { public: true, title: 'login.title' },
  },
]

const auth: UiModule = { order: 0, menu: [], routes: [], outsideLayout }
export default auth
