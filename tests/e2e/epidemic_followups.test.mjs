// 疫情动态 follow-ups (跟进): the validation page groups findings by day and rule, keeps the
// explained ones collapsed with the note that explains them and counts what needs action;
// the desk marks a finding, assigns and comments, closes it, and finds it on the follow-up
// list (filters, empty state), where it is reopened.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, shot, signIn } from './lib.mjs'

// Shanghai far from the demo data: on 2022-08-05 cumulative deaths and cured both jump by
// 400 (two daily_jump findings); a source note explains the cured one.
const JUMPS = ['date,region,cum_deaths,cum_cured']
  .concat([1, 2, 3, 4, 5].map((d) => `2022-08-0${d},310000,${d < 5 ? 10 + d : 414},${d < 5 ? 20 + d : 424}`))
  .join('\n')
const DAY = '2022-08-05'

describe('epidemic follow-ups', () => {
  let b

  before(async () => {
    b = await launch()
    const { api, headers } = await apiAs('editor')
    let res = await api.post('/api/v1/epidemic/import', { headers, data: { content: JUMPS + '\n', source: 'e2e' } })
    assert.equal(res.status(), 200, await res.text())
    res = await api.post('/api/v1/epidemic/notes', {
      headers,
      data: {
        regions: ['310000'],
        fields: ['cum_cured'],
        rule: 'daily_jump',
        from: DAY,
        to: DAY,
        reason: '上海当日集中补报出院病例',
        reference: 'e2e',
      },
    })
    assert.equal(res.status(), 201, await res.text())
    await api.dispose()
  })
  after(async () => {
    await b?.close()
  })

  it('groups the day by rule, collapses the explained finding and counts the rest', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.goto(`/epidemic/validation?from=${DAY}&to=${DAY}`)
    const group = page.locator(`[data-test="finding-group"][data-date="${DAY}"][data-rule="daily_jump"]`)
    await group.waitFor()
    assert.equal(await group.getAttribute('data-needs'), '1')
    assert.equal(await page.getByTestId('needs-action').getAttribute('data-count'), '1')
    // The explained finding is collapsed until asked for.
    assert.equal(await group.getByTestId('group-explained').count(), 0)
    await group.getByTestId('group-toggle-explained').click()
    const why = group.getByTestId('explained-by')
    await why.waitFor()
    assert.match(await why.innerText(), /来源说明 #\d+：上海当日集中补报出院病例/)
    await shot(page, 'epidemic-validation-groups')
  })

  it('marks the finding, assigns it, comments and closes it', async () => {
    const { page } = b
    await page.getByTestId('followup-mark-310000-cum_deaths').click()
    const dialog = page.getByTestId('followup-dialog')
    await dialog.getByTestId('followup-finding').waitFor()
    await dialog.getByTestId('followup-assignee-select').click()
    await page.locator('.el-select-dropdown__item').getByText('陈静').click()
    await dialog.getByTestId('followup-text').fill('核对上海卫健委 8 月 5 日通报')
    await dialog.getByTestId('followup-mark').click()
    await dialog.locator('[data-test="followup-state"][data-state="open"]').waitFor()
    assert.match(await dialog.getByTestId('followup-assignee').innerText(), /陈静/)
    await dialog.getByTestId('followup-text').fill('通报确认：当日补报死亡 400 例')
    await dialog.getByTestId('followup-comment').click()
    await dialog.getByTestId('followup-event-text').nth(1).waitFor()
    await shot(page, 'epidemic-followup-dialog')
    await dialog.getByTestId('followup-text').fill('属实，来源补报；不是数据错误')
    await dialog.getByTestId('followup-close').click()
    await dialog.locator('[data-test="followup-state"][data-state="closed"]').waitFor()
    await page.keyboard.press('Escape')
    // Closed: nothing needs action any more, and the row says so.
    await page.locator('[data-test="needs-action"][data-count="0"]').waitFor()
    await page.locator('[data-test="followup-open-310000-cum_deaths"][data-state="closed"]').waitFor()
    await shot(page, 'epidemic-validation-closed')
  })

  it('lists follow-ups with filters and an empty state, and reopens one', async () => {
    const { page } = b
    await page.getByTestId('epidemic-nav-followups').click()
    // Open ones by default: none.
    await page.getByTestId('followups-empty').waitFor()
    await shot(page, 'epidemic-followups-empty')
    await page.getByTestId('followups-status').getByText('已关闭').click()
    const row = page.locator('[data-test^="followup-row-"][data-state="closed"]')
    await row.waitFor()
    assert.equal(await page.getByTestId('followup-date').first().innerText(), DAY)
    await shot(page, 'epidemic-followups-closed')
    await row.click()
    const dialog = page.getByTestId('followup-dialog')
    await dialog.locator('[data-test="followup-state"][data-state="closed"]').waitFor()
    const history = await dialog.getByTestId('followup-history').innerText()
    assert.match(history, /陈静/)
    assert.match(history, /属实，来源补报/)
    await dialog.getByTestId('followup-reopen').click()
    await dialog.locator('[data-test="followup-state"][data-state="open"]').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('followups-status').getByText('跟进中').click()
    await page.locator('[data-test^="followup-row-"][data-state="open"]').waitFor()
    await shot(page, 'epidemic-followups-open')
  })
})
