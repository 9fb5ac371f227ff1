// The desk's queue: filters in the address, paging, overdue only, and phone intake.
import { reactive, ref } from 'vue'
import { useRoute } from 'vue-router'
import { usePagedList } from '@/composables/usePagedList'
import { useSessionStore } from '@/stores/session'
import { fileByPhone, listCases, type CaseItem, type Filing } from '../../api'

interface QueueFilters {
  status: string
  category: string
  operator: string
  kind: string
  q: string
  overdue: boolean
}

function cleared(): QueueFilters {
  return { status: '', category: '', operator: '', kind: '', q: '', overdue: false }
}

export function useQueue() {
  const route = useRoute()
  const session = useSessionStore()
  const s = (v: unknown) => (typeof v === 'string' ? v : '')
  const list = usePagedList<QueueFilters, CaseItem>({
    filters: {
      status: s(route.query.status),
      category: s(route.query.category),
      operator: s(route.query.operator),
      kind: s(route.query.kind),
      q: s(route.query.q),
      overdue: route.query.overdue === 'true',
    },
    cleared,
    fetch: (f, paging) => listCases({ ...f, ...paging }),
    toQuery: (f) => ({ ...f, overdue: f.overdue ? 'true' : undefined }),
  })

  const isDesk = session.hasAnyRole(['complaint_handler'])
  const intakeOpen = ref(false)
  const intakeBusy = ref(false)
  const intakeError = ref<unknown>(null)
  const intake = reactive<Filing>({
    kind: 'complaint', category: 'billing', operator: 'cmcc', region: '', name: '', phone: '',
    description: '', operator_contacted_on: '', operator_answer: '',
  })

  async function saveIntake(): Promise<number | null> {
    intakeBusy.value = true
    intakeError.value = null
    try {
      const body = { ...intake }
      if (body.kind === 'consultation') {
        body.operator_contacted_on = ''
        body.operator_answer = ''
      }
      const c = await fileByPhone(body)
      intakeOpen.value = false
      await list.load()
      return c.id
    } catch (e) {
      intakeError.value = e
      return null
    } finally {
      intakeBusy.value = false
    }
  }

  return { ...list, isDesk, intakeOpen, intakeBusy, intakeError, intake, saveIntake }
}
