// Organisation tree logic: load, filter, create a child organisation, rename one.
import { computed, reactive, ref, useTemplateRef, watch } from 'vue'
import type { FormInstance, FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { createOrg, listOrgs, updateOrg } from '@/modules/orgs/api/orgs'
import type { Org, OrgKind } from '@/api/types'
import { fieldError, hasField } from '@/utils/errors'
import { buildOrgTree, subtreeCodes, type OrgNode } from '@/utils/orgTree'
import { useSessionStore } from '@/stores/session'

const FORM_FIELDS = ['code', 'name', 'short_name', 'email', 'kind', 'parent'] as const

/** The kind a new child of `parent` most likely has. */
function defaultChildKind(parent: Org): OrgKind {
  if (parent.kind === 'national') return 'provincial'
  return 'member'
}

export function useOrgTree() {
  const { t } = useI18n()
  const orgs = ref<Org[]>([])
  const loading = ref(false)
  const loadError = ref<unknown>(null)
  const filter = ref('')
  const tree = computed(() => buildOrgTree(orgs.value))
  const session = useSessionStore()
  /** Codes of the organisations this admin manages (their own organisation's subtree). */
  const manageable = computed(() => subtreeCodes(orgs.value, session.user?.org.code ?? ''))

  async function load(): Promise<void> {
    loading.value = true
    loadError.value = null
    try {
      orgs.value = await listOrgs()
    } catch (e) {
      loadError.value = e
    } finally {
      loading.value = false
    }
  }

  /** el-tree filter: matches the name, short name or code. */
  function filterNode(value: string, data: OrgNode): boolean {
    if (!value) return true
    const v = value.trim().toLowerCase()
    const o = data.org
    return [o.name, o.short_name, o.code].some((s) => s.toLowerCase().includes(v))
  }

  // Dialog: 'create' a child of `parent`, or 'edit' `target`.
  const dialog = reactive({
    open: false,
    mode: 'create' as 'create' | 'edit',
    parent: null as Org | null,
    target: null as Org | null,
  })
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive({ code: '', name: '', short_name: '', email: '', kind: 'member' as OrgKind })
  const saving = ref(false)
  const saveError = ref<unknown>(null)

  const rules = computed<FormRules>(() => ({
    code: [
      { required: true, message: t('common.required', { field: t('orgs.code') }) },
      { pattern: /^[a-z0-9][a-z0-9-]*$/, message: t('orgs.codeHint') },
    ],
    name: [{ required: true, message: t('common.required', { field: t('orgs.name') }) }],
    kind: [{ required: true, message: t('common.required', { field: t('orgs.kind') }) }],
  }))

  function openCreate(parent: Org): void {
    Object.assign(dialog, { open: true, mode: 'create', parent, target: null })
    Object.assign(form, { code: '', name: '', short_name: '', email: '', kind: defaultChildKind(parent) })
    saveError.value = null
  }

  function openEdit(target: Org): void {
    Object.assign(dialog, { open: true, mode: 'edit', parent: null, target })
    Object.assign(form, {
      code: target.code,
      name: target.name,
      short_name: target.short_name,
      email: target.email ?? '',
      kind: target.kind,
    })
    saveError.value = null
  }

  async function save(): Promise<void> {
    saveError.value = null
    const ok = await formRef.value?.validate().catch(() => false)
    if (!ok) return
    saving.value = true
    try {
      if (dialog.mode === 'create' && dialog.parent) {
        const org = await createOrg({
          code: form.code.trim(),
          name: form.name.trim(),
          short_name: form.short_name.trim(),
          kind: form.kind,
          parent: dialog.parent.code,
        })
        ElMessage.success(t('orgs.created', { name: org.name }))
      } else if (dialog.target) {
        const org = await updateOrg(dialog.target.code, {
          name: form.name.trim(),
          short_name: form.short_name.trim(),
          email: form.email.trim(),
        })
        ElMessage.success(t('orgs.updated', { name: org.name }))
      }
      dialog.open = false
      await load()
    } catch (e) {
      saveError.value = e
    } finally {
      saving.value = false
    }
  }

  const fieldMessage = (field: string) => fieldError(saveError.value, field)
  const bannerError = computed(() =>
    saveError.value && !hasField(saveError.value, FORM_FIELDS) ? saveError.value : null,
  )

  watch(
    () => dialog.open,
    (open) => {
      if (!open) formRef.value?.clearValidate()
    },
  )

  void load()

  return {
    orgs,
    tree,
    manageable,
    loading,
    loadError,
    filter,
    load,
    filterNode,
    dialog,
    form,
    rules,
    saving,
    fieldMessage,
    bannerError,
    openCreate,
    openEdit,
    save,
  }
}
