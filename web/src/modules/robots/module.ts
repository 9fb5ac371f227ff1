// Group robots (群机器人) of the UI: an organisation's admins configure 企业微信 / 钉钉 / generic
// webhooks and watch their deliveries. API in ./api.ts, the page in ./views/robots/.
import type { RouteRecordRaw } from 'vue-router'
import { ChatDotRound } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'

const ADMINS: readonly Role[] = ['admin']

const menu: MenuItem[] = [{ label: 'robots.menu', route: '/robots', icon: ChatDotRound, roles: ADMINS, test: 'robots' }]

const routes: RouteRecordRaw[] = [
  {
    path: 'robots',
    name: 'robots',
    component: () => import('./views/robots/index.vue'),
    meta: { roles: ADMINS, title: 'robots.menu' },
  },
]

const robots: UiModule = { order: 105, menu, routes }
export default robots
