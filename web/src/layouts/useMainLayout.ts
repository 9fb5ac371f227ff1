// Logic of the main layout: the visible menu with its badges, the active item and signing out.
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { visibleMenu } from '@/menu'
import { useSessionStore } from '@/stores/session'
import { useMenuBadges } from './useMenuBadges'

export function useMainLayout() {
  const session = useSessionStore()
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()

  const menu = computed(() => visibleMenu(session.roles))
  const badges = useMenuBadges(menu)

  /** The menu item whose route is the longest prefix of the current path. */
  const active = computed(() => {
    const path = route.path
    let best = '/'
    for (const m of menu.value) {
      if ((path === m.route || path.startsWith(`${m.route}/`)) && m.route.length > best.length) {
        best = m.route
      }
    }
    return best
  })

  async function signOut(): Promise<void> {
    await session.signOut().catch(() => undefined)
    ElMessage.success(t('layout.signedOut'))
    await router.push({ name: 'login' })
  }

  return { session, menu, badges, active, signOut }
}
