// 政策汇编 and 培训: a member reads the demo policies and filters them (an empty result shows the
// empty state); Hubei's association adds a policy with a bad document number (the field says so),
// corrects it, attaches the document (a link to it shows in the list) and builds a digest of ticked policies,
// saved as a draft notice. A member registers for the demo course; the
// association sees the registration, ticks attendance and postpones the class with a reason,
// which shows in the course's history. The policy page also reads in English.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { launch, shot, signIn } from './lib.mjs'

const RUN = Date.now() % 100000

describe('policy library and training', () => {
  let b

  before(async () => {
    b = await launch()
  })
  after(async () => {
    await b?.close()
  })

  it('lets a member read and filter the policy library', async () => {
    const { context, page } = b
    await signIn(context, page, 'member')
    await page.getByTestId('menu-policies').click()
    const table = page.getByTestId('policy-table')
    await table.getByText('鄂政办发〔2020〕5号').waitFor()
    assert.equal(await page.getByTestId('policy-create').count(), 0)
    await page.getByTestId('policy-region').fill('420000')
    await page.getByTestId('policy-search').click()
    await table.getByText('鄂政办发〔2020〕5号').waitFor()
    await table.getByText('工信明电〔2020〕14号').waitFor({ state: 'detached' })
    await page.getByTestId('policy-year').fill('1999')
    await page.getByTestId('policy-search').click()
    await table.getByText('暂无政策').waitFor()
    await shot(page, 'policies-empty')
    await page.getByTestId('locale-switch').click()
    await page.getByRole('heading', { name: 'Policy library' }).waitFor()
    await page.getByTestId('locale-switch').click()
    await page.getByRole('heading', { name: '政策汇编' }).waitFor()
  })

  it('lets the association add a policy and build a digest', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.getByTestId('menu-policies').click()
    await page.getByTestId('policy-create').click()
    const dialog = page.getByTestId('policy-dialog')
    await dialog.getByTestId('policy-title').fill(`稳岗返还政策${RUN}`)
    await dialog.getByTestId('policy-issuer').fill('湖北省人力资源和社会保障厅')
    await dialog.locator('.el-date-editor input').first().fill('2020-02-20')
    await dialog.locator('.el-date-editor input').first().press('Enter')
    await dialog.getByTestId('policy-doc-number').fill('鄂人社发第8号')
    await dialog.getByTestId('policy-region-input').fill('420000')
    await dialog.getByTestId('policy-save').click()
    await dialog.getByText('文号格式应如 工信部规〔2020〕12号').waitFor()
    await dialog.getByTestId('policy-doc-number').fill('鄂人社发〔2020〕8号')
    await dialog.getByTestId('policy-file').setInputFiles({
      name: '稳岗返还.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    })
    await dialog.getByTestId('policy-save').click()
    const table = page.getByTestId('policy-table')
    await table.getByText(`稳岗返还政策${RUN}`).waitFor()
    const fileLink = table.locator('[data-test^="policy-file-"]', { hasText: '稳岗返还.pdf' })
    await fileLink.waitFor()
    assert.match(await fileLink.getAttribute('href'), /^\/api\/v1\/policies\/\d+\/attachment$/)
    await table.locator('.el-table__body tr').nth(0).locator('.el-checkbox').click()
    await table.locator('.el-table__body tr').nth(1).locator('.el-checkbox').click()
    await page.getByTestId('policy-digest').click()
    const digest = page.getByTestId('digest-dialog')
    await digest.getByTestId('digest-build').click()
    const body = digest.getByTestId('digest-body')
    await body.waitFor()
    assert.match(await body.inputValue(), /^1\. \*\*/)
    assert.match(await body.inputValue(), /\n2\. \*\*/)
    await shot(page, 'policies-digest')
    // 生成通知: the digest becomes a draft notice, opened in the notice editor.
    await digest.getByTestId('digest-as-notice').click()
    await page.waitForURL(/\/notices\/\d+\/edit$/)
    const title = page.getByTestId('notice-title')
    await title.waitFor()
    await page.waitForFunction(() => document.querySelector('input[data-test="notice-title"]')?.value)
    assert.ok((await title.inputValue()).length > 0)
    await shot(page, 'policies-digest-as-notice')
  })

  it('lets a member register for a course', async () => {
    const { context, page } = b
    await signIn(context, page, 'member')
    await page.getByTestId('menu-training').click()
    const table = page.getByTestId('course-table')
    const link = table.getByText('复工复产疫情防控与安全生产线上培训')
    await link.waitFor()
    await link.click()
    await page.getByTestId('course-history').getByText('讲师所在小区封闭管理，改期两天').waitFor()
    // The demo member is registered already (and attended): cancel, then register again.
    const button = page.getByTestId('course-register')
    await button.getByText('取消报名').waitFor()
    await button.click()
    await button.getByText('报名', { exact: true }).waitFor()
    await button.click()
    await button.getByText('取消报名').waitFor()
    await page.getByTestId('course-registrations').getByText('楚天通信').waitFor()
    await shot(page, 'training-member')
  })

  it('lets the organiser mark attendance and postpone with a reason', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-admin')
    await page.getByTestId('menu-training').click()
    await page.getByTestId('course-table').getByText('复工复产疫情防控与安全生产线上培训').click()
    const regs = page.getByTestId('course-registrations')
    await regs.getByText('楚天通信').waitFor()
    const toggle = regs.locator('.el-switch').first()
    const wasOn = await toggle.evaluate((el) => el.classList.contains('is-checked'))
    await toggle.click()
    await page.waitForFunction(
      ([on]) => document.querySelector('[data-test="course-registrations"] .el-switch')?.classList.contains('is-checked') === !on,
      [wasOn],
    )
    await page.getByTestId('course-postpone').click()
    const dialog = page.getByTestId('postpone-dialog')
    await dialog.getByTestId('postpone-save').click()
    await dialog.locator('.el-form-item__error').first().waitFor()
    await dialog.getByTestId('postpone-reason').fill(`场地调整${RUN}`)
    await dialog.getByTestId('postpone-save').click()
    await page.getByTestId('course-history').getByText(`场地调整${RUN}`).waitFor()
    await shot(page, 'training-organiser')
  })
})
