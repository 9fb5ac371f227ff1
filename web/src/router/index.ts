// The router: module route files under the main layout, and the sign-in guard.
import { createRouter, createWebHistory } from 'vue-router'
import './meta'
import MainLayout from '@/layouts/MainLayout.vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { safeRedirect } from '@/utils/redirect'
import { MODULES } from '@/menu'
import { accountRoutes } from './account'
import { authRoutes } from './auth'
import { orgsRoutes } from './orgs'
import { workbenchRoutes } from './workbench'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    ...authRoutes,
    {
      path: '/',
      component: MainLayout,
      children: [
        ...workbenchRoutes,
        ...orgsRoutes,
        ...MODULES.flatMap((m) => m.routes),
        ...accountRoutes,
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('@/views/errors/not-found/index.vue'),
          meta: { title: 'errors.notFound' },
        },
      ],
    },
  ],
})

// Asks GET /me once per page load; sends signed-out visitors to /login (remembering where
// they were going) and users without the route's role to the workbench.
router.beforeEach(async (to) => {
  const session = useSessionStore()
  try {
    await session.load()
  } catch {
    // Server unreachable or failing: treat as signed out; the sign-in page shows the error.
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.signedIn) return safeRedirect(to.query.redirect)
    return true
  }
  if (!session.signedIn) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.meta.roles && !session.hasAnyRole(to.meta.roles)) return { name: 'workbench' }
  return true
})

router.afterEach((to) => {
  const t = i18n.global.t
  document.title = to.meta.title ? `${t(to.meta.title)} · ${t('app.name')}` : t('app.title')
})
