// The government recipients allow-list (issue 11, point 6): an association's admin sees which
// government bodies the association's bulletins may be sent to, allows one more and removes it
// again; the national admin can switch to a provincial association; the list is what the API
// stores; the page works in English too.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, menuItems, shot, signIn } from './lib.mjs'

/** The allowed codes of `association` as the API reports them. */
async function allowedOf(association) {
  const { api } = await apiAs('admin')
  const res = await api.get(`/api/v1/bulletins/government-recipients?association=${association}`)
  assert.equal(res.status(), 200, await res.text())
  const body = await res.json()
  await api.dispose()
  return body.allowed.map((o) => o.code).sort()
}

/** Moves `code` across the transfer: from the left panel (allow) or the right one (remove). */
async function move(page, code, side) {
  const transfer = page.getByTestId('gov-transfer')
  const panel = transfer.locator('.el-transfer-panel').nth(side === 'allow' ? 0 : 1)
  await panel.getByTestId(`gov-org-${code}`).click()
  await transfer.locator('.el-transfer__buttons button').nth(side === 'allow' ? 1 : 0).click()
}

describe('government recipients', () => {
  let b
  let before_ = []

  before(async () => {
    b = await launch()
    before_ = await allowedOf('hubei')
  })
  after(async () => {
    await b?.close()
  })

  it('a provincial admin allows a government body and removes it again', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    assert.ok((await menuItems(page)).includes('government-recipients'))
    await page.getByTestId('menu-government-recipients').click()
    await page.getByTestId('gov-transfer').waitFor()
    await page.getByTestId('gov-association').getByText('湖北省通信行业协会').waitFor()
    await shot(page, 'government-recipients')

    const candidate = ['miit', 'hubei-ca'].find((c) => !before_.includes(c))
    assert.ok(candidate, `expected a government body hubei does not allow yet (allowed: ${before_})`)
    await move(page, candidate, 'allow')
    await page.getByTestId('gov-save').click()
    await page.locator('.el-message--success').first().waitFor()
    assert.deepEqual(await allowedOf('hubei'), [...before_, candidate].sort())

    await page.reload()
    await page.getByTestId('gov-transfer').locator('.el-transfer-panel').nth(1).getByTestId(`gov-org-${candidate}`).waitFor()
    await move(page, candidate, 'remove')
    await page.getByTestId('gov-save').click()
    await page.locator('.el-message--success').first().waitFor()
    assert.deepEqual(await allowedOf('hubei'), before_)
  })

  it('the national admin switches associations, in English', async () => {
    const { context, page } = b
    await signIn(context, page, 'admin')
    await page.getByTestId('locale-switch').click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goto('/bulletins/government-recipients')
    await page.getByTestId('gov-transfer').waitFor()
    await page.getByText('Allowed recipients').first().waitFor()
    await page.getByTestId('gov-association').click()
    await page.getByTestId('gov-association-hubei').click()
    await page.waitForURL(/association=hubei/)
    await page.getByTestId('gov-transfer').waitFor()
    await shot(page, 'government-recipients-en')
  })

  it('is not offered to editors', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    assert.ok(!(await menuItems(page)).includes('government-recipients'))
    await page.goto('/bulletins/government-recipients')
    await page.waitForURL((u) => u.pathname === '/')
  })
})
