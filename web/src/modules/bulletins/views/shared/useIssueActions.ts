// 送审, 退回修改 (with a comment), sign-off, publication, correction and discarding a draft,
// each behind a confirmation, with a
// busy flag for progress (seconds typesetting; queued and retried while the renderer is
// busy); which actions a user may take on an issue in which state.
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import {
  approveIssue,
  correctIssue,
  discardIssue,
  publishIssue,
  reopenIssue,
  returnIssue,
  submitIssue,
  type Issue,
} from '@/modules/bulletins/api'
import { refreshMenuBadges } from '@/layouts/useMenuBadges'
import { useSessionStore } from '@/stores/session'
import { errorMessage } from '@/utils/errors'
import { issueLabel } from './format'
import { useRenderJob } from './useRenderJob'

export type IssueAction =
  | 'edit'
  | 'submit'
  | 'return'
  | 'approve'
  | 'publish'
  | 'reopen'
  | 'correct'
  | 'discard'
  | 'receipts'
type Busy = '' | 'submit' | 'return' | 'approve' | 'publish' | 'reopen' | 'correct' | 'discard'

export function useIssueActions(onChanged: (issue: Issue) => void) {
  const { t } = useI18n()
  const router = useRouter()
  const session = useSessionStore()
  /** The action whose request runs, else ''. */
  const busy = ref<Busy>('')
  /** Sign-off checks and publication typeset the issue: seconds spent, queued and retried. */
  const render = useRenderJob()

  /** The actions the signed-in user may take on `issue`. */
  function actionsFor(issue: Issue): IssueAction[] {
    const editor = session.hasAnyRole(['editor'])
    const approver = session.hasAnyRole(['approver'])
    const staff = session.hasAnyRole(['editor', 'approver', 'admin'])
    const a: IssueAction[] = []
    if (issue.status === 'draft' && editor) a.push('edit', 'submit')
    if (issue.status === 'pending_approval' && approver) a.push('approve', 'return')
    if (issue.status === 'draft' && editor && !issue.approved_at) a.push('discard')
    if (issue.status === 'approved' && editor) a.push('publish')
    if (issue.status === 'approved' && (editor || approver)) a.push('reopen')
    if (issue.status === 'published' && editor) a.push('correct')
    if ((issue.status === 'published' || issue.status === 'superseded') && staff && !issue.imported) a.push('receipts')
    return a
  }

  async function confirm(message: string, title: string, ok: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        confirmButtonText: ok,
        cancelButtonText: t('common.cancel'),
        type: 'warning',
        customClass: 'bulletin-confirm',
      })
      return true
    } catch {
      return false
    }
  }

  /** 签发 of the pages the approver saw: `seenHash` is their content_hash (409 when it changed). */
  async function approve(issue: Issue, seenHash?: string): Promise<void> {
    const ok = await confirm(
      t('bulletins.actions.approveConfirm', { label: issueLabel(issue) }),
      t('bulletins.actions.approve'),
      t('bulletins.actions.approve'),
    )
    if (!ok) return
    busy.value = 'approve'
    try {
      const res = await render.run(() => approveIssue(issue.id, seenHash))
      refreshMenuBadges()
      ElMessage.success(t('bulletins.actions.approved'))
      onChanged(res)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = ''
    }
  }

  /** 送审: hands the draft to the approvers (they are notified). */
  async function submit(issue: Issue): Promise<void> {
    const ok = await confirm(
      t('bulletins.actions.submitConfirm', { label: issueLabel(issue) }),
      t('bulletins.actions.submit'),
      t('bulletins.actions.submit'),
    )
    if (!ok) return
    busy.value = 'submit'
    try {
      const res = await submitIssue(issue.id)
      refreshMenuBadges()
      ElMessage.success(t('bulletins.actions.submitted'))
      onChanged(res)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = ''
    }
  }

  /** 退回修改: asks for the comment the editor will see, and sends the issue back to draft. */
  async function returnToEditor(issue: Issue): Promise<void> {
    let comment = ''
    try {
      const res = await ElMessageBox.prompt(t('bulletins.actions.returnPrompt'), t('bulletins.actions.return'), {
        confirmButtonText: t('bulletins.actions.return'),
        cancelButtonText: t('common.cancel'),
        inputType: 'textarea',
        inputPlaceholder: t('bulletins.actions.returnPlaceholder'),
        inputValidator: (v: string) => (v && v.trim() ? true : t('bulletins.actions.returnRequired')),
        customClass: 'bulletin-return',
      })
      comment = (res as { value: string }).value.trim()
    } catch {
      return
    }
    busy.value = 'return'
    try {
      const res = await returnIssue(issue.id, comment)
      refreshMenuBadges()
      ElMessage.success(t('bulletins.actions.returned'))
      onChanged(res)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = ''
    }
  }

  /** Deletes a draft made by mistake; its number goes back to the pool. Returns whether it did. */
  async function discard(issue: Issue): Promise<boolean> {
    const ok = await confirm(
      t('bulletins.actions.discardConfirm', { label: issueLabel(issue) }),
      t('bulletins.actions.discard'),
      t('bulletins.actions.discard'),
    )
    if (!ok) return false
    busy.value = 'discard'
    try {
      await discardIssue(issue.id)
      ElMessage.success(t('bulletins.actions.discarded'))
      return true
    } catch (e) {
      ElMessage.error(errorMessage(e))
      return false
    } finally {
      busy.value = ''
    }
  }

  async function publish(issue: Issue): Promise<void> {
    const ok = await confirm(
      t('bulletins.actions.publishConfirm', { label: issueLabel(issue) }),
      t('bulletins.actions.publish'),
      t('bulletins.actions.publish'),
    )
    if (!ok) return
    busy.value = 'publish'
    try {
      const res = await render.run(() => publishIssue(issue.id))
      ElMessage.success(t('bulletins.actions.published'))
      onChanged(res)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = ''
    }
  }

  /** Asks for a reason and sends an approved issue back to draft (e.g. it cannot be published). */
  async function reopen(issue: Issue): Promise<void> {
    let reason = ''
    try {
      const res = await ElMessageBox.prompt(t('bulletins.actions.reopenPrompt'), t('bulletins.actions.reopen'), {
        confirmButtonText: t('bulletins.actions.reopen'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('bulletins.actions.reopenPlaceholder'),
        inputValidator: (v: string) => (v && v.trim() ? true : t('bulletins.actions.reopenRequired')),
        customClass: 'bulletin-reopen',
      })
      reason = (res as { value: string }).value.trim()
    } catch {
      return
    }
    busy.value = 'reopen'
    try {
      const res = await reopenIssue(issue.id, reason)
      ElMessage.success(t('bulletins.actions.reopened'))
      onChanged(res)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = ''
    }
  }

  /** Asks for the required 更正 note, creates the revision and opens it in the composer. */
  async function correct(issue: Issue): Promise<void> {
    let note = ''
    try {
      const res = await ElMessageBox.prompt(t('bulletins.actions.correctPrompt'), t('bulletins.actions.correct'), {
        confirmButtonText: t('bulletins.actions.correctStart'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('bulletins.actions.correctPlaceholder'),
        inputValidator: (v: string) => (v && v.trim() ? true : t('bulletins.actions.correctRequired')),
        customClass: 'bulletin-correct',
      })
      note = (res as { value: string }).value.trim()
    } catch {
      return
    }
    busy.value = 'correct'
    try {
      const rev = await correctIssue(issue.id, note)
      ElMessage.success(t('bulletins.actions.corrected'))
      await router.push({ name: 'bulletin-composer', params: { id: rev.id } })
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = ''
    }
  }

  return { busy, render, actionsFor, submit, returnToEditor, discard, approve, publish, reopen, correct }
}
