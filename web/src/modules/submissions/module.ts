// 信息报送 (submissions): reporter's pieces, editor's review queue, commissioning, statistics.
import type { RouteRecordRaw } from 'vue-router'
import { Checked, DataAnalysis, EditPen, Promotion } from '@element-plus/icons-vue'
import type { MenuItem, UiModule } from '@/menu'
import type { Role } from '@/api/types'
import { waitingForReview } from '@/modules/submissions/api'

const REPORTER: readonly Role[] = ['reporter']
const EDITOR: readonly Role[] = ['editor']
const BOTH: readonly Role[] = ['reporter', 'editor']
const STATS: readonly Role[] = ['editor', 'admin', 'reporter']

const menu: MenuItem[] = [
  { label: 'submissions.menu.mine', route: '/submissions', icon: EditPen, roles: REPORTER, test: 'submissions-mine' },
  {
    label: 'submissions.menu.review',
    route: '/submissions/review',
    icon: Checked,
    roles: EDITOR,
    test: 'submissions-review',
    badge: waitingForReview,
  },
  { label: 'submissions.menu.commissions', route: '/submissions/commissions', icon: Promotion, roles: BOTH, test: 'submissions-commissions' },
  { label: 'submissions.menu.stats', route: '/submissions/stats', icon: DataAnalysis, roles: ['editor', 'admin'], test: 'submissions-stats' },
]

const routes: RouteRecordRaw[] = [
  {
    path: 'submissions',
    name: 'submissions-mine',
    component: () => import('./views/mine/index.vue'),
    meta: { roles: REPORTER, title: 'submissions.menu.mine' },
  },
  {
    path: 'submissions/new',
    name: 'submissions-new',
    component: () => import('./views/edit/index.vue'),
    meta: { roles: REPORTER, title: 'submissions.edit.newTitle' },
  },
  {
    path: 'submissions/:id(\\d+)/edit',
    name: 'submissions-edit',
    component: () => import('./views/edit/index.vue'),
    meta: { roles: BOTH, title: 'submissions.edit.title' },
  },
  {
    path: 'submissions/:id(\\d+)',
    name: 'submissions-piece',
    component: () => import('./views/piece/index.vue'),
    meta: { roles: BOTH, title: 'submissions.piece.title' },
  },
  {
    // The same review screen under the queue's path, so the editor's menu item stays active.
    path: 'submissions/review/:id(\\d+)',
    name: 'submissions-review-piece',
    component: () => import('./views/piece/index.vue'),
    meta: { roles: EDITOR, title: 'submissions.piece.title' },
  },
  {
    path: 'submissions/review',
    name: 'submissions-review',
    component: () => import('./views/review/index.vue'),
    meta: { roles: EDITOR, title: 'submissions.menu.review' },
  },
  {
    path: 'submissions/commissions',
    name: 'submissions-commissions',
    component: () => import('./views/commissions/index.vue'),
    meta: { roles: BOTH, title: 'submissions.menu.commissions' },
  },
  {
    path: 'submissions/stats',
    name: 'submissions-stats',
    component: () => import('./views/stats/index.vue'),
    meta: { roles: STATS, title: 'submissions.menu.stats' },
  },
]

const submissions: UiModule = { order: 20, menu, routes }
export default submissions
