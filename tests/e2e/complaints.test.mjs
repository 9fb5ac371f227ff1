// 申诉受理 end to end: a consumer files a complaint on the public page (the browser solves
// the proof of work), the Hubei desk accepts it and forwards it to China Mobile, the
// liaison replies, the desk verifies and closes it, and the consumer sees it closed.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, resetBrowser, shot, signIn } from './lib.mjs'

const PHONE = '13712345678'
const DESCRIPTION = '居家隔离期间宽带套餐被重复扣费，要求退还。'

/** Picks `label` in the Element Plus select marked `test`. */
async function choose(page, test, label) {
  await page.getByTestId(test).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

/** Opens action `name` on the case page, fills `fill`, confirms and waits for `state`. */
async function act(page, name, state, fill) {
  await page.getByTestId(`action-${name}`).click()
  const dialog = page.getByTestId('action-dialog')
  await dialog.waitFor()
  if (fill) await fill(dialog)
  await page.getByTestId('action-confirm').click()
  await page.getByTestId('case-state').getByText(state).waitFor()
}

describe('complaint desk', () => {
  let b
  let number
  let caseUrl

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('a consumer files a complaint from the sign-in page', async () => {
    const { context, page } = b
    await resetBrowser(context, page)
    await page.getByTestId('login-complaint-link').click()
    await page.getByTestId('public-form').waitFor()
    await choose(page, 'public-operator', '中国移动')
    await choose(page, 'public-category', '资费计费')
    await page.getByTestId('public-name').fill('王小明')
    await page.getByTestId('public-phone').fill(PHONE)
    await page.getByTestId('public-description').fill(DESCRIPTION)
    const day = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    const date = page.locator('[data-test="public-contacted"] input, input[data-test="public-contacted"]').first()
    await date.fill(day)
    await date.press('Enter')
    await page.getByTestId('public-answer').fill('客服称按标准计费，不予退费。')
    await shot(page, 'complaints-public-form')
    await page.getByTestId('public-submit').click()
    await page.getByTestId('public-filed').waitFor({ timeout: 120_000 })
    number = (await page.getByTestId('public-number').innerText()).trim()
    assert.match(number, /^TS\d{14}$/)
  })

  it('the desk accepts and forwards it, seeing the phone in full', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-desk')
    await page.getByTestId('menu-complaints').click()
    await page.getByTestId('complaints-table').waitFor()
    await shot(page, 'complaints-queue')
    await page.getByTestId('filter-q').fill(number)
    await page.getByTestId('filter-q').press('Enter')
    await page.getByTestId('case-link').getByText(number).click()
    await page.getByTestId('case-number').getByText(number).waitFor()
    caseUrl = page.url()
    assert.equal((await page.getByTestId('case-phone').innerText()).trim(), PHONE)
    await act(page, 'accept', '已受理')
    await act(page, 'forward', '已转运营商')
    await shot(page, 'complaints-case-desk')
  })

  it('the China Mobile liaison replies, seeing the phone masked', async () => {
    const { context, page } = b
    await signIn(context, page, 'liaison')
    await page.goto(caseUrl)
    await page.getByTestId('case-number').getByText(number).waitFor()
    assert.equal((await page.getByTestId('case-phone').innerText()).trim(), '137****5678')
    await act(page, 'reply', '运营商已答复', async (dialog) => {
      await dialog.getByTestId('action-text').fill('经核查确属重复扣费，已退还费用。')
      await dialog.getByTestId('action-reply-outcome').fill('已退费')
    })
  })

  it('the desk verifies and closes it', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-desk')
    await page.goto(caseUrl)
    await page.getByTestId('case-reply').waitFor()
    await act(page, 'verify', '已回访核实')
    await act(page, 'close', '已办结', async (dialog) => {
      await dialog.getByTestId('action-outcome').fill('运营商已退还重复扣费，用户表示满意。')
    })
    await shot(page, 'complaints-case-closed')
  })

  it('the consumer checks the status with the number and phone', async () => {
    const { context, page } = b
    await resetBrowser(context, page)
    await page.goto('/complaint')
    await page.getByRole('tab', { name: '查询办理进度' }).click()
    await page.getByTestId('lookup-number').fill(number)
    await page.getByTestId('lookup-phone').fill(PHONE)
    await page.getByTestId('lookup-submit').click()
    await page.getByTestId('public-status-state').getByText('已办结').waitFor()
    assert.match(await page.getByTestId('public-status-outcome').innerText(), /已退还重复扣费/)
    const text = await page.getByTestId('public-status').innerText()
    assert.ok(!text.includes(PHONE), 'the public status shows the phone masked')
    await shot(page, 'complaints-public-status')
  })

  it('the statistics page draws its charts', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-desk')
    await page.getByTestId('menu-complaints-stats').click()
    await page.getByTestId('complaints-stats-numbers').waitFor()
    assert.ok(Number(await page.getByTestId('stat-received').innerText()) > 0)
    await page.locator('canvas').first().waitFor()
    await shot(page, 'complaints-stats')
  })

  it('the national admin reads the 2020 holiday calendar', async () => {
    const { context, page } = b
    await signIn(context, page, 'admin')
    await page.goto('/complaints/calendar')
    await choose(page, 'calendar-year', '2020')
    await page.getByTestId('calendar-table').getByText('春节（延长至2月2日）').first().waitFor()
    await shot(page, 'complaints-calendar')
  })

  it('the editor adds the complaint-desk section to an issue', async () => {
    const { context, page } = b
    const editor = await apiAs('editor')
    const res = await editor.api.post('/api/v1/bulletins/issues', {
      headers: editor.headers,
      data: { series: 'ccea-epidemic', date: '2020-03-19' },
    })
    assert.equal(res.status(), 201)
    const issue = await res.json()
    await signIn(context, page, 'editor')
    await page.goto(`/bulletins/issues/${issue.id}/edit`)
    const composer = page.getByTestId('composer')
    await composer.waitFor()
    await composer.getByRole('tab', { name: '申诉受理情况' }).click()
    await composer.getByTestId('complaints-source-add').click()
    await composer.getByTestId('section-0').waitFor()
    assert.match(await composer.getByTestId('section-0').getByTestId('section-title').inputValue(),
      /湖北省电信用户申诉受理情况/)
    assert.equal(await composer.getByTestId('section-0').getAttribute('data-kind'), 'summary')
    await shot(page, 'complaints-bulletin-section')
    await composer.getByTestId('composer-save').click()
    await page.locator('.el-message--success').first().waitFor()
    const saved = await (await editor.api.get(`/api/v1/bulletins/issues/${issue.id}`)).json()
    const section = saved.sections[0]
    assert.equal(section.source, 'complaints:420000')
    assert.match(section.body, /^截止目前，共受理用户咨询及申诉\d+件，其中转运营商协调处理的申诉\d+件。/)
  })
})
