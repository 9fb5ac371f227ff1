// The public pages (the complaint form and status page, the archive page of a series, the HTML
// edition of an issue) for elderly readers and phones: lang, title and landmarks; the 适老化
// large-text, high-contrast switch (kept across visits, a class on <html>, CSS only); no
// horizontal scrolling on a 390 px phone nor at 200 % zoom (a 1280 px window at 200 % lays
// out 640 CSS px), with the mode off and on. axe checks every state (lib.mjs).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, settleA11y, shot, uniqueLogin } from './lib.mjs'

const PHONE = { width: 390, height: 844 }
const ZOOM_200 = { width: 640, height: 400 }

/** Fails if the page scrolls sideways. */
async function assertNoSideScroll(page, what) {
  const { sw, cw } = await page.evaluate(() => ({
    sw: document.scrollingElement.scrollWidth,
    cw: document.scrollingElement.clientWidth,
  }))
  assert.ok(sw <= cw, `${what}: scrollWidth ${sw} > clientWidth ${cw} (horizontal scrolling)`)
}

/** Checks lang, a title, one h1 and the header/main landmarks. */
async function assertStructure(page, what) {
  const s = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelectorAll('h1').length,
    header: !!document.querySelector('header, [role=banner]'),
    main: document.querySelectorAll('main, [role=main]').length,
  }))
  assert.match(s.lang, /^(zh-CN|en)$/, `${what}: lang`)
  assert.ok(s.title.length > 0, `${what}: title`)
  assert.ok(s.h1 >= 1, `${what}: an h1`)
  assert.ok(s.header, `${what}: a header landmark`)
  assert.equal(s.main, 1, `${what}: one main landmark`)
}

/**
 * Publishes an issue of the public series hubei-daily through the API (its editor and approver
 * are made for the purpose: the demo has none), so that the archive page links an HTML edition.
 */
async function publishPublicIssue() {
  const admin = await apiAs('hubei-admin')
  const staff = {}
  for (const role of ['editor', 'approver']) {
    const login = uniqueLogin(`public-${role}`)
    const res = await admin.api.post('/api/v1/users', {
      headers: admin.headers,
      data: { login, password: 'Hubei-staff1', org: 'hubei', roles: [role], name: login },
    })
    assert.equal(res.status(), 201, await res.text())
    staff[role] = await apiAs(login, 'Hubei-staff1')
  }
  const { editor, approver } = staff
  let res = await editor.api.post('/api/v1/bulletins/issues', {
    headers: editor.headers,
    data: { series: 'hubei-daily', date: '2020-04-14' },
  })
  assert.equal(res.status(), 201, await res.text())
  const id = (await res.json()).id
  res = await editor.api.put(`/api/v1/bulletins/issues/${id}`, {
    headers: editor.headers,
    data: {
      date: '2020-04-14',
      sections: [{ kind: 'text', title: '大字阅读栏目', body: '湖北各运营商保障方舱医院通信畅通，详见 https://example.org/a/very/long/address/that/must/wrap 。' }],
    },
  })
  assert.equal(res.status(), 200, await res.text())
  for (const [who, step] of [[editor, 'submit'], [approver, 'approve'], [editor, 'publish']]) {
    res = await who.api.post(`/api/v1/bulletins/issues/${id}/${step}`, { headers: who.headers })
    assert.equal(res.status(), 200, `${step}: ${await res.text()}`)
  }
  for (const c of [admin, editor, approver]) await c.api.dispose()
}

describe('public pages: large text, phones, zoom', () => {
  let b

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.page.setViewportSize({ width: 1360, height: 860 })
    await b?.close()
  })

  it('the complaint page switches to large text, remembers it, and fits a phone and 200 % zoom', async () => {
    const { page } = b
    await page.goto('/complaint')
    await page.evaluate(() => localStorage.removeItem('jianbao.elder'))
    await page.reload()
    await page.getByTestId('public-form').waitFor()
    await assertStructure(page, 'complaint page')
    const sw = page.getByTestId('elder-switch')
    assert.equal(await sw.getAttribute('aria-pressed'), 'false')
    await page.waitForTimeout(400) // Element Plus cards transition every property
    const before = await page.locator('.intro').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    await sw.click()
    assert.equal(await sw.getAttribute('aria-pressed'), 'true')
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true)
    await page.waitForTimeout(400)
    const after_ = await page.locator('.intro').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    assert.ok(after_ >= before * 1.2, `large text: ${before}px → ${after_}px`)
    await page.reload()
    await page.getByTestId('public-form').waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true, 'remembered')

    for (const [size, name] of [[PHONE, 'phone'], [ZOOM_200, 'zoom200']]) {
      await page.setViewportSize(size)
      for (const elder of [true, false]) {
        if ((await sw.getAttribute('aria-pressed')) !== String(elder)) await sw.click()
        await page.waitForTimeout(200)
        await assertNoSideScroll(page, `complaint form, ${name}, large text ${elder}`)
        await page.getByRole('tab', { name: /查询办理进度|Check progress/ }).click()
        await page.getByTestId('public-lookup').waitFor()
        await assertNoSideScroll(page, `complaint status, ${name}, large text ${elder}`)
        await settleA11y(page)
        if (elder) await shot(page, `public-complaint-status-${name}-large`)
        await page.getByRole('tab', { name: /提交咨询或申诉|File a question/ }).click()
        await page.getByTestId('public-form').waitFor()
        await settleA11y(page)
        if (elder) await shot(page, `public-complaint-${name}-large`)
      }
    }
    await page.setViewportSize({ width: 1360, height: 860 })
    // Staff screens keep their normal size: the class goes when the public page does.
    await page.getByTestId('public-signin').click()
    await page.getByTestId('login-form').waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), false)
  })

  it('the archive page and the HTML edition fit a phone and 200 % zoom, with large text', async () => {
    const { page } = b
    await publishPublicIssue()
    await page.goto('/public/bulletins/hubei-daily')
    await page.evaluate(() => localStorage.setItem('jianbao.elder', '0'))
    await page.reload()
    await assertStructure(page, 'archive page')
    const sw = page.locator('#elder-switch')
    await sw.waitFor()
    assert.equal(await sw.getAttribute('aria-pressed'), 'false')
    await sw.click()
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true)
    await page.reload()
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true, 'remembered')
    for (const [size, name] of [[PHONE, 'phone'], [ZOOM_200, 'zoom200']]) {
      await page.setViewportSize(size)
      for (const elder of [true, false]) {
        if ((await sw.getAttribute('aria-pressed')) !== String(elder)) await sw.click()
        await assertNoSideScroll(page, `archive page, ${name}, large text ${elder}`)
        await settleA11y(page)
        if (elder) await shot(page, `public-archive-${name}-large`)
      }
    }
    // The HTML edition of the newest issue of the (public) series, as a reader opens it. Its
    // policy forbids scripts: its 适老化 switch is a checkbox drawn by CSS, and the archive page
    // in large-text mode links to it with ?elder=1, which the server serves switched on.
    const read = page.locator('main a[href*="/files/html"]').first()
    await sw.click()
    assert.equal(await sw.getAttribute('aria-pressed'), 'true')
    const htmlEdition = await read.getAttribute('href')
    assert.match(htmlEdition, /\/files\/html\?elder=1$/, 'the edition opens in the chosen mode')
    await page.setViewportSize({ width: 1360, height: 860 })
    await page.goto(htmlEdition)
    await assertStructure(page, 'HTML edition')
    const box = page.getByRole('checkbox', { name: '大字·高对比' })
    assert.equal(await box.isChecked(), true, 'large text from the archive page')
    const bodySize = () => page.locator('article p').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    const large = await bodySize()
    // Keyboard: Tab reaches the switch first, Space turns it off.
    await page.keyboard.press('Tab')
    assert.equal(await box.evaluate((e) => e === document.activeElement), true, 'Tab reaches the switch')
    await page.keyboard.press('Space')
    assert.equal(await box.isChecked(), false)
    const normal = await bodySize()
    assert.ok(large >= normal * 1.2, `large text: ${normal}px → ${large}px`)
    for (const size of [PHONE, ZOOM_200]) {
      await page.setViewportSize(size)
      for (const elder of [false, true]) {
        if ((await box.isChecked()) !== elder) await page.keyboard.press('Space')
        await assertNoSideScroll(page, `HTML edition at ${size.width}px, large text ${elder}`)
        await settleA11y(page)
      }
    }
    await shot(page, 'public-html-edition-zoom200-large')
    await page.setViewportSize({ width: 1360, height: 860 })
  })
})
