// 复工复产: a member unit reports (a second report for the same day is refused); the Hubei
// association opens the demo weekly schedule's dashboard (figures, charts, units), follows a
// need up (the history grows), records ledger entries (an overdraft is refused with the
// balance), and imports a member list: the preview shows per-row errors, the corrected file
// previews and imports. The ledger page also reads in English.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launch, shot, signIn } from './lib.mjs'

/** A valid 统一社会信用代码 (GB 32100 check character). */
function creditCode(n) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const body = `9142010${String(n).padStart(10, '0')}`
  const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0)
  return body + alphabet[(31 - (sum % 31)) % 31]
}

const RUN = Date.now() % 100000
const GOOD = ['单位名称,简称,统一社会信用代码,联系人,行业',
  `浏览器导入甲公司${RUN},甲公司,${creditCode(900000 + RUN)},王五,通信工程`,
  `浏览器导入乙公司${RUN},乙公司,${creditCode(800000 + RUN)},赵六,信息技术`, ''].join('\n')
const BAD = GOOD.replace(creditCode(800000 + RUN), '91350100M000100Y44')

describe('member services', () => {
  let b
  let dir

  before(async () => {
    b = await launch()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-e2e-members-'))
    fs.writeFileSync(path.join(dir, 'good.csv'), GOOD)
    fs.writeFileSync(path.join(dir, 'bad.csv'), BAD)
  })
  after(async () => {
    await b?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lets a member unit report its work resumption once a day', async () => {
    const { context, page } = b
    await signIn(context, page, 'member')
    await page.getByTestId('menu-resumption-report').click()
    await page.getByTestId('report-schedules').getByText('湖北会员单位复工复产周报').waitFor()
    await page.getByTestId('report-add-need').click()
    await page.getByTestId('report-need-quantity-0').locator('input').fill('3000')
    await page.getByTestId('report-add-difficulty').click()
    await page.getByTestId('report-difficulty-0').locator('input.el-input__inner').last().fill('口罩紧缺')
    await page.getByTestId('report-submit').click()
    await page.getByTestId('report-table').getByText('口罩 3000').waitFor()
    await shot(page, 'members-report')
    await page.getByTestId('report-submit').click()
    await page.getByText('本单位已报送该日的复工情况').waitFor()
  })

  it('shows the association the rate dashboard of the demo schedule', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.getByTestId('menu-resumption-schedules').click()
    const link = page.getByTestId('schedule-table').getByText('湖北会员单位复工复产周报')
    await link.waitFor()
    const href = await link.getAttribute('href')
    await page.goto(`${href}?period=2020-03-19`)
    await page.getByTestId('dashboard-rate').waitFor()
    await page.getByTestId('dashboard-province-chart').locator('canvas').waitFor()
    await page.getByTestId('dashboard-sector-chart').locator('canvas').waitFor()
    const rows = page.getByTestId('dashboard-units').locator('.el-table__body tr')
    assert.equal(await rows.count(), 8)
    await page.getByTestId('dashboard-state').getByText('未报').click()
    assert.ok((await rows.count()) < 8)
    const exportHref = await page.getByTestId('dashboard-export').getAttribute('href')
    assert.match(exportHref, /\/api\/v1\/resumption\/export\?schedule=\d+&period=2020-03-14/)
    await shot(page, 'members-dashboard')
  })

  it('follows a need up and keeps its history', async () => {
    const { page } = b
    await page.getByTestId('menu-resumption-followups').click()
    const first = page.getByTestId('followup-table').locator('[data-test^="followup-"]').first()
    await first.click()
    await page.getByTestId('followup-drawer').getByTestId('followup-history').waitFor()
    const events = page.getByTestId('followup-history').locator('.el-timeline-item')
    const before = await events.count()
    await page.getByTestId('followup-action').getByText('备注').click()
    await page.getByTestId('followup-note').fill('已电话联系，明日送达')
    await page.getByTestId('followup-apply').click()
    await page.getByTestId('followup-history').getByText('已电话联系，明日送达').waitFor()
    assert.equal(await events.count(), before + 1)
    await shot(page, 'members-followup')
  })

  it('keeps the ledger from going negative', async () => {
    const { page } = b
    await page.keyboard.press('Escape')
    await page.getByTestId('menu-supplies').click()
    await page.getByTestId('ledger-balances').getByText('湖北省通信行业协会').first().waitFor()
    await page.getByTestId('ledger-record').click()
    const dialog = page.getByTestId('ledger-dialog')
    await dialog.getByTestId('ledger-quantity').locator('input').fill('99999999')
    await dialog.getByTestId('ledger-from').fill('hubei')
    await dialog.getByTestId('ledger-to').fill('武汉市某医院')
    await dialog.getByTestId('ledger-save').click()
    await dialog.getByText(/结存只有/).waitFor()
    await dialog.getByTestId('ledger-quantity').locator('input').fill('100')
    await dialog.getByTestId('ledger-save').click()
    await page.getByTestId('ledger-table').getByText('武汉市某医院').first().waitFor()
    await shot(page, 'members-ledger')
    await page.getByTestId('locale-switch').click()
    await page.getByRole('heading', { name: 'Supplies and donations ledger' }).waitFor()
    await page.getByTestId('locale-switch').click()
    await page.getByRole('heading', { name: '防疫物资和捐赠台账' }).waitFor()
  })

  it('imports a member list after a preview with per-row errors', async () => {
    const { page } = b
    await page.getByTestId('menu-members').click()
    await page.getByTestId('members-import').click()
    const dialog = page.getByTestId('members-import-dialog')
    await dialog.getByTestId('members-import-file').setInputFiles(path.join(dir, 'bad.csv'))
    await dialog.getByTestId('members-import-preview-button').click()
    const errors = dialog.getByTestId('members-import-error-table')
    await errors.getByText('统一社会信用代码', { exact: true }).waitFor()
    await errors.getByText('3', { exact: true }).waitFor()
    assert.ok(await dialog.getByTestId('members-import-commit').isDisabled())
    await shot(page, 'members-import-errors')
    await dialog.getByTestId('members-import-file').setInputFiles(path.join(dir, 'good.csv'))
    await dialog.getByTestId('members-import-preview-button').click()
    await dialog.getByTestId('members-import-preview').getByText(`浏览器导入乙公司${RUN}`).waitFor()
    await shot(page, 'members-import-preview')
    await dialog.getByTestId('members-import-commit').click()
    await page.getByTestId('members-search').fill(`浏览器导入甲公司${RUN}`)
    await page.getByTestId('members-search').press('Enter')
    await page.getByTestId('members-table').getByText(creditCode(900000 + RUN)).waitFor()
  })
})
