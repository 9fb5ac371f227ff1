// My account: profile, e-mail and password of the signed-in user (the last menu row).
import type { RouteRecordRaw } from 'vue-router'
import { User } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'

const menu: MenuItem[] = [{ label: 'menu.account', route: '/account', icon: User, roles: [], test: 'account' }]

const routes: RouteRecordRaw[] = [
  {
    path: 'account',
    name: 'account',
    component: () => import('./views/profile/index.vue'),
    meta: { roles: menu[0].roles, title: 'menu.account' },
  },
]

const account: UiModule = { order: 1000, menu, routes }
export default account
