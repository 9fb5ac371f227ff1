// Long renders in the browser: while the server typesets a preview the button counts the
// seconds (排版中… N 秒); when the render queue is full (429 render_busy with Retry-After) the
// page waits as asked, says 排队中, and retries by itself; a refusal that outlasts the budget
// is shown as an error. The server's answers are delayed or replaced in the browser (a full
// queue cannot be provoked reliably from one test).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, shot, signIn } from './lib.mjs'

const BUSY = {
  status: 429,
  headers: { 'Content-Type': 'application/json', 'Retry-After': '2' },
  body: JSON.stringify({ error: { code: 'too_many_requests', key: 'render_busy', message: '排版任务繁忙，请稍候重试' } }),
}

describe('long renders', () => {
  let b
  let issueId = 0

  before(async () => {
    b = await launch()
    const { api, headers } = await apiAs('editor')
    const res = await api.post('/api/v1/bulletins/issues', {
      headers,
      data: { series: 'ccea-epidemic', date: '2020-02-02', supplement: true },
    })
    assert.equal(res.status(), 201, await res.text())
    issueId = (await res.json()).id
    const put = await api.put(`/api/v1/bulletins/issues/${issueId}`, {
      headers,
      data: { date: '2020-02-02', sections: [{ kind: 'text', title: '排版测试', body: '正文一段。' }] },
    })
    assert.equal(put.status(), 200, await put.text())
    await api.dispose()
  })
  after(async () => {
    await b?.close()
  })

  it('counts the seconds, waits in the queue on render_busy and retries by itself', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    let calls = 0
    await page.route(`**/api/v1/bulletins/issues/${issueId}/preview*`, async (route) => {
      calls += 1
      if (calls === 1) return route.fulfill(BUSY)
      await new Promise((r) => setTimeout(r, 2500)) // a slow render
      return route.continue()
    })
    await page.goto(`/bulletins/issues/${issueId}/edit`)
    const composer = page.getByTestId('composer')
    await composer.waitFor()
    const button = composer.getByTestId('composer-preview')
    await button.click()
    await composer.getByText(/排队中… \d+ 秒/).first().waitFor()
    await shot(page, 'render-queued')
    await assert.doesNotReject(button.getByText(/排版中… \d+ 秒/).waitFor({ timeout: 10_000 }))
    await shot(page, 'render-typesetting')
    await composer.getByTestId('preview-page-0').waitFor({ timeout: 30_000 })
    assert.equal(calls, 2)
    assert.equal((await button.innerText()).trim(), '预览')
    await page.unroute(`**/api/v1/bulletins/issues/${issueId}/preview*`)
  })

  it('shows the error when the renderer stays busy past the retry budget', async () => {
    const { page } = b
    await page.evaluate(() => localStorage.setItem('jianbao.locale', 'en'))
    // Retry-After beyond the budget: the page gives up at once and says why.
    await page.route(`**/api/v1/bulletins/issues/${issueId}/preview*`, (route) =>
      route.fulfill({ ...BUSY, headers: { ...BUSY.headers, 'Retry-After': '120' } }),
    )
    await page.goto(`/bulletins/issues/${issueId}/edit`)
    const composer = page.getByTestId('composer')
    await composer.waitFor()
    await composer.getByTestId('composer-preview').click()
    await composer.getByTestId('preview').getByText('排版任务繁忙，请稍候重试').waitFor()
    await shot(page, 'render-busy-error-en')
    assert.equal((await composer.getByTestId('composer-preview').innerText()).trim(), 'Preview')
    await page.unroute(`**/api/v1/bulletins/issues/${issueId}/preview*`)
  })
})
