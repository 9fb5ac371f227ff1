// 通知: the Hubei association writes a notice, picks two recipient units, sends it; the
// member unit finds it in its list, opens it (read) and acknowledges it (签收); the
// association sees the receipts per unit (楚天 acknowledged, 湖北移动 not yet), sends a 催办
// to the units that have not acknowledged (a second one is not offered within the hour), and
// the .xlsx download is linked. The bulletin issue page shows the same per-unit receipts.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, shot, signIn } from './lib.mjs'

const TITLE = `关于做好复工复产防护工作的通知${Date.now() % 100000}`

describe('notices', () => {
  let b
  let noticeUrl

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('lets the association write and send a notice', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.getByTestId('menu-notices').click()
    await page.getByTestId('notice-table').getByText('致全省通信行业会员单位的慰问信').waitFor()
    await page.getByTestId('notice-create').click()
    await page.getByTestId('notice-title').fill(TITLE)
    await page.getByTestId('notice-body').fill('各会员单位：\n\n请**做好**返岗人员防护。\n')
    await page.getByTestId('notice-recipients').click()
    for (const name of ['武汉楚天通信工程有限公司', '中国移动通信集团湖北有限公司']) {
      await page.locator('.el-select-dropdown__item:visible', { hasText: name }).click()
    }
    await page.getByTestId('notice-title').click() // close the dropdown
    await page.getByTestId('notice-send').click()
    await page.locator('.el-message-box').getByRole('button', { name: /OK|确定/ }).click()
    await page.getByTestId('notice-heading').getByText(TITLE).waitFor()
    noticeUrl = new URL(page.url()).pathname
    await page.getByTestId('unit-state-hubei-ctc').getByText('未阅').waitFor()
  })

  it('lets the member unit read and acknowledge it', async () => {
    const { context, page } = b
    await signIn(context, page, 'member')
    await page.getByTestId('menu-notices').click()
    await page.getByTestId('notice-table').getByText(TITLE).click()
    await page.getByTestId('notice-body-html').locator('strong').getByText('做好').waitFor()
    await page.getByTestId('notice-acknowledge').click()
    await page.getByTestId('notice-my-receipt').getByText('已签收').waitFor()
    await shot(page, 'notice-member')
  })

  it('shows receipts per unit and sends a 催办', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.goto(noticeUrl)
    await page.getByTestId('unit-state-hubei-ctc').getByText('已签收').waitFor()
    await page.getByTestId('unit-state-hubei-cmcc').getByText('未阅').waitFor()
    const href = await page.getByTestId('receipts-xlsx').getAttribute('href')
    assert.match(href, /\/api\/v1\/notices\/\d+\/receipts\.xlsx$/)
    await page.getByTestId('remind-all').click()
    await page.getByText('已催办 1 个单位').waitFor()
    // Reminded within the hour: its button is disabled, and 催办 for all is no longer offered.
    await page.locator('[data-test="remind-hubei-cmcc"][disabled]').waitFor()
    assert.equal(await page.getByTestId('remind-all').count(), 0)
    await shot(page, 'notice-receipts')
  })

  it('shows the receipts of a bulletin issue per unit, the ministry as an external row', async () => {
    const { context, page } = b
    const ed = await apiAs('editor')
    const ap = await apiAs('approver')
    let r = await ed.api.post('/api/v1/bulletins/issues', { headers: ed.headers, data: { series: 'ccea-epidemic', date: '2020-04-03' } })
    const issue = await r.json()
    r = await ed.api.put(`/api/v1/bulletins/issues/${issue.id}`, {
      headers: ed.headers,
      data: { date: '2020-04-03', sections: [{ kind: 'text', title: '编者按', body: '正文。' }],
        distribution: [{ label: '报', to: ['miit'] }, { label: '发', to: ['hubei-ctc'] }] },
    })
    assert.equal(r.status(), 200)
    for (const [c, action] of [[ed, 'submit'], [ap, 'approve'], [ed, 'publish']]) {
      assert.equal((await c.api.post(`/api/v1/bulletins/issues/${issue.id}/${action}`, { headers: c.headers })).status(), 200)
    }
    await signIn(context, page, 'editor')
    await page.goto(`/bulletins/issues/${issue.id}`)
    await page.getByTestId('unit-state-miit').getByText('平台外').waitFor()
    await page.getByTestId('unit-state-hubei-ctc').getByText('未阅').waitFor()
    await page.getByTestId('remind-hubei-ctc').click()
    await page.getByText('已催办 1 个单位').waitFor()
    const sheet = await page.getByTestId('receipts-sheet').getAttribute('href')
    assert.match(sheet, /\/distribution-sheet$/)
  })
})
