// Government recipients allow-list (报/送 bodies an association's series may distribute to):
// which association (an admin's own, or one below it for the national admin), the allowed
// and the other government bodies, editing the list and saving it.
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'
import {
  getGovernmentRecipients,
  putGovernmentRecipients,
  type GovernmentOrg,
} from '@/modules/bulletins/api'
import { useSessionStore } from '@/stores/session'
import { subtreeCodes } from '@/utils/orgTree'
import { queryString } from '@/utils/query'

const ASSOCIATION_KINDS = ['national', 'provincial']

/** The association `code` belongs to: itself or its nearest association ancestor ('' if none). */
function associationOf(orgs: readonly Org[], code: string): string {
  const byCode = new Map(orgs.map((o) => [o.code, o]))
  for (let o = byCode.get(code); o; o = o.parent ? byCode.get(o.parent) : undefined) {
    if (ASSOCIATION_KINDS.includes(o.kind)) return o.code
  }
  return ''
}

export function useGovernmentRecipients() {
  const route = useRoute()
  const router = useRouter()
  const session = useSessionStore()

  const orgs = ref<Org[]>([])
  const association = ref('')
  /** Every government body, allowed or not (the transfer's data). */
  const bodies = ref<GovernmentOrg[]>([])
  /** Codes of the allowed ones as stored, and as being edited. */
  const stored = ref<string[]>([])
  const allowed = ref<string[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const saving = ref(false)
  const saveError = ref<unknown>(null)

  /** The associations this admin may manage: its own and those below it. */
  const associations = computed(() => {
    const own = associationOf(orgs.value, session.user?.org.code ?? '')
    const mine = subtreeCodes(orgs.value, own)
    return orgs.value.filter((o) => mine.has(o.code) && ASSOCIATION_KINDS.includes(o.kind))
  })
  const dirty = computed(() => [...allowed.value].sort().join() !== [...stored.value].sort().join())

  async function load(): Promise<void> {
    if (!association.value) return
    loading.value = true
    error.value = null
    saveError.value = null
    void router.replace({ query: { association: association.value } })
    try {
      const res = await getGovernmentRecipients(association.value)
      bodies.value = [...res.allowed, ...res.available]
      stored.value = res.allowed.map((o) => o.code)
      allowed.value = [...stored.value]
    } catch (e) {
      error.value = e
      bodies.value = []
      stored.value = []
      allowed.value = []
    } finally {
      loading.value = false
    }
  }

  /** Saves the edited list; true when it was stored. */
  async function save(): Promise<boolean> {
    saving.value = true
    saveError.value = null
    try {
      const res = await putGovernmentRecipients(association.value, allowed.value)
      bodies.value = [...res.allowed, ...res.available]
      stored.value = res.allowed.map((o) => o.code)
      allowed.value = [...stored.value]
      return true
    } catch (e) {
      saveError.value = e
      return false
    } finally {
      saving.value = false
    }
  }

  /** Puts the list back as stored. */
  function revert(): void {
    allowed.value = [...stored.value]
    saveError.value = null
  }

  async function start(): Promise<void> {
    loading.value = true
    try {
      orgs.value = await listOrgs()
    } catch (e) {
      error.value = e
      loading.value = false
      return
    }
    const asked = queryString(route.query.association)
    association.value = associations.value.some((a) => a.code === asked)
      ? asked
      : associationOf(orgs.value, session.user?.org.code ?? '') || (associations.value[0]?.code ?? '')
    if (!association.value) loading.value = false
  }

  watch(association, () => void load())
  void start()

  return { association, associations, bodies, allowed, dirty, loading, error, saving, saveError, load, save, revert }
}
