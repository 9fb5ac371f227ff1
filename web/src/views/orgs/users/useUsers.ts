// User list logic: filters (organisation, role, text) kept in the address, paging, loading.
import { computed, reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { listOrgs } from '@/api/orgs'
import { ROLES, type Org, type Role, type User } from '@/api/types'
import { listUsers } from '@/api/users'
import { subtreeCodes } from '@/utils/orgTree'
import { queryPositive, queryString } from '@/utils/query'
import { useSessionStore } from '@/stores/session'

export function useUsers() {
  const route = useRoute()
  const router = useRouter()

  const role = queryString(route.query.role)
  const filters = reactive({
    org: queryString(route.query.org),
    role: ((ROLES as readonly string[]).includes(role) ? role : '') as Role | '',
    q: queryString(route.query.q),
  })
  const page = ref(queryPositive(route.query.page, 1))
  const pageSize = ref(queryPositive(route.query.page_size, 20))

  const users = ref<User[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const allOrgs = ref<Org[]>([])
  const session = useSessionStore()
  /** The organisations this admin manages: the choices of the filter and the create form. */
  const orgs = computed(() => {
    const mine = subtreeCodes(allOrgs.value, session.user?.org.code ?? '')
    return allOrgs.value.filter((o) => mine.has(o.code))
  })

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    const query = {
      org: filters.org || undefined,
      role: filters.role || undefined,
      q: filters.q.trim() || undefined,
      page: page.value,
      page_size: pageSize.value,
    }
    void router.replace({ query: { ...query, page: String(page.value), page_size: String(pageSize.value) } })
    try {
      const res = await listUsers(query)
      users.value = res.items
      total.value = res.total
    } catch (e) {
      error.value = e
      users.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  async function loadOrgs(): Promise<void> {
    try {
      allOrgs.value = await listOrgs()
    } catch {
      allOrgs.value = [] // the list itself still works; the organisation filter is just empty
    }
  }

  /** Applies the filters from the first page. */
  function search(): void {
    page.value = 1
    void load()
  }

  /** Clears the filters and reloads. */
  function reset(): void {
    Object.assign(filters, { org: '', role: '', q: '' })
    search()
  }

  function onPage(p: number): void {
    page.value = p
    void load()
  }

  function onPageSize(s: number): void {
    pageSize.value = s
    page.value = 1
    void load()
  }

  void loadOrgs()
  void load()

  return { filters, page, pageSize, users, total, loading, error, orgs, load, search, reset, onPage, onPageSize }
}
