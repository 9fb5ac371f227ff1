// One course: its facts, the registrations (the organiser sees all and marks attendance; a member
// unit sees its own), its history of postponements and extensions, and the dialogs that add to it.
import { computed, ref } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { useSessionStore } from '@/stores/session'
import { useFormDialog } from '@/composables/useFormDialog'
import { extendCourse, getCourse, listRegistrations, markAttendance, postponeCourse, type Course, type Registration } from '../../library-api'
import { ASSOCIATION_STAFF, MEMBERS } from '../../module'
import { toggleRegistration, useCourseDialog } from './useTraining'

export function useCourse() {
  const { t } = useI18n()
  const route = useRoute()
  const session = useSessionStore()
  const id = Number(route.params.id)
  const isStaff = computed(() => session.hasAnyRole(ASSOCIATION_STAFF))
  const isMember = computed(() => session.hasAnyRole(MEMBERS))
  const course = ref<Course | null>(null)
  const registrations = ref<Registration[]>([])
  const error = ref<unknown>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      course.value = await getCourse(id)
      registrations.value = (await listRegistrations(id)).items
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  async function setAttended(r: Registration, attended: boolean): Promise<void> {
    try {
      registrations.value = (await markAttendance(id, [{ login: r.login, attended }])).items
    } catch (e) {
      error.value = e
    }
  }

  async function toggle(): Promise<void> {
    if (course.value && (await toggleRegistration(course.value, t))) void load()
  }

  const editor = useCourseDialog(() => {
    ElMessage.success(t('common.saved'))
    void load()
  })

  const postponeOpen = ref(false)
  const postpone = useFormDialog({
    open: postponeOpen,
    fields: ['start', 'end', 'reason'],
    initial: () => ({ start: course.value?.start ?? '', end: course.value?.end ?? '', reason: '' }),
    submit: (f) => postponeCourse(id, f.start, f.end, f.reason),
    saved: (c: Course) => {
      course.value = c
    },
  })
  const extendOpen = ref(false)
  const extend = useFormDialog({
    open: extendOpen,
    fields: ['valid_until', 'reason'],
    initial: () => ({ valid_until: course.value?.valid_until ?? '', reason: '' }),
    submit: (f) => extendCourse(id, f.valid_until, f.reason),
    saved: (c: Course) => {
      course.value = c
    },
  })

  void load()
  return {
    course, registrations, error, loading, isStaff, isMember, load, setAttended, toggle, editor,
    postponeOpen, postpone, extendOpen, extend,
  }
}
