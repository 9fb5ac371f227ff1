// The association's reporting schedules: the list, and a dialog creating one for chosen units.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { listOrgs } from '@/modules/orgs/api/orgs'
import type { Org } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'
import { useFormDialog } from '@/composables/useFormDialog'
import { createSchedule, listSchedules } from '../../api'

export const SCHEDULE_FIELDS = ['name', 'kind', 'weekday', 'start', 'deadline', 'units']

export function useSchedules() {
  const { t } = useI18n()
  const list = usePagedList({
    filters: {},
    cleared: () => ({}),
    fetch: (_f, paging) => listSchedules({ ...paging }),
  })
  const orgs = ref<Org[]>([])
  const units = computed(() => orgs.value.filter((o) => o.kind === 'member' || o.kind === 'operator'))
  const open = ref(false)
  const dialog = useFormDialog({
    open,
    fields: SCHEDULE_FIELDS,
    initial: () => ({ name: '', kind: 'weekly', weekday: 5, start: '', deadline: '', units: [] as string[] }),
    submit: (f) =>
      createSchedule({
        name: f.name.trim(),
        kind: f.kind,
        weekday: f.kind === 'weekly' ? f.weekday : undefined,
        start: f.start,
        deadline: f.kind === 'once' ? f.deadline : undefined,
        units: f.units,
      }),
    saved: () => {
      ElMessage.success(t('members.schedule.created'))
      void list.load()
    },
  })

  function openCreate(): void {
    open.value = true
    if (!orgs.value.length) listOrgs().then((o) => (orgs.value = o)).catch(() => undefined)
  }

  return { list, open, dialog, units, openCreate }
}
