// Administration: the organisation tree, creating a user, and the audit entry it leaves.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, shot, signIn, uniqueLogin } from './lib.mjs'

/** Waits until the audit table has rows and every row's action reads `label`. */
async function everyActionReads(page, label) {
  await page.waitForFunction((label) => {
    const cells = [...document.querySelectorAll('[data-test="audit-row-action"]')]
    return cells.length > 0 && cells.every((e) => e.textContent.trim() === label)
  }, label)
}

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

  it('creates a child organisation and renames it', async () => {
    const { page } = b
    const code = uniqueLogin('e2e-org')
    await page.getByTestId('org-hubei').getByTestId('org-add-child').click()
    const dialog = page.getByTestId('org-dialog')
    await dialog.getByTestId('org-code').fill(code)
    await dialog.getByTestId('org-name').fill('武汉端到端测试有限公司')
    await dialog.getByTestId('org-short-name').fill('端测公司')
    await dialog.getByTestId('org-save').click()
    const node = page.getByTestId(`org-${code}`)
    await node.waitFor()
    assert.match(await node.innerText(), /武汉端到端测试有限公司/)
    assert.match(await node.innerText(), /会员单位/)
    await node.getByTestId('org-edit').click()
    await dialog.getByTestId('org-name').fill('武汉端到端测试股份有限公司')
    // A contact e-mail for documents to an organisation without accounts; a bad one is refused.
    await dialog.getByTestId('org-email').fill('not-an-address')
    await dialog.getByTestId('org-save').click()
    await dialog.getByText('电子邮箱地址格式不正确').waitFor()
    await dialog.getByTestId('org-email').fill('office@e2e.test')
    await shot(page, 'orgs-edit-email')
    await dialog.getByTestId('org-save').click()
    await node.getByText('武汉端到端测试股份有限公司').waitFor()
    await node.getByTestId('org-email-shown').getByText('office@e2e.test').waitFor()
    await shot(page, 'orgs-child-created')
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

  it('disables the new user', async () => {
    const { page } = b
    await page.getByTestId(`edit-${login}`).click()
    const dialog = page.getByTestId('user-edit-dialog')
    await dialog.getByTestId('edit-user-disabled').click()
    await shot(page, 'users-edit-dialog')
    await dialog.getByTestId('edit-user-save').click()
    const row = page.getByTestId('user-table').locator('.el-table__row', { hasText: login })
    await row.getByText('已停用').waitFor()
  })

  it('resets the new user\'s password', async () => {
    const { page } = b
    await page.getByTestId(`reset-${login}`).click()
    const dialog = page.getByTestId('user-reset-dialog')
    await dialog.getByTestId('reset-password').fill('short')
    await dialog.getByTestId('reset-save').click()
    await dialog.getByText('密码至少 10 个字符').waitFor()
    await dialog.getByTestId('reset-password').fill('Reset@pass1')
    await dialog.getByTestId('reset-save').click()
    await page.locator('.el-message--success', { hasText: '已重置' }).waitFor()
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

  it('labels audit actions and entities, and filters by a chosen or typed action', async () => {
    const { page } = b
    const table = page.getByTestId('audit-table')
    const actions = table.getByTestId('audit-row-action')
    // Every module's actions in the demo log have labels: no raw "module.verb" codes.
    await page.getByTestId('audit-reset').click()
    await actions.first().waitFor()
    const raw = (await actions.allInnerTexts()).filter((a) => /^[a-z_]+\.[a-z_]+$/.test(a))
    assert.deepEqual(raw, [])
    // The admin's own sign-in, by label, with the raw code kept as the tooltip.
    await page.getByTestId('audit-reset').click()
    const signIn = actions.filter({ hasText: /^登录$/ }).first()
    await signIn.waitFor()
    assert.equal(await signIn.getAttribute('title'), 'session.create')
    assert.ok((await table.getByTestId('audit-row-entity').allInnerTexts()).includes('用户'))

    // Chosen from the list by its label.
    await page.getByTestId('audit-action').click()
    await page.getByTestId('audit-action-user.create').click()
    await page.getByTestId('audit-search').click()
    await page.waitForURL(/action=user\.create/)
    await everyActionReads(page, '新建用户')
    await shot(page, 'audit-filter-label')

    // Typed free text (the server matches actions by substring).
    await page.getByTestId('audit-action').locator('input').fill('password_reset')
    await page.keyboard.press('Enter')
    await page.getByTestId('audit-search').click()
    await page.waitForURL(/action=password_reset/)
    await everyActionReads(page, '重置密码')

    // English labels.
    await page.getByTestId('locale-switch').click()
    await actions.filter({ hasText: 'Reset password' }).first().waitFor()
    await page.getByTestId('locale-switch').click()
    await actions.filter({ hasText: '重置密码' }).first().waitFor()
  })

  it('shows an action no label is known for as its raw text', async () => {
    const { page } = b
    // A later module's entry, served in place of the real page of the log.
    await page.route('**/api/v1/audit?**', (route) =>
      route.fulfill({
        json: {
          items: [
            {
              id: 999999, at: '2026-11-29T01:02:03Z', actor: 'editor', org: 'ccea-sec',
              action: 'later_module.act', entity: 'later_entity', entity_id: '42',
              before: { status: 'draft' }, after: { status: 'reported' }, ip: '127.0.0.1',
            },
          ],
          total: 1, page: 1, page_size: 20,
        },
      }),
    )
    try {
      await page.getByTestId('audit-reset').click()
      const row = page.getByTestId('audit-table').locator('tr.el-table__row')
      await row.getByText('later_module.act').waitFor()
      assert.equal(await row.getByTestId('audit-row-entity').innerText(), 'later_entity')
    } finally {
      await page.unroute('**/api/v1/audit?**')
    }
  })

  it('a provincial admin manages only their own subtree', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.getByTestId('menu-orgs').click()
    await page.getByTestId('org-hubei').waitFor()
    assert.equal(await page.getByTestId('org-hubei').getByTestId('org-add-child').count(), 1)
    assert.equal(await page.getByTestId('org-ccea').getByTestId('org-add-child').count(), 0)
    assert.equal(await page.getByTestId('org-hebei').getByTestId('org-edit').count(), 0)
    await shot(page, 'orgs-hubei-admin')
    await page.getByTestId('menu-users').click()
    const rows = page.getByTestId('user-table').locator('.el-table__row')
    await rows.first().waitFor()
    const text = await page.getByTestId('user-table').innerText()
    assert.match(text, /hubei-reporter/)
    assert.doesNotMatch(text, /\beditor\b/)
    await shot(page, 'users-hubei-admin')
  })
})
