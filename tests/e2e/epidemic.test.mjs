// 疫情动态: the editor imports a small CSV, sees the charts render, fixes a value in
// the day grid and sees the day's validation status change; a bad file shows its line;
// clicking a day in the validation status chart narrows the violation list to it; the narrative shows its print chart.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launch, shot, signIn } from './lib.mjs'

// The status chart's grid margins (web/src/modules/epidemic/views/validation/statusChartOption.ts).
const STATUS_GRID = { left: 48, right: 16 }
const DAY_MS = 24 * 3600 * 1000

// Far from the demo data (2020-03…04), so only these rows meet the rules. The second
// day's cumulative is wrong: 1000000 + 5 ≠ 1000010.
const GOOD = [
  'date,region,new_confirmed,cum_confirmed',
  '2021-10-01,110000,1,1000000',
  '2021-10-02,110000,5,1000010',
  '',
].join('\n')
const BAD = ['date,region,new_confirmed,cum_confirmed', '2021-10-03,110000,1,1000011', '2021-10-04,110000,x,1', ''].join(
  '\n',
)

describe('epidemic desk', () => {
  let b
  let dir

  before(async () => {
    b = await launch()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-e2e-epidemic-'))
    fs.writeFileSync(path.join(dir, 'beijing.csv'), GOOD)
    fs.writeFileSync(path.join(dir, 'bad.csv'), BAD)
  })
  after(async () => {
    await b?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('imports a CSV file and reports what changed', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('menu-epidemic').click()
    await page.getByTestId('epidemic-nav-import').click()
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(path.join(dir, 'beijing.csv'))
    await page.getByTestId('import-file-name').getByText('beijing.csv').waitFor()
    await page.getByTestId('import-upload').click()
    await page.getByTestId('import-report').waitFor()
    assert.equal((await page.getByTestId('report-changed').innerText()).trim(), '2')
    assert.equal((await page.getByTestId('report-format').innerText()).trim(), 'figures')
    await shot(page, 'epidemic-import-report')
  })

  it('shows the bad row of a rejected file', async () => {
    const { page } = b
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(path.join(dir, 'bad.csv'))
    await page.getByTestId('import-upload').click()
    const err = page.getByTestId('import-error')
    await err.waitFor()
    assert.equal((await page.getByTestId('import-error-where').innerText()).trim(), '第 3 行，第 3 列')
    assert.match(await err.innerText(), /new_confirmed/)
    await shot(page, 'epidemic-import-error')
  })

  it('draws the charts', async () => {
    const { page } = b
    await page.getByTestId('epidemic-nav-charts').click()
    for (const id of ['chart-mainland', 'chart-hubei-vs-rest', 'chart-province', 'chart-current-by-province']) {
      await page.getByTestId(id).locator('canvas').first().waitFor()
    }
    const box = await page.getByTestId('chart-mainland').locator('canvas').first().boundingBox()
    assert.ok(box && box.width > 200 && box.height > 200, `canvas ${JSON.stringify(box)}`)
    await shot(page, 'epidemic-charts')
  })

  it('fixes a value in the grid and the day becomes verified', async () => {
    const { page } = b
    await page.goto('/epidemic/grid?date=2021-10-02')
    const unverified = page.locator('[data-test="grid-status"][data-verified="false"]')
    await unverified.waitFor()
    assert.match(await unverified.innerText(), /1/)
    // the mainland total is not reported: the grid shows it as derived
    await page.getByTestId('derived-000000-cum_confirmed').waitFor()
    await shot(page, 'epidemic-grid-before')
    const cell = page.getByTestId('cell-110000-new_confirmed')
    await cell.fill('-1')
    await page.getByTestId('save-110000').click()
    await page.getByTestId('error-110000-new_confirmed').waitFor()
    await cell.fill('10')
    await page.getByTestId('save-110000').click()
    await page.locator('[data-test="grid-status"][data-verified="true"]').waitFor()
    await shot(page, 'epidemic-grid-after')
  })

  it('lists the day as verified in the validation report', async () => {
    const { page } = b
    await page.goto('/epidemic/validation?from=2021-10-01&to=2021-10-02')
    await page.locator('[data-test="day-2021-10-02"][data-verified="true"]').waitFor()
    await page.goto('/epidemic/validation?from=2020-04-01&to=2020-04-30')
    await page.getByTestId('validation-violations').locator('.el-table__row').first().waitFor()
    await shot(page, 'epidemic-validation')
  })

  it('charts the validation status per day and lists the violations of a clicked day', async () => {
    const { page } = b
    await page.goto('/epidemic/validation?from=2020-04-01&to=2020-04-30')
    const card = page.locator('[data-test="validation-status-chart"][data-days="30"]')
    await card.locator('canvas').first().waitFor()
    assert.equal(await card.getAttribute('data-first'), '2020-04-01')
    // Click the middle of 04-16's column (the Wuhan revision: violations on that day).
    const canvas = card.locator('canvas').first()
    const box = await canvas.boundingBox()
    const index = (Date.parse('2020-04-16') - Date.parse('2020-04-01')) / DAY_MS
    const width = box.width - STATUS_GRID.left - STATUS_GRID.right
    await canvas.click({ position: { x: STATUS_GRID.left + ((index + 0.5) * width) / 30, y: box.height / 2 } })
    await page.locator('[data-test="status-day"][data-date="2020-04-16"]').waitFor()
    const violations = page.getByTestId('validation-violations')
    const dates = await violations.getByTestId('violation-date').evaluateAll((els) => els.map((e) => e.textContent))
    assert.ok(dates.length > 0, 'the day has violations')
    assert.deepEqual([...new Set(dates)], ['2020-04-16'])
    await shot(page, 'epidemic-validation-status')
    // Closing the day's tag shows the whole range again.
    await page.getByTestId('status-day').locator('.el-tag__close').click()
    await page.getByTestId('status-day').waitFor({ state: 'detached' })
    await page.waitForFunction(
      () => new Set([...document.querySelectorAll('[data-test="violation-date"]')].map((e) => e.textContent)).size > 1,
    )
  })

  it('shows the print chart (附图) beside the narrative', async () => {
    const { page } = b
    await page.goto('/epidemic/narrative?date=2020-03-18')
    await page.getByTestId('narrative-text').waitFor()
    assert.equal(await page.getByTestId('narrative-chart-png').count(), 0, 'off by default')
    await page.getByTestId('narrative-chart-switch').click()
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-test="narrative-chart-png"]')
      return img?.complete && img.naturalWidth === 1843 && img.naturalHeight === 827
    })
    await shot(page, 'epidemic-narrative-chart')
    await page.goto('/epidemic/narrative?date=2019-01-01')
    await page.getByTestId('narrative-empty').waitFor()
    await page.getByTestId('narrative-chart-switch').click()
    await page.getByTestId('narrative-chart-failed').waitFor()
  })

  it('previews the 2020-03-18 narrative', async () => {
    const { page } = b
    await page.goto('/epidemic/narrative?date=2020-03-18')
    const text = page.getByTestId('narrative-text')
    await text.waitFor()
    assert.match(await text.innerText(), /新增确诊病例 ?34 ?例/)
    await shot(page, 'epidemic-narrative')
    await page.getByTestId('narrative-custom').click()
    // Element Plus puts data-test on the <textarea> itself
    const editor = page.getByTestId('narrative-editor')
    await page.waitForFunction(() => document.querySelector('[data-test="narrative-editor"]')?.value.length > 0)
    await editor.fill('截至{{month}}月{{day}}日24时，累计确诊{{mainland.cum_confirmed}}例。')
    await page.getByText('截至3月18日24时，累计确诊80928例。').waitFor()
    await shot(page, 'epidemic-narrative-custom')
  })
})
