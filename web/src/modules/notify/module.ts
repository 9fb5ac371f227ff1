// In-app notifications: a menu row showing the list with its unread count; mark read.
import type { RouteRecordRaw } from 'vue-router'
import { Bell } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import { unreadCount } from '@/modules/notify/api'

const menu: MenuItem[] = [{ label: 'notify.menu', route: '/notifications', icon: Bell, roles: [], test: 'notifications', badge: unreadCount }]

const routes: RouteRecordRaw[] = [
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('./views/NotificationsPage.vue'),
    meta: { title: 'notify.menu' },
  },
]

const notify: UiModule = { order: 90, menu, routes }
export default notify
