// Two people on the figures grid (issue 18): a row saved from an older version is refused with
// who saved the newer one; the grid shows their stored value beside my typed one, and saving
// again (after seeing theirs) keeps mine.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, shot, signIn } from './lib.mjs'

describe('edit conflicts in the figures grid', () => {
  let b

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('explains a conflict on a row and keeps mine when saved again', async () => {
    // A day of its own with one row (a day of the 2020 data has ~480 rows).
    const date = '2021-11-01'
    const region = '420000'
    const { api, headers } = await apiAs('editor')
    const path = `/api/v1/epidemic/days/${date}/figures/${region}`
    let res = await api.put(path, { headers, data: { new_confirmed: 1 } })
    assert.equal(res.status(), 200, await res.text())
    const { page, context } = b
    await signIn(context, page, 'editor')
    await page.goto(`/epidemic/grid?date=${date}`)
    const cell = page.getByTestId(`cell-${region}-new_confirmed`)
    await cell.waitFor()

    // Another session saves the row first, from the version the page loaded.
    const v = (await res.json()).version
    res = await api.put(path, { headers: { ...headers, 'If-Match': `"${v}"` }, data: { new_confirmed: 7 } })
    assert.equal(res.status(), 200, await res.text())

    await cell.fill('9')
    await page.getByTestId(`save-${region}`).click()
    const alert = page.getByTestId('edit-conflict')
    await alert.waitFor()
    assert.match(await alert.innerText(), /陈静 已于 \d\d:\d\d 保存了更新的版本/)
    assert.match(await page.getByTestId('conflict-changes').innerText(), /湖北 新增确诊：对方为 7，您填的是 9/)
    assert.equal(await cell.inputValue(), '9') // what I typed is kept
    await shot(page, 'epidemic-grid-conflict')

    // Keeping mine after seeing theirs saves over their version.
    await page.getByTestId('conflict-keep').click()
    await alert.waitFor({ state: 'hidden' })
    res = await api.get(`/api/v1/epidemic/days/${date}/figures`)
    const row = (await res.json()).items.find((i) => i.region === region)
    assert.equal(row.figures.new_confirmed, 9)
    await api.dispose()
  })
})
