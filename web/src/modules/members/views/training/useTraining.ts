// 培训: the paged course list with filters (text, format, start between), the course editor for
// association staff, and registering / cancelling for member units' staff.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { usePagedList } from '@/composables/usePagedList'
import { useFormDialog } from '@/composables/useFormDialog'
import { createCourse, listCourses, registerCourse, unregisterCourse, updateCourse, type Course, type CourseInput } from '../../library-api'
import { ASSOCIATION_STAFF, MEMBERS } from '../../module'

export const COURSE_FIELDS = ['title', 'provider', 'format', 'start', 'end', 'link', 'capacity', 'valid_until'] as const

/** Registers or cancels; returns the course as it is now, or null after an error (shown). */
export async function toggleRegistration(c: Course, t: (k: string) => string): Promise<Course | null> {
  try {
    const next = c.registered_by_me ? await unregisterCourse(c.id) : await registerCourse(c.id)
    ElMessage.success(t(next.registered_by_me ? 'members.training.registeredOk' : 'members.training.cancelledOk'))
    return next
  } catch (e) {
    ElMessage.error((e as Error).message)
    return null
  }
}

export function useCourseDialog(saved: (c: Course) => void) {
  const open = ref(false)
  const editing = ref<Course | null>(null)
  const blank = (): CourseInput => ({ title: '', provider: '', format: 'online', start: '', end: '', link: '', capacity: 30, valid_until: '' })
  const dialog = useFormDialog<CourseInput, Course>({
    open,
    fields: COURSE_FIELDS,
    initial: () => (editing.value ? { ...editing.value } : blank()),
    submit: (f) => (editing.value ? updateCourse(editing.value.id, { ...f }) : createCourse({ ...f })),
    saved,
  })
  function openCreate(): void {
    editing.value = null
    open.value = true
  }
  function openEdit(c: Course): void {
    editing.value = c
    open.value = true
  }
  return { open, editing, dialog, openCreate, openEdit }
}

export function useTraining() {
  const { t } = useI18n()
  const session = useSessionStore()
  const isStaff = computed(() => session.hasAnyRole(ASSOCIATION_STAFF))
  const isMember = computed(() => session.hasAnyRole(MEMBERS))
  const list = usePagedList({
    filters: { q: '', format: '', from: '', to: '' },
    cleared: () => ({ q: '', format: '', from: '', to: '' }),
    fetch: (f, paging) =>
      listCourses({ q: f.q || undefined, format: f.format || undefined, from: f.from || undefined, to: f.to || undefined, ...paging }),
  })
  const editor = useCourseDialog(() => {
    ElMessage.success(t('common.saved'))
    void list.load()
  })
  async function toggle(c: Course): Promise<void> {
    if (await toggleRegistration(c, t)) void list.load()
  }
  return { list, isStaff, isMember, editor, toggle }
}
