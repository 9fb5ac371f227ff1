// Two editors in the composer at once (issue 18): the second save from an older version is not
// lost silently — the composer says who saved a newer version and when, lists their changes,
// and offers to load theirs or to keep mine after seeing theirs. Two browsers, two sessions.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_PASSWORD, apiAs, launch, shot, signIn, uniqueLogin } from './lib.mjs'

/** Adds a free-text section titled `title` in the composer of `page`, then saves. */
async function addTextAndSave(page, title) {
  const composer = page.getByTestId('composer')
  await composer.getByRole('tab', { name: '自由文本' }).click()
  await composer.getByTestId('text-title').fill(title)
  await composer.getByTestId('text-add').click()
  await composer.getByTestId('composer-save').click()
}

/** The titles of the composer's sections, in order. */
async function sectionTitles(page) {
  return page
    .getByTestId('section-list')
    .locator('[data-test^="section-"][data-kind]')
    .evaluateAll((els) => els.map((e) => (e.querySelector('input')?.value ?? e.querySelector('.section-title')?.textContent ?? '').trim()))
}

describe('edit conflicts in the composer', () => {
  let a
  let b
  let issueId = 0

  before(async () => {
    const { api, headers } = await apiAs('editor')
    let res = await api.post('/api/v1/bulletins/issues', { headers, data: { series: 'ccea-epidemic', date: '2020-04-06' } })
    assert.equal(res.status(), 201, await res.text())
    issueId = (await res.json()).id
    res = await api.put(`/api/v1/bulletins/issues/${issueId}`, {
      headers,
      data: { date: '2020-04-06', copies: 10, sections: [{ kind: 'text', title: '共同栏目', body: '正文' }] },
    })
    assert.equal(res.status(), 200, await res.text())
    await api.dispose()
    a = await launch()
    b = await launch()
  })
  after(async () => {
    await a?.close()
    await b?.close()
  })

  it('the second editor sees who saved first, their changes, and reloads theirs', async () => {
    for (const x of [a, b]) {
      await signIn(x.context, x.page, 'editor')
      await x.page.goto(`/bulletins/issues/${issueId}/edit`)
      await x.page.getByTestId('section-0').waitFor()
    }
    await addTextAndSave(a.page, '甲的栏目')
    await a.page.getByTestId('section-1').waitFor()
    await a.page.getByTestId('unsaved').waitFor({ state: 'hidden' })

    await addTextAndSave(b.page, '乙的栏目')
    const alert = b.page.getByTestId('edit-conflict')
    await alert.waitFor()
    assert.match(await alert.innerText(), /陈静 已于 \d\d:\d\d 保存了更新的版本/)
    await b.page.getByTestId('conflict-changes').waitFor()
    assert.match(await b.page.getByTestId('conflict-changes').innerText(), /新增栏目：甲的栏目/)
    await shot(b.page, 'composer-edit-conflict')

    await b.page.getByTestId('conflict-reload').click()
    await alert.waitFor({ state: 'hidden' })
    assert.deepEqual(await sectionTitles(b.page), ['共同栏目', '甲的栏目'])
  })

  it('after seeing theirs, the second editor keeps hers', async () => {
    // A saves again from the version B has now reloaded; B's next save conflicts.
    await addTextAndSave(a.page, '甲的第二栏目')
    await a.page.getByTestId('section-2').waitFor()
    await a.page.getByTestId('unsaved').waitFor({ state: 'hidden' })
    await addTextAndSave(b.page, '乙的栏目')
    await b.page.getByTestId('edit-conflict').waitFor()
    assert.match(await b.page.getByTestId('conflict-changes').innerText(), /新增栏目：甲的第二栏目/)
    await b.page.getByTestId('conflict-keep').click()
    await b.page.getByTestId('edit-conflict').waitFor({ state: 'hidden' })
    await b.page.getByTestId('unsaved').waitFor({ state: 'hidden' })

    const { api } = await apiAs('editor')
    const res = await api.get(`/api/v1/bulletins/issues/${issueId}`)
    const stored = await res.json()
    await api.dispose()
    assert.deepEqual(
      stored.sections.map((s) => s.title),
      ['共同栏目', '甲的栏目', '乙的栏目'],
    )
    assert.equal(res.headers().etag, `"${stored.version}"`)
  })

  it('the piece editor explains a conflict too, in English, and keeps mine after seeing theirs', async () => {
    const { api, headers } = await apiAs('hubei-reporter')
    let res = await api.post('/api/v1/submissions', { headers, data: { title: '两人同改的稿件', body: '第一段。' } })
    assert.equal(res.status(), 201, await res.text())
    const pieceId = (await res.json()).id
    const { page, context } = a
    await signIn(context, page, 'hubei-reporter')
    await page.getByTestId('locale-switch').click()
    await page.goto(`/submissions/${pieceId}/edit`)
    // The title field shows before the piece has loaded: wait for the piece itself, or the
    // other session's change below could land before this editor has read its version.
    await page.waitForFunction(
      () => document.querySelector('[data-test="piece-title"]')?.value === '两人同改的稿件',
    )
    // Meanwhile another session of the same reporter changes the title and the text.
    res = await api.patch(`/api/v1/submissions/${pieceId}`, {
      headers,
      data: { title: '别人改的标题', body: '第一段。\n\n别人加的第二段。' },
    })
    assert.equal(res.status(), 200, await res.text())
    await page.getByTestId('piece-contact').fill('027-1')
    await page.getByTestId('piece-save').click()
    const alert = page.getByTestId('edit-conflict')
    await alert.waitFor()
    assert.match(await alert.innerText(), /李娜 saved a newer version at \d\d:\d\d/)
    assert.match(await page.getByTestId('conflict-changes').innerText(), /changed the title/)
    // The text diff of the history shows what they wrote.
    const diff = alert.getByTestId('diff')
    await diff.waitFor()
    assert.match(await diff.innerText(), /\+\s*别人加的第二段。/)
    await shot(page, 'piece-edit-conflict-en')
    await page.getByTestId('conflict-keep').click()
    await alert.waitFor({ state: 'hidden' })
    res = await api.get(`/api/v1/submissions/${pieceId}`)
    const stored = await res.json()
    await api.dispose()
    assert.equal(stored.title, '两人同改的稿件') // mine, saved over theirs after seeing it
    assert.equal(stored.contact, '027-1')
    assert.equal(stored.edit_version, 3)
    await page.getByTestId('locale-switch').click()
  })

  it('presence: each editor sees the other in the composer, until one leaves', async () => {
    const { api, headers } = await apiAs('admin')
    const login = uniqueLogin('editor2')
    const res = await api.post('/api/v1/users', {
      headers,
      data: { login, password: DEMO_PASSWORD, org: 'ccea-sec', roles: ['editor'], name: '刘洋' },
    })
    assert.equal(res.status(), 201, await res.text())
    await api.dispose()
    await signIn(a.context, a.page, 'editor')
    await a.page.goto(`/bulletins/issues/${issueId}/edit`)
    await a.page.getByTestId('section-0').waitFor()
    await signIn(b.context, b.page, login)
    await b.page.goto(`/bulletins/issues/${issueId}/edit`)
    await b.page.getByTestId('section-0').waitFor()
    // B's first heartbeat already finds A; A finds B at its next heartbeat (every 10 s).
    await b.page.getByTestId('presence').filter({ hasText: '陈静 也在编辑' }).waitFor()
    await a.page.getByTestId('presence').filter({ hasText: '刘洋 也在编辑' }).waitFor({ timeout: 25_000 })
    await shot(a.page, 'composer-presence')
    await b.page.getByTestId('composer-back').click()
    await a.page.getByTestId('presence').waitFor({ state: 'hidden', timeout: 25_000 })
  })
})
