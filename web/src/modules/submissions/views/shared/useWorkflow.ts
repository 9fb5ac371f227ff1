// The workflow table from GET /submissions/workflow: state and action labels in the UI
// language, and which transitions need or allow a reason. Buttons come from this table
// (or a piece's `actions`), never from a copy of the rules.
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  actionableStates as waitingStates,
  fetchWorkflow,
  type PieceAction,
  type PieceState,
  type Transition,
  type Workflow,
} from '@/modules/submissions/api'

const workflow = ref<Workflow | null>(null)
const error = ref<unknown>(null)

const TAG: Record<string, 'info' | 'primary' | 'warning' | 'success' | 'danger'> = {
  draft: 'info',
  submitted: 'primary',
  returned: 'warning',
  resubmitted: 'primary',
  adopted: 'success',
  not_adopted: 'danger',
}

export function useWorkflow() {
  const { locale } = useI18n()
  if (!workflow.value) {
    fetchWorkflow()
      .then((w) => {
        workflow.value = w
        error.value = null
      })
      .catch((e) => {
        error.value = e
      })
  }
  const en = computed(() => locale.value === 'en')

  const states = computed(() => workflow.value?.states ?? [])

  function stateLabel(name: string): string {
    const s = workflow.value?.states.find((x) => x.name === name)
    return s ? (en.value ? s.en : s.zh) : name
  }
  function actionLabel(name: string): string {
    const a = workflow.value?.actions.find((x) => x.name === name)
    return a ? (en.value ? a.en : a.zh) : name
  }
  function stateTag(name: string) {
    return TAG[name] ?? 'info'
  }
  /** The transitions of `action` from `state` (any role). */
  function transition(state: PieceState, action: PieceAction, role?: string): Transition | undefined {
    return workflow.value?.transitions.find(
      (t) => t.from === state && t.action === action && (!role || t.role === role),
    )
  }
  /** The actions the table allows `role` in any state that appears among `states` (for bulk buttons). */
  function bulkActions(role: string, inStates: readonly string[]): PieceAction[] {
    const out: PieceAction[] = []
    for (const t of workflow.value?.transitions ?? []) {
      if (t.role === role && t.action !== 'edit' && inStates.includes(t.from) && !out.includes(t.action)) out.push(t.action)
    }
    return out
  }
  /** The states from which `role` can act (besides editing): what an editor's queue waits on. */
  function actionableStates(role: string): PieceState[] {
    return workflow.value ? waitingStates(workflow.value, role) : []
  }

  return { workflow, error, states, stateLabel, actionLabel, stateTag, transition, bulkActions, actionableStates }
}
