// Sign-in, role menus, wrong password, sign-out and the language switch.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, menuItems, resetBrowser, shot, signIn, submitLogin } from './lib.mjs'

// Each module's rows (src/modules/*/module.ts) sit between the workbench and the
// platform's administration rows, in module order: submissions, bulletins, epidemic,
// complaints, members (with the policy library and training, which everyone signed in
// sees), notify; group robots after the platform's administration rows.
const ADMIN_MENU = ['workbench', 'submissions-stats', 'bulletins', 'archive', 'inbox', 'government-recipients',
  'epidemic', 'resumption-schedules', 'resumption-followups', 'supplies', 'notices', 'members', 'policies', 'training',
  'notifications', 'orgs', 'users', 'audit', 'robots', 'account']
const EDITOR_MENU = ['workbench', 'submissions-review', 'submissions-commissions', 'submissions-stats',
  'bulletins', 'archive', 'inbox', 'epidemic', 'resumption-schedules', 'resumption-followups', 'supplies',
  'notices', 'policies', 'training', 'notifications', 'account']
const APPROVER_MENU = ['workbench', 'bulletins', 'bulletins-pending', 'archive', 'inbox', 'epidemic', 'policies',
  'training', 'notifications', 'account']
const REPORTER_MENU = ['workbench', 'submissions-mine', 'submissions-commissions', 'inbox', 'policies', 'training',
  'notifications', 'account']
const USER_MENU = ['workbench', 'inbox', 'policies', 'training', 'notifications', 'account']
const DESK_MENU = ['workbench', 'inbox', 'complaints', 'complaints-stats', 'policies', 'training', 'notifications',
  'account']
const LIAISON_MENU = ['workbench', 'inbox', 'complaints', 'notices', 'policies', 'training', 'notifications', 'account']
const MEMBER_MENU = ['workbench', 'inbox', 'resumption-report', 'resumption-followups', 'supplies', 'notices',
  'policies', 'training', 'notifications', 'account']

// Demo sign-ins and the menu each must see.
const DEMO = [
  { login: 'admin', org: 'ccea', menu: ADMIN_MENU },
  { login: 'editor', org: 'ccea-sec', menu: EDITOR_MENU },
  { login: 'approver', org: 'ccea-sec', menu: APPROVER_MENU },
  { login: 'hubei-admin', org: 'hubei', menu: ADMIN_MENU },
  { login: 'hubei-reporter', org: 'hubei', menu: REPORTER_MENU },
  { login: 'hubei-desk', org: 'hubei', menu: DESK_MENU },
  { login: 'member', org: null, menu: MEMBER_MENU },
  { login: 'liaison', org: null, menu: LIAISON_MENU },
]

describe('sign-in and navigation', () => {
  let b
  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('shows the sign-in page in Chinese to a signed-out visitor', async () => {
    const { context, page } = b
    await resetBrowser(context, page)
    await page.goto('/users')
    await page.waitForURL(/\/login/)
    assert.equal(await page.getByTestId('login-submit').innerText(), '登录')
    await shot(page, 'login')
  })

  it('shows an error for a wrong password and stays signed out', async () => {
    const { context, page } = b
    await resetBrowser(context, page)
    // By accessible labels, as a screen-reader user would find the fields.
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: '登录' }).click()
    const error = page.getByRole('alert').filter({ hasText: /\S/ })
    await error.waitFor()
    assert.ok((await error.innerText()).trim().length > 0, 'error message is not empty')
    assert.match(page.url(), /\/login/)
    await shot(page, 'login-wrong-password')
  })

  it('asks the server for messages in English once English is chosen', async () => {
    const { context, page } = b
    await resetBrowser(context, page)
    await page.getByTestId('locale-switch').click()
    assert.equal((await page.getByTestId('login-submit').innerText()).trim(), 'Sign in')
    await submitLogin(page, 'no-such-login-en', 'not-the-password')
    const error = page.getByTestId('login-error')
    await error.waitFor()
    assert.doesNotMatch(await error.innerText(), /[\u4e00-\u9fff]/, 'message has no Chinese')
    await shot(page, 'login-wrong-password-en')
  })

  it('tells how long to wait after too many failed sign-ins', async () => {
    const { context, page } = b
    await resetBrowser(context, page)
    const error = page.getByTestId('login-error')
    let status = 0
    for (let i = 0; i < 8 && status !== 429; i++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session'))
      await submitLogin(page, 'e2e-throttled', `wrong-${i}`)
      status = (await answer).status()
    }
    assert.equal(status, 429)
    await page.getByTestId('login-error').getByText(/(秒|分钟)后重试/).waitFor()
    assert.match(await error.innerText(), /请在 \d+ (秒|分钟)后重试/)
    assert.ok(await page.getByTestId('login-submit').isDisabled(), 'submit waits for the countdown')
    await shot(page, 'login-throttled')
  })

  for (const demo of DEMO) {
    it(`${demo.login} sees the menu of their roles`, async () => {
      const { context, page } = b
      await signIn(context, page, demo.login)
      assert.deepEqual(await menuItems(page), demo.menu)
      const orgsItem = page.getByRole('menuitem', { name: '组织机构' })
      assert.equal(await orgsItem.count(), demo.menu.includes('orgs') ? 1 : 0)
      await page.getByTestId('who-am-i').waitFor()
      assert.ok((await page.getByTestId('who-org').innerText()).trim().length > 0)
      await shot(page, `workbench-${demo.login}`)
      if (!demo.menu.includes('users')) {
        // Typing an admin address by hand leads back to the workbench.
        await page.goto('/users')
        await page.getByTestId('who-am-i').waitFor()
        assert.doesNotMatch(page.url(), /\/users/)
      }
    })
  }

  it('signs out and then needs to sign in again', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('sign-out').click()
    await page.waitForURL(/\/login/)
    await page.goto('/account')
    await page.waitForURL(/\/login/)
    await page.getByTestId('login-form').waitFor()
  })

  it('switches to English, remembers it, and switches back', async () => {
    const { context, page } = b
    await signIn(context, page, 'admin')
    const workbench = page.getByTestId('menu-workbench')
    assert.equal((await workbench.innerText()).trim(), '工作台')
    await page.getByTestId('locale-switch').click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    assert.equal((await workbench.innerText()).trim(), 'Workbench')
    assert.equal((await page.getByTestId('menu-users').innerText()).trim(), 'Users')
    await page.reload()
    await page.getByTestId('side-menu').waitFor()
    assert.equal((await page.getByTestId('menu-workbench').innerText()).trim(), 'Workbench')
    await page.goto('/users')
    await page.getByTestId('user-table').waitFor()
    await shot(page, 'users-english')
    await page.getByTestId('locale-switch').click()
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    assert.equal((await page.getByTestId('menu-workbench').innerText()).trim(), '工作台')
  })

  it('shows notifications in the reader\'s language as the server renders them', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('locale-switch').click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goto('/notifications')
    await page.getByTestId('notify-list').getByText(/^(New piece submitted|Piece resubmitted after revision)/).first().waitFor()
    await page.getByTestId('locale-switch').click()
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await page.getByTestId('notify-list').getByText('收到新的报送稿件').first().waitFor()
  })
})
