// The public page's logic: load the form's lists and challenge, solve the challenge, file a
// case, and look up a case's status by number and phone.
import { computed, reactive, ref } from 'vue'
import { isApiError } from '@/api/http'
import { filePublic, publicForm, publicStatus, type Filing, type PublicForm, type PublicStatus } from '../../api'
import { solveChallenge } from '../shared/pow'

function emptyFiling(): Filing {
  return {
    kind: 'complaint',
    category: '',
    operator: '',
    region: '420000',
    name: '',
    phone: '',
    description: '',
    operator_contacted_on: '',
    operator_answer: '',
  }
}

export function usePublicPage() {
  const form = ref<PublicForm | null>(null)
  const loadError = ref<unknown>(null)
  const filing = reactive<Filing>(emptyFiling())
  const busy = ref(false)
  const solving = ref(false)
  const tried = ref(0)
  const error = ref<unknown>(null)
  const filed = ref<PublicStatus | null>(null)
  const lookup = reactive({ number: '', phone: '' })
  const status = ref<PublicStatus | null>(null)
  const lookupError = ref<unknown>(null)
  const looking = ref(false)

  const isComplaint = computed(() => filing.kind === 'complaint')
  /** The field the server named in its last answer, for el-form-item :error. */
  const fieldError = (field: string) => (isApiError(error.value) && error.value.field === field ? error.value.message : '')
  const bannerError = computed(() => (isApiError(error.value) && error.value.field ? null : error.value))

  async function load(): Promise<void> {
    loadError.value = null
    try {
      form.value = await publicForm()
    } catch (e) {
      loadError.value = e
    }
  }

  async function submit(): Promise<void> {
    if (!form.value) return
    busy.value = true
    error.value = null
    try {
      const body: Filing = { ...filing }
      if (!isComplaint.value) {
        body.operator_contacted_on = ''
        body.operator_answer = ''
      }
      // A fresh challenge per filing: each is used once.
      const fresh = await publicForm()
      if (fresh.challenge_enabled && fresh.challenge) {
        solving.value = true
        tried.value = 0
        body.challenge = fresh.challenge.token
        body.solution = await solveChallenge(fresh.challenge.token, fresh.challenge.difficulty, (n) => {
          tried.value = n
        })
        solving.value = false
      }
      filed.value = await filePublic(body)
      lookup.number = filed.value.number
      lookup.phone = filing.phone
      Object.assign(filing, emptyFiling())
    } catch (e) {
      error.value = e
    } finally {
      solving.value = false
      busy.value = false
    }
  }

  async function check(): Promise<void> {
    looking.value = true
    lookupError.value = null
    status.value = null
    try {
      status.value = await publicStatus(lookup.number.trim(), lookup.phone.trim())
    } catch (e) {
      lookupError.value = e
    } finally {
      looking.value = false
    }
  }

  return {
    form, loadError, filing, busy, solving, tried, error, filed, lookup, status, lookupError, looking,
    isComplaint, fieldError, bannerError, load, submit, check,
  }
}
