// The router: every module's routes (src/modules/<name>/module.ts) under the main layout,
// the sign-in page outside it, and the sign-in guard.
import { createRouter, createWebHistory } from 'vue-router'
import './meta'
import MainLayout from '@/layouts/MainLayout.vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { safeRedirect } from '@/utils/redirect'
import { MODULES } from '@/menu'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    ...MODULES.flatMap((m) => m.outsideLayout ?? []),
    {
      path: '/',
      component: MainLayout,
      children: [
        ...MODULES.flatMap((m) => m.routes),
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('@/layouts/NotFound.vue'),
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
