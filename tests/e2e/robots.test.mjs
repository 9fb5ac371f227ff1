// 群机器人: Hubei's admin adds a 钉钉 robot with a signing secret (shown masked afterwards), sees a
// bad URL refused beside its field, sends a test and finds the delivery in the list — it cannot be
// delivered (the demo server blocks private addresses and has no outbound network), so it shows
// its error. The page also reads in English.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, shot, signIn } from './lib.mjs'

const RUN = Date.now() % 100000

describe('group robots', () => {
  let b

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('configures a robot and shows its deliveries', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.getByTestId('menu-robots').click()
    await page.getByTestId('robot-create').click()
    const dialog = page.getByTestId('robot-dialog')
    await dialog.getByTestId('robot-name').fill(`湖北协会群${RUN}`)
    await dialog.getByTestId('robot-kind').getByText('钉钉').click()
    await dialog.getByTestId('robot-url').fill('ftp://127.0.0.1/robot')
    await dialog.getByTestId('robot-secret').fill('SECe2e0123456789abcdef')
    await dialog.getByTestId('robot-save').click()
    await dialog.getByText('Webhook 地址应以 http:// 或 https:// 开头').waitFor()
    await dialog.getByTestId('robot-url').fill('http://127.0.0.1:9/robot/send?access_token=e2e')
    await dialog.getByTestId('robot-save').click()
    const table = page.getByTestId('robot-table')
    await table.getByText(`湖北协会群${RUN}`).waitFor()
    await table.getByText('SECe…cdef').waitFor()
    assert.equal(await page.getByText('SECe2e0123456789abcdef').count(), 0)
    const row = table.locator('.el-table__body tr', { hasText: `湖北协会群${RUN}` })
    await row.locator('[data-test^="robot-test-"]').click()
    const deliveries = page.getByTestId('delivery-table')
    await deliveries.getByText(`湖北协会群${RUN}`).first().waitFor()
    await shot(page, 'robots')
    await page.getByTestId('locale-switch').click()
    await page.getByRole('heading', { name: 'Group robots' }).waitFor()
    await page.getByTestId('locale-switch').click()
  })

  it('is not offered to editors', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    assert.equal(await page.getByTestId('menu-robots').count(), 0)
  })
})
