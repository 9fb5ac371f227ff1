// 信息报送 in the browser: a reporter imports a .docx and submits it; an editor returns it with
// a reason; the reporter fixes and resubmits; the editor adopts it after comparing versions;
// the statistics page counts it and the .xlsx export downloads. Screenshots of every screen.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SHOTS, launch, shot, signIn } from './lib.mjs'

const STAMP = Date.now().toString(36)
const TITLE = `湖北行协开展应急通信保障演练 ${STAMP}`
const REASON = '请补充参演人数和演练时长'
// What Word puts on the clipboard for a heading and a numbered list (list items are paragraphs
// with the number typed in a span Word marks mso-list:Ignore), and a picture on the disk.
const WORD_HTML =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->' +
  '<h2 style="mso-outline-level:2">后续安排<o:p></o:p></h2>' +
  '<p class="MsoListParagraphCxSpFirst" style="text-indent:-18pt;mso-list:l0 level1 lfo1">' +
  '<span style="mso-list:Ignore">1.<span>&nbsp;&nbsp;</span></span>总结经验<o:p></o:p></p>' +
  '<p class="MsoListParagraphCxSpLast" style="text-indent:-18pt;mso-list:l0 level1 lfo1">' +
  '<span style="mso-list:Ignore">2.<span>&nbsp;&nbsp;</span></span>完善预案<o:p></o:p></p>' +
  '<p class="MsoNormal"><img width="20" height="20" src="file:///C:/Users/li/AppData/image001.png"></p>' +
  '<!--EndFragment--></body></html>'
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const RICH_MARKDOWN = [
  '## 演练概况',
  '',
  '共有**120 人**参加。',
  '',
  '- 基站抢通',
  '- 应急供电',
  '',
  '| 地区  | 人数  | 时长  |',
  '| --- | --- | --- |',
  '| 武汉  | 80  | 4   |',
  '| 宜昌  | 40  | 3   |',
  '',
  '## 后续安排',
  '',
  '1. 总结经验',
  '2. 完善预案',
  '',
  `![示意图](data:image/png;base64,${PIXEL_PNG})`,
].join('\n')

// --- a .docx made at test time -------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A zip of stored (uncompressed) entries: enough for a minimal .docx. */
function zip(entries) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8')
    const nameBuf = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(0, 8) // stored
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    locals.push(local, nameBuf, data)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBuf.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, nameBuf)
    offset += 30 + nameBuf.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

function minimalDocx(title, paragraphs) {
  const p = (text, style) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${p(title, 'Title')}${paragraphs.map((x) => p(x)).join('')}</w:body></w:document>`,
  })
}

/** Writes the test's .docx into `dir`: LibreOffice from HTML when installed, else a zip built here. */
function makeDocx(dir) {
  const out = path.join(dir, 'drill.docx')
  const paragraphs = ['本月，协会组织会员单位开展应急通信保障演练，检验抢通能力。', '演练设置了基站抢通、卫星电话和应急车三个科目。']
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>drill</title></head><body>
<h1>${TITLE}</h1>${paragraphs.map((x) => `<p>${x}</p>`).join('')}
<ul><li>基站抢通</li><li>卫星电话</li></ul></body></html>`
  const src = path.join(dir, 'drill.html')
  fs.writeFileSync(src, html)
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'lo')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, src],
      { stdio: 'ignore', timeout: 90_000 },
    )
    if (fs.existsSync(out)) return { file: out, how: 'soffice' }
  } catch {
    // no LibreOffice (or it failed): build the minimal .docx below
  }
  fs.writeFileSync(out, minimalDocx(TITLE, paragraphs))
  return { file: out, how: 'zip' }
}

// --- helpers -------------------------------------------------------------------------------

/** Waits for the piece page to show `state` (data-test="state-<state>" in the heading). */
async function expectState(page, state) {
  await page.locator('.title-row').getByTestId(`state-${state}`).waitFor()
}

/** Opens the piece with TITLE from a list table. */
async function openFromTable(page, table) {
  const link = page.getByTestId(table).getByRole('link', { name: TITLE })
  await link.waitFor()
  await link.click()
  await page.getByTestId('piece-heading').waitFor()
  assert.equal((await page.getByTestId('piece-heading').innerText()).trim(), TITLE)
}

describe('information reporting (信息报送)', () => {
  let b
  let tmp
  let docx

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-sub-'))
    docx = makeDocx(tmp)
    b = await launch()
  })
  after(async () => {
    await b?.close()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('reporter imports a .docx into a draft and submits it', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-reporter')
    await page.getByTestId('menu-submissions-mine').click()
    await page.getByTestId('piece-table').locator('.el-table__row').first().waitFor()
    await shot(page, 'submissions-mine')

    await page.getByTestId('piece-import').click()
    const dialog = page.getByTestId('import-dialog')
    await dialog.waitFor()
    await shot(page, 'submissions-import-dialog')
    await dialog.locator('input[type=file]').setInputFiles(docx.file)
    await page.waitForURL(/\/submissions\/\d+\/edit/)
    const title = page.getByTestId('piece-title')
    await page.waitForFunction(
      (t) => document.querySelector('[data-test="piece-title"]')?.value === t,
      TITLE,
    )
    assert.equal(await title.inputValue(), TITLE, `title from the .docx (${docx.how})`)
    // The imported body opens in the rich-text editor (the default), laid out as a reader sees it.
    await page.getByTestId('piece-rich').locator('li', { hasText: '基站抢通' }).waitFor()
    assert.match(await page.getByTestId('piece-rich').innerText(), /应急通信保障演练/)
    // The importer leaves authors empty: add a second author next to none, then check the tag.
    const authors = page.getByTestId('piece-authors')
    await authors.click()
    await authors.locator('input').pressSequentially('王磊')
    await page.locator('.el-select-dropdown__item', { hasText: '王磊' }).first().click()
    await authors.locator('.el-tag', { hasText: '王磊' }).waitFor()
    await page.getByTestId('piece-contact').fill('027-87650000')
    await shot(page, 'submissions-editor-imported')

    await page.getByTestId('piece-action-submit').click()
    await page.waitForURL(/\/submissions\/\d+$/)
    await expectState(page, 'submitted')
    const meta = await page.locator('.el-descriptions').innerText()
    assert.match(meta, /王磊/)
    assert.match(meta, /027-87650000/)
  })

  it('editor returns it with a reason', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('menu-submissions-review').click()
    await page.getByTestId('review-table').locator('.el-table__row').first().waitFor()
    await shot(page, 'submissions-review-queue')
    // The menu badge counts the pieces waiting, as the queue's own total does.
    const waiting = (await page.getByTestId('review-pager').locator('.el-pagination__total').innerText()).match(/\d+/)[0]
    await page.getByTestId('badge-submissions-review').getByText(waiting, { exact: true }).waitFor()
    await openFromTable(page, 'review-table')

    await page.getByTestId('piece-action-return').click()
    const dialog = page.getByTestId('reason-dialog')
    await dialog.waitFor()
    // The reason is required: confirming without one keeps the dialog open.
    await dialog.getByTestId('reason-confirm').click()
    await dialog.getByText('请填写理由').first().waitFor()
    await dialog.getByTestId('reason-input').fill(REASON)
    await dialog.getByTestId('reason-confirm').click()
    await expectState(page, 'returned')
    await page.getByTestId('return-reason').getByText(REASON).waitFor()
    await page.locator('#tab-comments').click()
    await page.getByTestId('comment-input').fill('人数可参照去年的演练通报。')
    await page.getByTestId('comment-send').click()
    await page.getByTestId('comments').getByText('人数可参照去年的演练通报。').waitFor()
    await shot(page, 'submissions-review-returned')
  })

  it('reporter sees the reason, fixes the piece and resubmits', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-reporter')
    await page.getByTestId('menu-submissions-mine').click()
    await page.getByTestId('notify-bell').locator('.el-badge__content').waitFor() // unread count shown
    await page.getByTestId('notify-bell').click()
    await page.getByTestId('notify-list').getByText(TITLE).first().waitFor()
    await shot(page, 'submissions-notifications-reporter')

    await page.getByTestId('menu-submissions-mine').click()
    await openFromTable(page, 'piece-table')
    await page.getByTestId('return-reason').getByText(REASON).waitFor()
    await page.getByTestId('piece-edit').click()
    await page.waitForURL(/\/edit$/)
    await page.getByTestId('body-mode-markdown').click() // Markdown is kept as an option
    const body = page.getByTestId('piece-body')
    await body.waitFor()
    await page.waitForFunction(() => (document.querySelector('[data-test="piece-body"]')?.value ?? '') !== '')
    await body.fill(`${await body.inputValue()}\n\n共 120 人参演，历时 4 小时。`)
    await page.getByTestId('piece-note').fill('补充参演人数和时长')
    await page.getByTestId('piece-preview').getByText('共 120 人参演').waitFor()
    await shot(page, 'submissions-editor-fix')
    await page.getByTestId('piece-action-resubmit').click()
    await page.waitForURL(/\/submissions\/\d+$/)
    await expectState(page, 'resubmitted')
  })

  it('editor compares the versions and adopts it', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('menu-submissions-review').click()
    await openFromTable(page, 'review-table')
    const diff = page.getByTestId('diff')
    await diff.locator('.line.insert', { hasText: '共 120 人参演' }).waitFor()
    // The diff reads as laid out (a list item with its bullet), the Markdown source one click away.
    await diff.locator('.r').first().waitFor()
    if (docx.how === 'soffice') {
      await diff.locator('.r.item', { hasText: '基站抢通' }).locator('.marker', { hasText: '•' }).waitFor()
      await diff.getByTestId('diff-source').click()
      await diff.locator('.line', { hasText: /[-*+] 基站抢通/ }).waitFor()
      await diff.getByTestId('diff-source').click()
    }
    await shot(page, 'submissions-review-diff')

    await page.getByTestId('piece-action-adopt').click()
    const dialog = page.getByTestId('reason-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('reason-confirm').click() // reason optional for adopt
    await expectState(page, 'adopted')
  })

  it('statistics count it and export .xlsx', async () => {
    const { page } = b
    await page.getByTestId('menu-submissions-stats').click()
    const table = page.getByTestId('stats-table')
    await table.getByText('湖北省通信行业协会').waitFor()
    await page.getByTestId('stats-chart').locator('canvas').waitFor()
    await shot(page, 'submissions-stats')
    await page.getByTestId('stats-chart').scrollIntoViewIfNeeded()
    await page.waitForTimeout(600)
    await page.getByTestId('stats-chart').screenshot({ path: path.join(SHOTS, 'submissions-stats-chart.png') })

    await page.getByTestId('stats-adopted-hubei').click()
    const drill = page.getByTestId('stats-drill')
    await drill.getByText(TITLE).waitFor()
    await shot(page, 'submissions-stats-drill')
    await page.keyboard.press('Escape')
    await drill.waitFor({ state: 'hidden' })

    const link = page.getByTestId('stats-export-xlsx')
    const href = await link.getAttribute('href')
    assert.match(href, /\/api\/v1\/submissions\/stats\/export\?.*format=xlsx/)
    const res = await page.request.get(href)
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-type'], /spreadsheetml\.sheet/)
    assert.equal((await res.body()).subarray(0, 2).toString(), 'PK')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
  })

  it('commissions: the editor lists them and opens the form', async () => {
    const { page } = b
    await page.getByTestId('menu-submissions-commissions').click()
    await page.getByTestId('commission-table').locator('.el-table__row').first().waitFor()
    await shot(page, 'submissions-commissions')
    await page.getByTestId('commission-create').click()
    await page.getByTestId('commission-dialog').getByTestId('commission-topic').waitFor()
    await shot(page, 'submissions-commission-create')
    await page.keyboard.press('Escape')
  })

  it('a reporter answers a commission addressed to them with a piece', async () => {
    const { context, page } = b
    await signIn(context, page, 'heilongjiang-reporter')
    await page.getByTestId('menu-submissions-commissions').click()
    const row = page.getByTestId('commission-table').locator('.el-table__row', { hasText: '冬季极寒天气通信保障' })
    await row.waitFor()
    await shot(page, 'submissions-commissions-reporter')
    await row.getByRole('button', { name: '撰写稿件' }).click()
    await page.waitForURL(/\/submissions\/new\?commission=/)
    await page.waitForFunction(() => document.querySelector('[data-test="piece-title"]')?.value === '冬季极寒天气通信保障')
    await page.getByTestId('body-mode-markdown').click()
    await page.getByTestId('piece-body').fill('黑龙江行协组织会员单位开展**极寒天气**通信保障。\n\n- 提前储备油机\n- 加密巡检')
    await page.getByTestId('piece-preview').locator('strong', { hasText: '极寒天气' }).waitFor()
    await page.getByTestId('piece-save').click()
    await page.waitForURL(/\/submissions\/\d+\/edit$/)
    await page.getByTestId('piece-action-submit').waitFor()

    // An attachment: upload a text file, see it listed, download it.
    const note = path.join(tmp, '保障清单.txt')
    fs.writeFileSync(note, '油机 12 台\n应急车 3 辆\n')
    await page.getByTestId('attachment-upload').locator('input[type=file]').setInputFiles(note)
    const att = page.getByTestId('attachment-table').locator('.el-table__row', { hasText: '保障清单.txt' })
    await att.waitFor()
    const href = await att.getByRole('link', { name: '下载' }).getAttribute('href')
    const res = await page.request.get(href)
    assert.equal(res.status(), 200)
    assert.equal((await res.text()).trim(), '油机 12 台\n应急车 3 辆')
    await shot(page, 'submissions-commission-answer')
  })

  it('a piece written in the rich-text editor is stored as CommonMark and re-opens the same', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-reporter')
    await page.goto('/submissions/new')
    await page.getByTestId('piece-title').fill(`富文本编辑 ${STAMP}`)
    const rich = page.getByTestId('piece-rich')
    await rich.click()
    await page.getByTestId('rich-h2').click()
    await page.keyboard.type('演练概况')
    await page.keyboard.press('Enter')
    await page.keyboard.type('共有')
    await page.getByTestId('rich-bold').click()
    await page.keyboard.type('120 人')
    await page.getByTestId('rich-bold').click()
    await page.keyboard.type('参加。')
    await page.keyboard.press('Enter')
    await page.getByTestId('rich-bulletList').click()
    await page.keyboard.type('基站抢通')
    await page.keyboard.press('Enter')
    await page.keyboard.type('应急供电')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.getByTestId('rich-table').click()
    for (const [i, cell] of ['地区', '人数', '时长', '武汉', '80', '4', '宜昌', '40', '3'].entries()) {
      if (i) await page.keyboard.press('Tab')
      await page.keyboard.type(cell)
    }
    // Paste from Word: a heading and a numbered list written as Word list paragraphs, and an
    // image on the writer's disk (dropped: it could be neither shown nor stored).
    await rich.press('Control+End')
    await rich.evaluate((el, html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', '后续安排')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, WORD_HTML)
    await rich.locator('ol li', { hasText: '完善预案' }).waitFor()
    // An image uploaded from the toolbar is kept in the text as a data: URI.
    const png = path.join(tmp, '示意图.png')
    fs.writeFileSync(png, Buffer.from(PIXEL_PNG, 'base64'))
    await page.getByTestId('rich-image-file').setInputFiles(png)
    // The editor asks for the image's text alternative (offering the file name).
    const altBox = page.locator('.el-message-box').last()
    assert.equal(await altBox.locator('input').inputValue(), '示意图')
    await altBox.locator('.el-message-box__btns .el-button--primary').click()
    await rich.locator('img[alt="示意图"]').waitFor()
    await shot(page, 'submissions-rich-editor')
    await page.getByTestId('piece-save').click()
    await page.waitForURL(/\/submissions\/\d+\/edit$/)
    const id = page.url().match(/submissions\/(\d+)\/edit/)[1]
    const stored = await (await page.request.get(`/api/v1/submissions/${id}`)).json()
    assert.equal(stored.body, RICH_MARKDOWN)
    assert.match(stored.body_html, /<table>[\s\S]*<th>地区<\/th>[\s\S]*<td>宜昌<\/td>/)
    assert.match(stored.body_html, /<img src="data:image\/png;base64,/)

    // Re-opened, the editor shows the same and writes the same text back after an edit undone.
    await page.reload()
    await rich.locator('td', { hasText: '宜昌' }).waitFor()
    await rich.locator('strong', { hasText: '120 人' }).waitFor()
    await rich.press('Control+End')
    await page.keyboard.type('x')
    await page.keyboard.press('Backspace')
    await page.getByTestId('body-mode-markdown').click()
    assert.equal(await page.getByTestId('piece-body').inputValue(), RICH_MARKDOWN)
  })

  it('an editor returns pieces in bulk with one reason', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('menu-submissions-review').click()
    const row = page.getByTestId('review-table').locator('.el-table__row', { hasText: '河北行协走访会员单位了解经营困难' })
    await row.waitFor()
    await row.locator('.el-checkbox').click()
    await page.getByTestId('bulk-return').click()
    const dialog = page.getByTestId('reason-dialog')
    await dialog.getByTestId('reason-input').fill('请补充走访企业名单')
    await dialog.getByTestId('reason-confirm').click()
    await row.waitFor({ state: 'detached' }) // the queue shows waiting pieces only
    await page.getByTestId('filter-state').click()
    await page.locator('.el-select-dropdown__item', { hasText: '退回修改' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('filter-search').click()
    await page.getByTestId('review-table').locator('.el-table__row', { hasText: '河北行协走访会员单位了解经营困难' }).waitFor()
    await shot(page, 'submissions-review-bulk')
  })

  it('a broken .docx gets a clear error and stores nothing', async () => {
    const { context, page } = b
    await signIn(context, page, 'hubei-reporter')
    await page.getByTestId('menu-submissions-mine').click()
    await page.getByTestId('piece-table').locator('.el-table__row').first().waitFor()
    const total = await page.getByTestId('piece-pager').locator('.el-pagination__total').innerText()
    const bad = path.join(tmp, 'broken.docx')
    fs.writeFileSync(bad, 'this is not a zip archive')
    await page.getByTestId('piece-import').click()
    const dialog = page.getByTestId('import-dialog')
    await dialog.locator('input[type=file]').setInputFiles(bad)
    // The server's own Chinese message (errors.cc) names the problem.
    await dialog.getByTestId('error').getByText(/已损坏|不是有效的 .docx|不是 Word/).waitFor()
    await shot(page, 'submissions-import-error')
    await page.keyboard.press('Escape')
    await page.reload()
    await page.getByTestId('piece-table').locator('.el-table__row').first().waitFor()
    assert.equal(await page.getByTestId('piece-pager').locator('.el-pagination__total').innerText(), total)
  })

  it('shows the review queue in English', async () => {
    const { context, page } = b
    await signIn(context, page, 'editor')
    await page.getByTestId('locale-switch').click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.getByTestId('menu-submissions-review').click()
    await page.getByTestId('review-table').getByText('Submitted').first().waitFor()
    await shot(page, 'submissions-review-queue-en')
  })
})
