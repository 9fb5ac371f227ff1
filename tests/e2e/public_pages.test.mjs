// The public pages (the complaint form and status page, the archive page of a series, the HTML
// edition of an issue) for elderly readers and phones: lang, title and landmarks; the 适老化
// large-text, high-contrast switch (kept across visits, a class on <html>, CSS only); no
// horizontal scrolling on a 390 px phone nor at 200 % zoom (a 1280 px window at 200 % lays
// out 640 CSS px), with the mode off and on. axe checks every state (lib.mjs).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, settleA11y, shot } from './lib.mjs'

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
    // The HTML edition of the newest issue of the (public) series, as a reader opens it.
    const read = page.locator('main a[href$="/files/html"]').first()
    const htmlEdition = (await read.count()) > 0 ? await read.getAttribute('href') : null
    if (htmlEdition) {
      await page.goto(htmlEdition)
      await assertStructure(page, 'HTML edition')
      for (const size of [PHONE, ZOOM_200]) {
        await page.setViewportSize(size)
        await assertNoSideScroll(page, `HTML edition at ${size.width}px`)
        await settleA11y(page)
      }
      await shot(page, 'public-html-edition-phone')
    }
    await page.setViewportSize({ width: 1360, height: 860 })
  })
})
