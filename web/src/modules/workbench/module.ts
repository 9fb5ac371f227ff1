// The workbench (工作台): the home page every signed-in user lands on.
import type { RouteRecordRaw } from 'vue-router'
import { House } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'

const menu: MenuItem[] = [{ label: 'menu.workbench', route: '/', icon: House, roles: [], test: 'workbench' }]

const routes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'workbench',
    component: () => import('./views/home/index.vue'),
    meta: { roles: menu[0].roles, title: 'menu.workbench' },
  },
]

const workbench: UiModule = { order: 0, menu, routes }
export default workbench
