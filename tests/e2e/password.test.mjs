// A user sets their e-mail address, changes their password and signs in with the new one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, resetBrowser, shot, signIn, submitLogin, uniqueLogin } from './lib.mjs'

describe('password change', () => {
  let b
  const login = uniqueLogin('e2e-pw')
  const first = 'First@pass1'
  const second = 'Second@pass2'

  before(async () => {
    // An admin prepares a fresh user so the demo accounts keep their passwords.
    const { api, headers } = await apiAs('hubei-admin')
    const res = await api.post('/api/v1/users', {
      headers,
      data: { login, password: first, org: 'hubei', roles: ['reporter'], name: '改密测试' },
    })
    assert.equal(res.status(), 201, await res.text())
    await api.dispose()
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('sets the e-mail address bulletins are sent to; a bad one is refused next to the field', async () => {
    const { context, page } = b
    await signIn(context, page, login, first)
    await page.getByTestId('menu-account').click()
    const form = page.getByTestId('email-form')
    await form.getByTestId('my-email').fill('not an address')
    await form.getByTestId('save-email').click()
    await form.locator('.el-form-item__error').getByText('电子邮箱地址格式不正确').waitFor()
    await form.getByTestId('my-email').fill('pw.test@jianbao.test')
    await form.getByTestId('save-email').click()
    await page.locator('.el-message--success').getByText('电子邮箱已保存').waitFor()
    const { api } = await apiAs(login, first)
    const me = await (await api.get('/api/v1/me')).json()
    assert.equal(me.user.email, 'pw.test@jianbao.test')
    await api.dispose()
  })

  it('rejects a wrong current password next to the field', async () => {
    const { context, page } = b
    await signIn(context, page, login, first)
    await page.getByTestId('menu-account').click()
    await page.getByTestId('old-password').fill('wrong-password')
    await page.getByTestId('new-password').fill(second)
    await page.getByTestId('confirm-password').fill(second)
    await page.getByTestId('change-password').click()
    const form = page.getByTestId('password-form')
    await form.locator('.el-form-item__error, [data-test="error"]').first().waitFor()
    await shot(page, 'account-wrong-old-password')
  })

  it('changes the password; only the new one signs in', async () => {
    const { context, page } = b
    await signIn(context, page, login, first)
    await page.getByTestId('menu-account').click()
    await page.getByTestId('old-password').fill(first)
    await page.getByTestId('new-password').fill(second)
    await page.getByTestId('confirm-password').fill(second)
    await page.getByTestId('change-password').click()
    await page.locator('.el-message--success').waitFor()
    await shot(page, 'account-password-changed')
    await page.getByTestId('sign-out').click()
    await page.waitForURL(/\/login/)

    await resetBrowser(context, page)
    await submitLogin(page, login, first)
    await page.getByTestId('login-error').waitFor()

    await resetBrowser(context, page)
    await submitLogin(page, login, second)
    await page.getByTestId('side-menu').waitFor()
    assert.match(await page.getByTestId('greeting').innerText(), /改密测试/)
  })
})
