// Content-Security-Policy: the server forbids inline scripts and styles and eval (no
// 'unsafe-inline', no 'unsafe-eval'). This test opens every route of the web UI's router (read
// from the route files under web/src, so a new route without a sample here fails the test), in
// Chinese and in English, as the administrator and as the editor, and opens a few dialogs and
// drop-downs; then the pages the server writes itself (the public archive page of a series and
// the HTML edition of an issue). Any violation fails the test (launch() in lib.mjs watches
// every page; the other browser tests fail on violations the same way).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT, apiAs, launch, settleA11y, signIn } from './lib.mjs'

/** Every route path of the router: `path: '…'` in the files under web/src that declare routes. */
function routerPaths() {
  const found = new Set()
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts') && fs.readFileSync(p, 'utf8').includes('RouteRecordRaw')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bpath: '([^']*)'/g)) found.add(m[1])
      }
    }
  }
  walk(path.join(ROOT, 'web', 'src'))
  return [...found].sort()
}

/** The URL that opens route `p` (a route path as written in the router), given sample ids. */
function urlFor(p, ids) {
  if (p === ':pathMatch(.*)*') return '/no-such-page'
  let url = p.startsWith('/') ? p : `/${p}`
  url = url.replace(/^\/bulletins\/issues\/:id\(\\\\d\+\)/, `/bulletins/issues/${ids.issue}`)
  url = url.replace(/:id\(\\\\d\+\)/, String(ids.piece))
  url = url.replace(/^\/resumption\/schedules\/:id$/, '/resumption/schedules/1') // the demo weekly schedule
  assert.ok(!url.includes(':'), `no sample for the parameters of route ${p}: add one in csp.test.mjs`)
  return url
}

describe('content security policy', () => {
  let b
  const ids = {}

  before(async () => {
    b = await launch()
    const { api } = await apiAs('editor')
    const issues = await (await api.get('/api/v1/bulletins/issues?page_size=1')).json()
    const pieces = await (await api.get('/api/v1/submissions?page_size=1')).json()
    ids.issue = issues.items[0].id
    ids.piece = pieces.items[0].id
    await api.dispose()
  })
  after(async () => {
    await b?.close()
  })

  it('the server sends a policy without unsafe-inline or unsafe-eval', async () => {
    const res = await b.page.goto('/login')
    const csp = res.headers()['content-security-policy']
    assert.match(csp, /script-src 'self'/)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
  })

  for (const who of ['admin', 'editor']) {
    it(`opens every route as ${who}, in Chinese and in English, without a violation`, async () => {
      const { context, page, cspViolations } = b
      const paths = routerPaths()
      assert.ok(paths.length >= 25, `expected the whole router, found ${paths.join(' ')}`)
      await signIn(context, page, who)
      for (const locale of ['zh-CN', 'en']) {
        await page.evaluate((l) => localStorage.setItem('jianbao.locale', l), locale)
        for (const p of paths) {
          await page.goto(urlFor(p, ids))
          await page.locator('#app > *').first().waitFor()
          await page.waitForLoadState('networkidle')
          await settleA11y(page)
        }
      }
      assert.deepEqual(cspViolations, [])
    })
  }

  it('opens dialogs, drop-downs and message boxes without a violation', async () => {
    const { context, page, cspViolations } = b
    await signIn(context, page, 'admin')
    await page.goto('/users')
    await page.getByTestId('user-create').click()
    await page.getByTestId('user-create-dialog').waitFor()
    await page.keyboard.press('Escape')
    await signIn(context, page, 'editor')
    await page.goto('/bulletins')
    await page.getByTestId('issue-create').click()
    await page.getByTestId('issue-create-dialog').waitFor()
    await page.getByTestId('new-issue-series').click()
    await page.getByTestId('series-option-ccea-epidemic').waitFor()
    await page.keyboard.press('Escape')
    // Chart tooltips (ECharts): hover the middle of every chart on the desk's chart pages.
    for (const url of ['/epidemic', '/epidemic/validation?from=2020-03-01&to=2020-03-18']) {
      await page.goto(url)
      await page.locator('canvas').first().waitFor()
      await page.waitForLoadState('networkidle')
      for (const canvas of await page.locator('canvas').all()) {
        const box = await canvas.boundingBox()
        if (!box) continue
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
        await page.waitForTimeout(300)
      }
    }
    assert.deepEqual(cspViolations, [])
  })

  it('the public archive page and the HTML edition of an issue display under the policy', async () => {
    const { page, cspViolations } = b
    const res = await page.goto('/public/bulletins/hubei-daily')
    assert.equal(res.status(), 200)
    // The page's own style sheet applies (the heading is red), so it was not blocked.
    const color = await page.locator('h1').evaluate((e) => getComputedStyle(e).color)
    assert.equal(color, 'rgb(204, 0, 0)')
    const { api } = await apiAs('editor')
    const published = await (await api.get('/api/v1/bulletins/issues?status=published&page_size=1')).json()
    await api.dispose()
    if (published.items.length > 0) {
      const html = await page.goto(`/api/v1/bulletins/issues/${published.items[0].id}/files/html`)
      assert.equal(html.status(), 200)
      assert.doesNotMatch(html.headers()['content-security-policy'], /script-src|unsafe-eval|unsafe-inline/)
    }
    assert.deepEqual(cspViolations, [])
  })
})
