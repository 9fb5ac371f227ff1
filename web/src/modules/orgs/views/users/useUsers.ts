// User list logic: filters (organisation, role, text) kept in the address, paging, loading.
import { computed, ref } from 'vue'
import { useRoute } from 'vue-router'
import { listOrgs } from '@/modules/orgs/api/orgs'
import { ROLES, type Org, type Role, type User } from '@/api/types'
import { listUsers } from '@/modules/orgs/api/users'
import { usePagedList } from '@/composables/usePagedList'
import { subtreeCodes } from '@/utils/orgTree'
import { queryString } from '@/utils/query'
import { useSessionStore } from '@/stores/session'

interface UserFilters {
  org: string
  role: Role | ''
  q: string
}

function toQuery(f: UserFilters) {
  return { org: f.org || undefined, role: f.role || undefined, q: f.q.trim() || undefined }
}

export function useUsers() {
  const route = useRoute()
  const role = queryString(route.query.role)
  const list = usePagedList<UserFilters, User>({
    filters: {
      org: queryString(route.query.org),
      role: ((ROLES as readonly string[]).includes(role) ? role : '') as Role | '',
      q: queryString(route.query.q),
    },
    cleared: () => ({ org: '', role: '', q: '' }),
    toQuery,
    fetch: (f, paging) => listUsers({ ...toQuery(f), ...paging }),
  })

  const allOrgs = ref<Org[]>([])
  const session = useSessionStore()
  /** The organisations this admin manages: the choices of the filter and the create form. */
  const orgs = computed(() => {
    const mine = subtreeCodes(allOrgs.value, session.user?.org.code ?? '')
    return allOrgs.value.filter((o) => mine.has(o.code))
  })

  async function loadOrgs(): Promise<void> {
    try {
      allOrgs.value = await listOrgs()
    } catch {
      allOrgs.value = [] // the list itself still works; the organisation filter is just empty
    }
  }

  void loadOrgs()

  return { ...list, users: list.items, orgs }
}
