// Bulletins (简报) in the browser: an editor composes an issue from an adopted piece, the
// epidemic section with its chart and a reporting summary, saves and previews it, submits it (送审); the approver
// finds it in the 待签发 queue, returns it with a comment, and signs it off when it is resubmitted; the editor publishes it;
// a member of a recipient organisation reads and acknowledges it in the inbox; the editor sees
// the receipt; the PDF downloads; a correction opens a new revision in the composer.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, apiAs, launch, shot, signIn } from './lib.mjs'

const EPIDEMIC_DATE = '2020-03-18'
const SEED_DIR = path.resolve(ROOT, '../shared/seed')

/** Fills an Element Plus date picker marked with data-test `id` inside `scope`. */
async function fillDate(scope, id, value) {
  const el = scope.getByTestId(id)
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first()
  await input.fill(value)
  await input.press('Enter')
}

/** Drags section `from` by its handle onto the upper half of section `to` (vuedraggable). */
async function dragSection(page, composer, from, to) {
  const handle = composer.getByTestId(`section-${from}`).locator('.drag-handle')
  const target = await composer.getByTestId(`section-${to}`).boundingBox()
  const h = await handle.boundingBox()
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(h.x + h.width / 2, h.y + ((target.y + 4 - h.y) * i) / 10)
    await page.waitForTimeout(30)
  }
  await page.mouse.up()
  await page.waitForTimeout(200)
}

/** Confirms the open Element Plus message box. */
async function confirmBox(page) {
  const box = page.locator('.el-message-box').last()
  await box.waitFor()
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

describe('bulletins', () => {
  let b
  let issueId = 0
  let epidemicAvailable = false

  before(async () => {
    b = await launch()
    const { api } = await apiAs('editor')
    const res = await api.get(`/api/v1/bulletins/sources/epidemic?date=${EPIDEMIC_DATE}`)
    epidemicAvailable = res.ok()
    if (!epidemicAvailable) {
      console.log(`# note: no epidemic figures for ${EPIDEMIC_DATE} in the demo (${res.status()}); a text section stands in`)
    }
    await api.dispose()
  })
  after(async () => {
    await b?.close()
  })

  it('an editor creates an issue and composes it from an adopted piece and the epidemic section', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('menu-bulletins').click()
    await page.getByTestId('issue-table').waitFor()
    await page.getByTestId('issue-table').locator('.el-table__row').first().waitFor()
    await shot(page, 'bulletins-list')

    await page.getByTestId('issue-create').click()
    const dialog = page.getByTestId('issue-create-dialog')
    await dialog.getByTestId('new-issue-series').click()
    await page.getByTestId('series-option-ccea-epidemic').click()
    await fillDate(dialog, 'new-issue-date', '2020-03-20')
    await dialog.getByTestId('new-issue-save').click()

    const composer = page.getByTestId('composer')
    await composer.waitFor()
    await page.waitForURL(/\/bulletins\/issues\/\d+\/edit$/)
    issueId = Number(/issues\/(\d+)\/edit/.exec(page.url())[1])
    await composer.getByTestId('sections-empty').waitFor()

    // An adopted piece: its section title names the organisation ("湖北行协·…", or the title as
    // it is when it already starts with the short name).
    const firstPiece = composer.getByTestId('pieces').locator('[data-test^="piece-"]').first()
    await firstPiece.waitFor()
    await firstPiece.getByTestId('piece-add').click()
    await composer.getByTestId('section-0').waitFor()
    // Every section title is editable (the piece keeps its own title).
    const pieceTitle = composer.getByTestId('section-0').getByTestId('section-title')
    assert.match(await pieceTitle.inputValue(), /行协/)
    assert.equal(await firstPiece.getByTestId('piece-add').innerText(), '已加入')

    // The epidemic section for the chosen date, or its "no figures" message.
    await composer.getByRole('tab', { name: '疫情动态' }).click()
    await fillDate(composer, 'epidemic-date', EPIDEMIC_DATE)
    await composer.getByTestId('epidemic-chart').click() // with the trend chart drawn into the PDF
    await composer.getByTestId('epidemic-add').click()
    if (epidemicAvailable) {
      await composer.getByTestId('section-1').waitFor()
      assert.equal(await composer.getByTestId('section-1').getAttribute('data-kind'), 'epidemic')
      await composer.getByTestId('section-1').getByTestId('section-toggle').click()
      assert.match(await composer.getByTestId('section-1').innerText(), /\[图: /)
      await composer.getByTestId('section-1').getByTestId('section-toggle').click()
    } else {
      await composer.getByTestId('epidemic-missing').waitFor()
      await composer.getByRole('tab', { name: '自由文本' }).click()
      await composer.getByTestId('text-title').fill('疫情动态（暂缺）')
      await composer.getByTestId('text-add').click()
      await composer.getByTestId('section-1').waitFor()
      await composer.getByTestId('section-1').getByTestId('section-body').fill('当日数据暂缺，以国家卫健委通报为准。')
    }
    // A summary another module offers: this month's reporting and adoption figures.
    await composer.getByRole('tab', { name: '数据汇总' }).click()
    await composer.getByTestId('summary-add').click()
    await composer.getByTestId('section-2').waitFor()
    assert.equal(await composer.getByTestId('section-2').getAttribute('data-kind'), 'summary')
    assert.match(await composer.getByTestId('section-2').getByTestId('section-title').inputValue(), /信息报送采用情况/)

    // Drag the second section above the first: the stored order follows (checked below).
    const kinds = () =>
      composer.locator('[data-test^="section-"][data-kind]').evaluateAll((els) => els.map((e) => e.dataset.kind))
    const second = (await kinds())[1]
    await dragSection(page, composer, 1, 0)
    assert.deepEqual(await kinds(), [second, 'piece', 'summary'])

    await composer.getByTestId('composer-closing-note').fill('（以上信息来源各省行协提供）')
    await composer.getByTestId('unsaved').waitFor()

    await composer.getByTestId('composer-save').click()
    await page.locator('.el-message--success').first().waitFor()
    await composer.getByTestId('unsaved').waitFor({ state: 'hidden' })

    await composer.getByTestId('composer-preview').click()
    await composer.getByTestId('preview-page-0').waitFor({ timeout: 30_000 })
    await shot(page, 'bulletins-composer')
    await composer.getByTestId('preview-page-0').click()
    const big = page.getByTestId('preview-dialog')
    await big.locator('img').waitFor()
    await page.waitForTimeout(600)
    await shot(page, 'bulletins-preview')
    await page.keyboard.press('Escape')
    await big.waitFor({ state: 'hidden' })

    // The stored draft holds both sections in order.
    const { api } = await apiAs('editor')
    const issue = await (await api.get(`/api/v1/bulletins/issues/${issueId}`)).json()
    assert.equal(issue.status, 'draft')
    assert.equal(issue.sections.length, 3)
    assert.equal(issue.sections[0].kind, epidemicAvailable ? 'epidemic' : 'text')
    if (epidemicAvailable) {
      assert.equal(issue.sections[0].chart, true)
      assert.match(issue.sections[0].body, /\]\(data:image\/png;base64,/)
    }
    assert.equal(issue.sections[1].kind, 'piece')
    assert.equal(issue.sections[2].kind, 'summary')
    assert.match(issue.sections[1].title, /^\S{2,6}行协/)
    assert.equal(issue.closing_note, '（以上信息来源各省行协提供）')
    assert.ok(issue.distribution.some((l) => l.to.includes('hubei-ctc')), 'hubei-ctc is in the distribution')
    await api.dispose()
  })

  it('the editor submits the issue for sign-off (送审)', async () => {
    const { page } = b
    await page.goto(`/bulletins/issues/${issueId}`)
    assert.equal(await page.getByTestId('issue-approve').count(), 0)
    await page.getByTestId('issue-submit').click()
    await confirmBox(page)
    await page.getByTestId('issue-actions').getByTestId('status-pending_approval').waitFor()
    await page.getByTestId('issue-thread').getByTestId('thread-submit').waitFor()
    assert.equal(await page.getByTestId('issue-edit').count(), 0) // a pending issue is not edited
  })

  it('the approver finds it in the 待签发 queue, returns it with a comment, and signs it when resubmitted', async () => {
    const { context, page } = b
    await signIn(context, page, 'approver')
    assert.match(await page.getByTestId('badge-bulletins-pending').innerText(), /[1-9]/)
    await page.getByTestId('menu-bulletins-pending').click()
    await page.getByTestId(`pending-actions-${issueId}`).getByTestId('action-view').click()
    await page.waitForURL(new RegExp(`/bulletins/issues/${issueId}$`))
    await page.getByTestId('issue-return').click()
    const box = page.locator('.el-message-box').last()
    await box.waitFor()
    await box.locator('textarea').fill('请核对第二篇的数据')
    await box.locator('.el-message-box__btns .el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
    await page.getByTestId('issue-actions').getByTestId('status-draft').waitFor()
    await page.getByTestId('issue-thread').getByTestId('thread-return').getByText('请核对第二篇的数据').waitFor()
    await shot(page, 'bulletins-returned')

    // The editor's workbench lists the returned issue with the approver's comment.
    await signIn(context, page, 'editor')
    const todo = page.getByTestId('todo-returned_issues')
    await todo.getByTestId('todo-comment').filter({ hasText: '请核对第二篇的数据' }).waitFor()
    assert.match(await todo.getByTestId('todo-comment').first().innerText(), /王建国/)
    await shot(page, 'workbench-returned-issues')

    // The editor is told, with the comment, answers in the thread and submits again.
    const editor = await apiAs('editor')
    const notes = await (await editor.api.get('/api/v1/notifications?unread=1')).json()
    const returned = notes.items.find((n) => n.entity === 'bulletin_issue' && n.entity_id === String(issueId))
    assert.equal(returned?.kind, 'bulletin.returned')
    assert.match(returned.title, /请核对第二篇的数据/)
    const base = `/api/v1/bulletins/issues/${issueId}`
    assert.equal((await editor.api.post(`${base}/comments`, { headers: editor.headers, data: { comment: '已核对' } })).status(), 201)
    assert.equal((await editor.api.post(`${base}/submit`, { headers: editor.headers })).status(), 200)
    await editor.api.dispose()

    await signIn(context, page, 'approver')
    await page.goto(`/bulletins/issues/${issueId}`)
    await page.getByTestId('issue-thread').getByText('已核对').waitFor()
    // The approver reads the pages beside 签发 and signs what he saw (their content_hash).
    await page.getByTestId('signoff-pages').getByTestId('signoff-page-0').waitFor()
    await page.getByTestId('issue-approve').click()
    await confirmBox(page)
    await page.getByTestId('issue-actions').getByTestId('status-approved').waitFor()
    assert.match(await page.getByTestId('approved-by').innerText(), /王建国/)
  })

  it('the editor publishes it and the files appear', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.goto(`/bulletins/issues/${issueId}`)
    assert.equal(await page.getByTestId('issue-approve').count(), 0)
    await page.getByTestId('issue-publish').click()
    await confirmBox(page)
    await page.getByTestId('issue-actions').getByTestId('status-published').waitFor({ timeout: 30_000 })
    for (const f of ['pdf', 'docx', 'html', 'txt']) {
      await page.getByTestId(`file-${f}`).waitFor()
      assert.match(await page.getByTestId(`sha-${f}`).innerText(), /^[0-9a-f]{64}$/)
    }
    await page.getByTestId('receipts').waitFor()
  })

  it('a member reads and acknowledges it in the inbox, and the PDF downloads', async () => {
    const { context, page } = b
    await signIn(context, page, 'member')
    // The side menu shows the unread count before the inbox is opened.
    assert.match(await page.getByTestId('badge-inbox').innerText(), /[1-9]/)
    await page.getByTestId('menu-inbox').click()
    await page.getByTestId('inbox-unread').waitFor()
    const open = page.getByTestId(`inbox-open-${issueId}`)
    await open.waitFor()
    assert.equal(await page.getByTestId(`inbox-state-${issueId}`).innerText(), '未读')
    await shot(page, 'bulletins-inbox-list')
    await open.click()
    const drawer = page.getByTestId('inbox-drawer')
    await drawer.getByTestId('inbox-sections').waitFor()
    await page.waitForFunction(
      () => document.querySelector('[data-test="drawer-read-at"]')?.textContent.trim() !== '—',
    )
    await page.getByTestId(`inbox-state-${issueId}`).getByText('已读').waitFor()
    await shot(page, 'bulletins-inbox')

    await drawer.getByTestId('inbox-ack').click()
    await confirmBox(page)
    await page.getByTestId(`inbox-state-${issueId}`).getByText('已签收').waitFor()
    assert.notEqual((await drawer.getByTestId('drawer-ack-at').innerText()).trim(), '—')

    // The PDF link answers with the stored PDF (same session as the browser).
    const href = await drawer.getByTestId('inbox-pdf').getAttribute('href')
    assert.equal(href, `/api/v1/bulletins/issues/${issueId}/files/pdf`)
    const res = await page.request.get(href)
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-type'], /^application\/pdf/)
    const body = await res.body()
    assert.equal(body.subarray(0, 4).toString('latin1'), '%PDF')
    assert.match(res.headers()['x-content-sha256'] ?? '', /^[0-9a-f]{64}$/)

    // The link of the e-mail copy opens the issue straight away.
    await page.goto(`/inbox?issue=${issueId}`)
    await page.getByTestId('inbox-drawer').getByTestId('inbox-sections').waitFor()
    assert.notEqual((await page.getByTestId('drawer-ack-at').innerText()).trim(), '—')
  })

  it('the editor sees the receipt and filters who has not yet read', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.goto(`/bulletins/issues/${issueId}`)
    const receipts = page.getByTestId('receipts')
    await receipts.getByTestId('receipt-member').waitFor()
    await receipts.getByTestId('acked-member').waitFor()
    await receipts.getByTestId('read-member').waitFor()
    assert.match(await receipts.getByTestId('receipts-summary').innerText(), /已签收 [1-9]/)
    await shot(page, 'bulletins-receipts')
    await receipts.getByTestId('receipts-unread').click()
    await receipts.getByTestId('receipt-member').waitFor({ state: 'detached' })
  })

  it('the editor starts a correction, which needs a note and opens the new revision', async () => {
    const { page } = b
    await page.getByTestId('issue-correct').click()
    const box = page.locator('.el-message-box').last()
    await box.waitFor()
    await box.locator('.el-message-box__btns .el-button--primary').click()
    await box.locator('.el-message-box__errormsg').getByText('请填写更正说明').waitFor()
    await box.locator('input').fill('第1篇标题更正')
    await box.locator('.el-message-box__btns .el-button--primary').click()
    await page.waitForURL(/\/bulletins\/issues\/\d+\/edit$/)
    const revId = Number(/issues\/(\d+)\/edit/.exec(page.url())[1])
    assert.notEqual(revId, issueId)
    const composer = page.getByTestId('composer')
    await composer.getByText('更正版（第2版）').waitFor()
    assert.equal(await composer.getByTestId('composer-revision-note').inputValue(), '第1篇标题更正')
    await composer.getByTestId('section-0').waitFor()

    // Sign off and publish the revision; the archive then shows both, the first superseded.
    const approver = await apiAs('approver')
    const editor = await apiAs('editor')
    assert.equal((await editor.api.post(`/api/v1/bulletins/issues/${revId}/submit`, { headers: editor.headers })).status(), 200)
    assert.equal((await approver.api.post(`/api/v1/bulletins/issues/${revId}/approve`, { headers: approver.headers })).status(), 200)
    assert.equal((await editor.api.post(`/api/v1/bulletins/issues/${revId}/publish`, { headers: editor.headers })).status(), 200)
    await approver.api.dispose()
    await editor.api.dispose()

    await page.getByTestId('menu-archive').click()
    const table = page.getByTestId('archive-table')
    await table.getByTestId(`archive-issue-${issueId}`).waitFor()
    await table.getByTestId(`archive-issue-${revId}`).waitFor()
    assert.match(await table.getByTestId(`archive-issue-${revId}`).innerText(), /更正版（第2版）/)
    const oldRow = table.locator('.el-table__row', { has: page.getByTestId(`archive-issue-${issueId}`) })
    await oldRow.getByTestId('status-superseded').waitFor()
    const newRow = table.locator('.el-table__row', { has: page.getByTestId(`archive-issue-${revId}`) })
    await newRow.getByText('第1篇标题更正').waitFor()
    assert.equal(await newRow.getByTestId('file-pdf').count(), 1)
    await shot(page, 'bulletins-archive')
  })

  it('an editor imports a legacy text bulletin and sees what was recognised', async () => {
    const { page } = b
    const seed = fs.existsSync(SEED_DIR) ? fs.readdirSync(SEED_DIR).find((f) => f.endsWith('.txt')) : undefined
    if (!seed) {
      console.log('# note: ../shared/seed not present; legacy import in the UI not tested')
      return
    }
    // The demo already holds the seed as issue 31: give this copy another number.
    const text = fs.readFileSync(path.join(SEED_DIR, seed), 'utf8').replace(/第\s*31\s*期/, '第 90 期')
    const tmp = path.join(os.tmpdir(), `legacy-${Date.now()}.txt`)
    fs.writeFileSync(tmp, text)
    try {
      await page.getByTestId('menu-bulletins').click()
      await page.getByTestId('bulletin-import').click()
      const form = page.getByTestId('import-page')
      await form.getByTestId('import-series').click()
      await page.locator('.el-select-dropdown__item', { hasText: '信息通信行业抗击疫情' }).first().click()
      await form.locator('input[type=file]').setInputFiles(tmp)
      await form.getByTestId('import-file-name').waitFor()
      await form.getByTestId('import-submit').click()
      await form.getByTestId('import-done').waitFor({ timeout: 30_000 })
      const recognised = await form.getByTestId('import-recognised').innerText()
      assert.match(recognised, /第90期/)
      assert.match(recognised, /2020-03-19/)
      // 7 entries in the contents: six articles and the statistics section.
      assert.match(recognised, /目录：7 条/)
      assert.equal((recognised.match(/文章：/g) ?? []).length, 6)
      assert.match(recognised, /统计：新型冠状病毒肺炎疫情动态/)
      await shot(page, 'bulletins-import')
      await form.getByTestId('import-open').click()
      await page.getByTestId('issue-page').getByTestId('file-pdf').waitFor()
    } finally {
      fs.rmSync(tmp, { force: true })
    }
  })
})
