// Administration: the organisation tree, creating a user, and the audit entry it leaves.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, shot, signIn, uniqueLogin } from './lib.mjs'

describe('administration', () => {
  let b
  const login = uniqueLogin('e2e-user')
  const name = '端到端测试员'

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('shows the organisation tree', async () => {
    const { context, page } = b
    await signIn(context, page, 'admin')
    await page.getByTestId('menu-orgs').click()
    const tree = page.getByTestId('org-tree')
    await tree.waitFor()
    await tree.getByText('湖北省通信行业协会').waitFor()
    await shot(page, 'orgs-tree')
  })

  it('shows an empty state when no user matches', async () => {
    const { page } = b
    await page.getByTestId('menu-users').click()
    await page.getByTestId('user-table').locator('.el-table__row').first().waitFor()
    await page.getByTestId('filter-q').fill('no-such-user-zzz')
    await page.getByTestId('filter-search').click()
    await page.getByTestId('user-table').getByText('没有符合条件的用户').waitFor()
    await shot(page, 'users-empty')
    await page.getByTestId('filter-reset').click()
    await page.getByTestId('user-table').locator('.el-table__row').first().waitFor()
  })

  it('creates a user who then appears in the list', async () => {
    const { page } = b
    await shot(page, 'users-list')
    await page.getByTestId('user-create').click()
    const dialog = page.getByTestId('user-create-dialog')
    await dialog.getByTestId('new-user-login').fill(login)
    await dialog.getByTestId('new-user-name').fill(name)
    await dialog.getByTestId('new-user-password').fill('Create@pass1')
    await dialog.getByTestId('role-reporter').click()
    await shot(page, 'users-create-dialog')
    await dialog.getByTestId('new-user-save').click()
    await page.locator('.el-message--success').waitFor()

    await page.getByTestId('filter-q').fill(login)
    await page.getByTestId('filter-search').click()
    const row = page.getByTestId('user-table').locator('.el-table__row', { hasText: login })
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(name))
    assert.match(await row.innerText(), /报送员/)
    await shot(page, 'users-created')
  })

  it('shows the creation in the audit log with the new values', async () => {
    const { page } = b
    await page.getByTestId('menu-audit').click()
    await page.getByTestId('audit-actor').fill('admin')
    await page.getByTestId('audit-search').click()
    const rows = page.getByTestId('audit-table').locator('tr.el-table__row')
    await rows.first().waitFor()
    const count = Math.min(await rows.count(), 10)
    let found = false
    for (let i = 0; i < count && !found; i++) {
      await rows.nth(i).locator('.el-table__expand-icon').click()
      const diff = page.getByTestId('json-diff').last()
      await diff.waitFor()
      found = (await diff.innerText()).includes(login)
      if (!found) await rows.nth(i).locator('.el-table__expand-icon').click()
    }
    assert.ok(found, `an audit entry shows ${login}`)
    await shot(page, 'audit-user-created')
  })
})
