// 全文检索: the search box in the header of every page and the results page.
import type { RouteRecordRaw } from 'vue-router'
import type { UiModule } from '@/menu'
import HeaderSearch from './components/HeaderSearch.vue'

const routes: RouteRecordRaw[] = [
  {
    path: 'search',
    name: 'search',
    component: () => import('./views/SearchPage.vue'),
    meta: { title: 'search.title' },
  },
]

const search: UiModule = { order: 5, menu: [], routes, header: [HeaderSearch] }
export default search
