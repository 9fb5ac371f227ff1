// 政策汇编: the paged policy list with filters (text, region, tag, year), the editor dialog for
// association staff, and the digest builder: tick policies, name the digest, get its CommonMark
// text to copy, or turn it into a draft notice (通知) to choose recipients for and send.
import { computed, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { usePagedList } from '@/composables/usePagedList'
import { useFormDialog } from '@/composables/useFormDialog'
import {
  createPolicy, deletePolicy, deletePolicyFile, listPolicies, makeDigest, updatePolicy, uploadPolicyFile,
  type Digest, type Policy, type PolicyInput,
} from '../../library-api'
import { ASSOCIATION_STAFF } from '../../module'
import { createNotice } from '../../notices'

export const POLICY_FIELDS = ['title', 'issuer', 'issued_on', 'doc_number', 'region', 'tags', 'summary', 'link'] as const

export function usePolicies() {
  const { t } = useI18n()
  const session = useSessionStore()
  const isStaff = computed(() => session.hasAnyRole(ASSOCIATION_STAFF))
  // A search hit opens the list filtered by the policy's title (/policies?q=…).
  const initialQ = useRoute().query.q
  const list = usePagedList({
    filters: { q: typeof initialQ === 'string' ? initialQ : '', region: '', tag: '', year: '' },
    cleared: () => ({ q: '', region: '', tag: '', year: '' }),
    fetch: (f, paging) =>
      listPolicies({ q: f.q || undefined, region: f.region || undefined, tag: f.tag || undefined, year: f.year || undefined, ...paging }),
  })

  const open = ref(false)
  const editing = ref<Policy | null>(null)
  const file = ref<File | null>(null)
  const dropFile = ref(false)
  const blank = (): PolicyInput => ({ title: '', issuer: '', issued_on: '', doc_number: '', region: '', tags: [], summary: '', link: '' })
  const dialog = useFormDialog<PolicyInput, Policy>({
    open,
    fields: POLICY_FIELDS,
    initial: () => (editing.value ? { ...editing.value, tags: [...editing.value.tags] } : blank()),
    // Saves the policy, then its new file; a refused file leaves the saved policy open for editing.
    submit: async (f) => {
      const body: PolicyInput = { ...f, tags: f.tags.map((x) => x.trim()).filter(Boolean) }
      const saved = editing.value ? await updatePolicy(editing.value.id, body) : await createPolicy(body)
      editing.value = saved
      if (file.value) {
        const withFile = await uploadPolicyFile(saved.id, file.value)
        file.value = null
        return withFile
      }
      if (dropFile.value && saved.attachment) await deletePolicyFile(saved.id)
      return saved
    },
    saved: () => {
      ElMessage.success(t('common.saved'))
      void list.load()
    },
  })

  function openCreate(): void {
    editing.value = null
    file.value = null
    dropFile.value = false
    open.value = true
  }
  function openEdit(p: Policy): void {
    editing.value = p
    file.value = null
    dropFile.value = false
    open.value = true
  }
  function pickFile(f: File | null): void {
    file.value = f
    if (f) dropFile.value = false
  }
  async function remove(p: Policy): Promise<void> {
    try {
      await ElMessageBox.confirm(t('members.policy.confirmDelete', { title: p.title }), { type: 'warning' })
    } catch {
      return
    }
    try {
      await deletePolicy(p.id)
      void list.load()
    } catch (e) {
      list.error.value = e
    }
  }

  // The digest builder: the ticked rows, a title, the generated text.
  const chosen = ref<Policy[]>([])
  const digestOpen = ref(false)
  const digestTitle = ref('')
  const digest = ref<Digest | null>(null)
  const digestError = ref<unknown>(null)
  const digestBusy = ref(false)
  function onSelect(rows: Policy[]): void {
    chosen.value = rows
  }
  function openDigest(): void {
    digest.value = null
    digestError.value = null
    if (!digestTitle.value) digestTitle.value = t('members.policy.digestDefaultTitle')
    digestOpen.value = true
  }
  async function buildDigest(): Promise<void> {
    digestBusy.value = true
    digestError.value = null
    try {
      digest.value = await makeDigest(chosen.value.map((p) => p.id), digestTitle.value)
    } catch (e) {
      digestError.value = e
    } finally {
      digestBusy.value = false
    }
  }
  const router = useRouter()
  /** Saves the digest as a draft notice without recipients and opens it in the notice editor. */
  async function digestAsNotice(): Promise<void> {
    if (!digest.value) return
    digestBusy.value = true
    digestError.value = null
    try {
      const n = await createNotice({
        title: digest.value.title, kind: 'notice', body: digest.value.body, recipients: [], groups: [],
      })
      digestOpen.value = false
      ElMessage.success(t('members.policy.noticeCreated'))
      await router.push(`/notices/${n.id}/edit`)
    } catch (e) {
      digestError.value = e
    } finally {
      digestBusy.value = false
    }
  }
  async function copyDigest(): Promise<void> {
    if (!digest.value) return
    try {
      await navigator.clipboard.writeText(`${digest.value.title}\n\n${digest.value.body}`)
      ElMessage.success(t('members.policy.copied'))
    } catch {
      ElMessage.warning(t('members.policy.copyFailed'))
    }
  }

  return {
    list, isStaff, open, editing, file, dropFile, dialog, openCreate, openEdit, pickFile, remove,
    chosen, digestOpen, digestTitle, digest, digestError, digestBusy, onSelect, openDigest, buildDigest, copyDigest,
    digestAsNotice,
  }
}
