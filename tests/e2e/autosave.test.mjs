// Autosave (issue 18): the composer and the piece editor save a draft a moment after the user
// stops typing, without disturbing the typing; a reload shows the text; the piece history keeps
// one version for the editing session, not one per autosave.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, shot, signIn } from './lib.mjs'

describe('autosave', () => {
  let b

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('the composer saves a typed section body by itself', async () => {
    const { api, headers } = await apiAs('editor')
    let res = await api.post('/api/v1/bulletins/issues', { headers, data: { series: 'ccea-epidemic', date: '2020-04-07' } })
    assert.equal(res.status(), 201, await res.text())
    const issueId = (await res.json()).id
    res = await api.put(`/api/v1/bulletins/issues/${issueId}`, {
      headers,
      data: { date: '2020-04-07', copies: 10, sections: [{ kind: 'text', title: '自动保存栏目', body: '' }] },
    })
    assert.equal(res.status(), 200, await res.text())
    const { page, context } = b
    await signIn(context, page, 'editor')
    await page.goto(`/bulletins/issues/${issueId}/edit`)
    await page.getByTestId('section-0').waitFor()
    await page.getByTestId('section-0').getByTestId('section-toggle').click()
    const body = page.getByTestId('section-0').getByTestId('section-body')
    await body.pressSequentially('第一句，', { delay: 20 })
    await body.pressSequentially('第二句。', { delay: 20 })
    // Never typed over: the text in the box is all of it, and it is saved without a click.
    await page.locator('[data-test="autosave"] [data-state="saved"]').waitFor({ timeout: 15_000 })
    assert.equal(await body.inputValue(), '第一句，第二句。')
    await shot(page, 'composer-autosaved')
    res = await api.get(`/api/v1/bulletins/issues/${issueId}`)
    assert.equal((await res.json()).sections[0].body, '第一句，第二句。')
    await page.reload()
    await page.getByTestId('section-0').waitFor()
    await page.getByTestId('section-0').getByTestId('section-toggle').click()
    assert.equal(await page.getByTestId('section-0').getByTestId('section-body').inputValue(), '第一句，第二句。')
    await api.dispose()
  })

  it('the piece editor autosaves into one open version', async () => {
    const { api, headers } = await apiAs('hubei-reporter')
    let res = await api.post('/api/v1/submissions', { headers, data: { title: '自动保存的稿件', body: '开头。' } })
    assert.equal(res.status(), 201, await res.text())
    const pieceId = (await res.json()).id
    const { page, context } = b
    await signIn(context, page, 'hubei-reporter')
    await page.goto(`/submissions/${pieceId}/edit`)
    await page.getByTestId('body-mode-markdown').click()
    const body = page.getByTestId('piece-body')
    await body.waitFor()
    /** Waits until the server has `text` as the piece's body (no save button is pressed). */
    async function storedBody(text) {
      for (let i = 0; i < 60; i++) {
        const r = await api.get(`/api/v1/submissions/${pieceId}`)
        if ((await r.json()).body === text) return
        await page.waitForTimeout(250)
      }
      assert.fail(`the body was not autosaved as ${text}`)
    }
    await body.press('End')
    await body.pressSequentially('第一段。', { delay: 20 })
    await storedBody('开头。第一段。')
    await body.press('End')
    await body.pressSequentially('第二段。', { delay: 20 })
    await storedBody('开头。第一段。第二段。')
    await page.locator('[data-test="autosave"] [data-state="saved"]').waitFor()
    assert.equal(await body.inputValue(), '开头。第一段。第二段。')
    res = await api.get(`/api/v1/submissions/${pieceId}/versions`)
    const versions = await res.json()
    const items = versions.items ?? versions
    assert.equal(items.length, 2, JSON.stringify(items)) // the original and one autosaved version
    await api.dispose()
  })
})
