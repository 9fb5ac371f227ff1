// Keyboard only: a reporter signs in, writes a piece and submits it (送审), and a member
// acknowledges (签收) an issue in the inbox, with Tab, Shift+Tab, Enter, Space and the arrow
// keys alone — no click, no fill. Data the member needs (a published issue) is prepared through
// the API. Like every browser test, axe checks each screen on the way.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_PASSWORD, apiAs, launch, resetBrowser } from './lib.mjs'

const STAMP = Date.now().toString(36)
const TITLE = `键盘写稿 ${STAMP}`

/**
 * Presses Tab (up to `max` times) until the focused element is `locator`'s element or inside
 * it; fails if focus never gets there (an element keyboard users cannot reach).
 */
async function tabTo(page, locator, max = 80) {
  const handle = await locator.elementHandle()
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await handle.evaluate((el) => el.contains(document.activeElement))) return
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))
  assert.fail(`Tab never reached ${locator}; focus is on ${at}`)
}

/** The data-test of the focused element or its nearest marked ancestor. */
async function focused(page) {
  return page.evaluate(() => document.activeElement?.closest('[data-test]')?.getAttribute('data-test') ?? '')
}

/** Signs in with the keyboard from the sign-in page. */
async function keyboardSignIn(context, page, login) {
  await resetBrowser(context, page)
  await tabTo(page, page.getByTestId('login'))
  await page.keyboard.type(login)
  await page.keyboard.press('Tab')
  assert.equal(await focused(page), 'password')
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await page.getByTestId('side-menu').waitFor()
}

/** Moves along the side menu with the arrow keys to item `test` and opens it with Enter. */
async function openMenu(page, test) {
  await tabTo(page, page.getByTestId('side-menu'))
  for (let i = 0; i < 30 && (await focused(page)) !== `menu-${test}`; i++) await page.keyboard.press('ArrowDown')
  assert.equal(await focused(page), `menu-${test}`, 'the side menu is walked with the arrow keys')
  await page.keyboard.press('Enter')
}

describe('keyboard only', () => {
  let b
  let issueId

  before(async () => {
    b = await launch()
    // A published issue delivered to the member (the demo's ccea-epidemic series sends to it).
    const editor = await apiAs('editor')
    const approver = await apiAs('approver')
    let res = await editor.api.post('/api/v1/bulletins/issues', {
      headers: editor.headers,
      data: { series: 'ccea-epidemic', date: '2020-04-13' },
    })
    assert.equal(res.status(), 201, await res.text())
    issueId = (await res.json()).id
    res = await editor.api.put(`/api/v1/bulletins/issues/${issueId}`, {
      headers: editor.headers,
      data: { date: '2020-04-13', copies: 10, sections: [{ kind: 'text', title: '键盘签收栏目', body: '正文。' }] },
    })
    assert.equal(res.status(), 200, await res.text())
    for (const [who, step] of [[editor, 'submit'], [approver, 'approve'], [editor, 'publish']]) {
      res = await who.api.post(`/api/v1/bulletins/issues/${issueId}/${step}`, { headers: who.headers })
      assert.equal(res.status(), 200, `${step}: ${await res.text()}`)
    }
    await editor.api.dispose()
    await approver.api.dispose()
  })
  after(async () => {
    await b?.close()
  })

  it('a reporter writes a piece and submits it', async () => {
    const { context, page } = b
    await keyboardSignIn(context, page, 'hubei-reporter')
    await openMenu(page, 'submissions-mine')
    await page.getByTestId('piece-table').waitFor()
    await tabTo(page, page.getByTestId('piece-new'))
    await page.keyboard.press('Enter')
    await page.getByTestId('piece-form').waitFor()

    await tabTo(page, page.getByTestId('piece-title'))
    await page.keyboard.type(TITLE)
    await tabTo(page, page.getByTestId('piece-contact'))
    await page.keyboard.type('李娜 13800000000')
    // The body's rich-text editor (the default) is reached past its toolbar and typed into.
    await tabTo(page, page.getByTestId('piece-rich'))
    await page.keyboard.type('协会组织会员单位开展应急通信演练。')
    await page.getByTestId('piece-rich').getByText('协会组织会员单位开展应急通信演练。').waitFor()

    // Save with Shift+Tab back up to the button (it sits above the form), then submit.
    for (let i = 0; i < 60 && (await focused(page)) !== 'piece-save'; i++) await page.keyboard.press('Shift+Tab')
    assert.equal(await focused(page), 'piece-save')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/submissions\/\d+\/edit$/)
    await page.getByTestId('piece-action-submit').waitFor()
    await tabTo(page, page.getByTestId('piece-action-submit'))
    await page.keyboard.press('Space')
    await page.waitForURL(/\/submissions\/\d+$/)
    await page.locator('.title-row').getByTestId('state-submitted').waitFor()
    assert.equal((await page.getByTestId('piece-heading').innerText()).trim(), TITLE)
  })

  it('a member acknowledges an issue in the inbox', async () => {
    const { context, page } = b
    await keyboardSignIn(context, page, 'member')
    await openMenu(page, 'inbox')
    // The issue's title is a link Tab reaches (its row also has an 打开 button).
    const open = page.getByTestId(`inbox-open-${issueId}`)
    await open.waitFor()
    await tabTo(page, open)
    await page.keyboard.press('Enter')
    const drawer = page.getByTestId('inbox-drawer')
    await drawer.getByTestId('inbox-ack').waitFor()
    await page.getByTestId(`inbox-state-${issueId}`).getByText('已读').waitFor()
    // The drawer holds focus (a dialog): Tab reaches its buttons without leaving it.
    await tabTo(page, drawer.getByTestId('inbox-ack'), 20)
    await page.keyboard.press('Enter')
    const box = page.locator('.el-message-box')
    await box.waitFor()
    // The confirm box focuses a button; move to the confirming one and press it.
    for (let i = 0; i < 5; i++) {
      const onConfirm = await page.evaluate(() =>
        document.activeElement?.classList.contains('el-button--primary') && !!document.activeElement.closest('.el-message-box'),
      )
      if (onConfirm) break
      await page.keyboard.press('Tab')
    }
    await page.keyboard.press('Enter')
    await page.getByTestId(`inbox-state-${issueId}`).getByText('已签收').waitFor()
    assert.notEqual((await drawer.getByTestId('drawer-ack-at').innerText()).trim(), '—')
  })
})
