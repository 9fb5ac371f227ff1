// 群机器人: the organisation's robots (add, edit — the secret stays unless a new one is typed —,
// delete, send a test) and the paged deliveries with their status, attempts and last error.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { usePagedList } from '@/composables/usePagedList'
import { useFormDialog } from '@/composables/useFormDialog'
import { createRobot, deleteRobot, listDeliveries, listRobots, testRobot, updateRobot, type Robot, type RobotInput } from '../../api'

interface RobotForm extends RobotInput {
  secret: string
}

export function useRobots() {
  const { t } = useI18n()
  const robots = ref<Robot[]>([])
  const robotsError = ref<unknown>(null)
  const loadingRobots = ref(false)
  async function loadRobots(): Promise<void> {
    loadingRobots.value = true
    robotsError.value = null
    try {
      robots.value = (await listRobots()).items
    } catch (e) {
      robotsError.value = e
    } finally {
      loadingRobots.value = false
    }
  }

  const deliveries = usePagedList({
    filters: { status: '' },
    cleared: () => ({ status: '' }),
    fetch: (f, paging) => listDeliveries({ status: f.status || undefined, ...paging }),
  })

  const open = ref(false)
  const editing = ref<Robot | null>(null)
  const dialog = useFormDialog<RobotForm, Robot>({
    open,
    fields: ['name', 'kind', 'url', 'secret'],
    // Editing shows the URL empty: the stored one is masked, a new one must be typed whole.
    initial: () =>
      editing.value
        ? { name: editing.value.name, kind: editing.value.kind, url: '', secret: '', enabled: editing.value.enabled }
        : { name: '', kind: 'wecom', url: '', secret: '', enabled: true },
    submit: (f) => {
      const body: RobotInput = { name: f.name, kind: f.kind, url: f.url, enabled: f.enabled }
      if (f.kind === 'dingtalk' && (f.secret || !editing.value)) body.secret = f.secret
      if (f.kind !== 'dingtalk') body.secret = ''
      return editing.value ? updateRobot(editing.value.id, body) : createRobot(body)
    },
    saved: () => {
      ElMessage.success(t('common.saved'))
      void loadRobots()
    },
  })
  function openCreate(): void {
    editing.value = null
    open.value = true
  }
  function openEdit(r: Robot): void {
    editing.value = r
    open.value = true
  }
  async function remove(r: Robot): Promise<void> {
    try {
      await ElMessageBox.confirm(t('robots.confirmDelete', { name: r.name }), { type: 'warning' })
    } catch {
      return
    }
    try {
      await deleteRobot(r.id)
      void loadRobots()
      void deliveries.load()
    } catch (e) {
      robotsError.value = e
    }
  }
  async function test(r: Robot): Promise<void> {
    try {
      await testRobot(r.id)
      ElMessage.success(t('robots.testQueued'))
      void deliveries.load()
    } catch (e) {
      robotsError.value = e
    }
  }

  void loadRobots()
  return { robots, robotsError, loadingRobots, loadRobots, deliveries, open, editing, dialog, openCreate, openEdit, remove, test }
}
