// The bulletins (简报) module of the UI: issues, the approver's 待签发 queue, archive, composer,
// sign-off, receipts,
// inbox, legacy import and (admins) the government recipients allow-list. API in ./api.ts, pages in ./views/.
import type { RouteRecordRaw } from 'vue-router'
import { Collection, Files, Message, Stamp, Finished } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'
import { getInbox, pendingCount } from '@/modules/bulletins/api'

const STAFF: readonly Role[] = ['editor', 'approver', 'admin']
const EDITORS: readonly Role[] = ['editor']
const ADMINS: readonly Role[] = ['admin']
const APPROVERS: readonly Role[] = ['approver']

const menu: MenuItem[] = [
  { label: 'bulletins.menu.issues', route: '/bulletins', icon: Collection, roles: STAFF, test: 'bulletins' },
  {
    label: 'bulletins.menu.pending',
    route: '/bulletins/pending',
    icon: Finished,
    roles: APPROVERS,
    test: 'bulletins-pending',
    badge: () => pendingCount(),
  },
  { label: 'bulletins.menu.archive', route: '/archive', icon: Files, roles: STAFF, test: 'archive' },
  {
    label: 'bulletins.menu.inbox',
    route: '/inbox',
    icon: Message,
    roles: [],
    test: 'inbox',
    badge: () => getInbox({ page: 1, page_size: 1 }).then((r) => r.unread),
  },
  {
    label: 'bulletins.menu.government',
    route: '/bulletins/government-recipients',
    icon: Stamp,
    roles: ADMINS,
    test: 'government-recipients',
  },
]

const routes: RouteRecordRaw[] = [
  {
    path: 'bulletins',
    name: 'bulletins',
    component: () => import('./views/issues/index.vue'),
    meta: { roles: STAFF, title: 'bulletins.menu.issues' },
  },
  {
    path: 'bulletins/pending',
    name: 'bulletin-pending',
    component: () => import('./views/pending/index.vue'),
    meta: { roles: APPROVERS, title: 'bulletins.menu.pending' },
  },
  {
    path: 'bulletins/import',
    name: 'bulletin-import',
    component: () => import('./views/import/index.vue'),
    meta: { roles: EDITORS, title: 'bulletins.import.title' },
  },
  {
    path: 'bulletins/issues/:id(\\d+)',
    name: 'bulletin-issue',
    component: () => import('./views/issue/index.vue'),
    meta: { title: 'bulletins.issue.title' },
  },
  {
    path: 'bulletins/issues/:id(\\d+)/edit',
    name: 'bulletin-composer',
    component: () => import('./views/composer/index.vue'),
    meta: { roles: EDITORS, title: 'bulletins.composer.title' },
  },
  {
    path: 'archive',
    name: 'bulletin-archive',
    component: () => import('./views/archive/index.vue'),
    meta: { roles: STAFF, title: 'bulletins.menu.archive' },
  },
  {
    path: 'inbox',
    name: 'inbox',
    component: () => import('./views/inbox/index.vue'),
    meta: { title: 'bulletins.menu.inbox' },
  },
  {
    path: 'bulletins/government-recipients',
    name: 'bulletin-government-recipients',
    component: () => import('./views/government/index.vue'),
    meta: { roles: ADMINS, title: 'bulletins.government.title' },
  },
]

const bulletins: UiModule = { order: 30, menu, routes }
export default bulletins
