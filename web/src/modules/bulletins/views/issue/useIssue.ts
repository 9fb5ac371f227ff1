// One issue: loading it and the organisation names of its distribution list.
import { computed, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { getIssue, type Issue } from '@/modules/bulletins/api'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'

export function useIssue() {
  const route = useRoute()
  const id = computed(() => Number(route.params.id))
  const issue = ref<Issue | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const orgs = ref<Org[]>([])

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      issue.value = await getIssue(id.value)
    } catch (e) {
      error.value = e
      issue.value = null
    } finally {
      loading.value = false
    }
  }

  /** The short name (or name) of an organisation code, or the code itself. */
  function orgName(code: string): string {
    const o = orgs.value.find((x) => x.code === code)
    return o ? o.short_name || o.name : code
  }

  void listOrgs()
    .then((o) => (orgs.value = o))
    .catch(() => undefined)
  watch(id, () => void load(), { immediate: true })

  return { id, issue, loading, error, load, orgName, set: (i: Issue) => (issue.value = i) }
}
