// Saves the README screenshots (1360×860, viewport only, no toast messages) to docs/screenshots/:
// login.png, workbench.png, orgs.png, users.png, audit.png, bulletin-composer.png (an issue
// with an adopted piece, the epidemic section with its chart and a reporting summary),
// bulletin-preview.png (its chart page), epidemic-validation.png.
//
// A script, not a test: `node tests/e2e/screenshots.mjs` against JIANBAO_URL, a server started
// with --demo (tests/e2e/screenshots.sh starts one). It creates and then changes one user
// through the API so the audit log has a before → after to show.
import fs from 'node:fs'
import path from 'node:path'
import { DEMO_PASSWORD, ROOT, apiAs, launch, resetBrowser, signIn } from './lib.mjs'

const OUT = path.join(ROOT, 'docs', 'screenshots')

/** Waits until no toast, loading mask or transition is on screen, then saves the viewport. */
async function capture(page, name) {
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 })
  await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' })
  await page.mouse.move(1350, 850) // no hover highlight
  // Every picture shows the top of its page, whatever a click scrolled.
  await page.evaluate(() => {
    for (const el of [document.scrollingElement, ...document.querySelectorAll('*')]) {
      if (el && el.scrollTop > 0) el.scrollTop = 0
    }
  })
  await page.waitForTimeout(500) // let Element Plus transitions settle
  // A toast that appeared during the wait would spoil the picture.
  if ((await page.locator('.el-message').count()) > 0) throw new Error(`a message is visible on ${name}`)
  const file = path.join(OUT, `${name}.png`)
  await page.screenshot({ path: file, type: 'png', fullPage: false, animations: 'disabled', caret: 'hide' })
  console.log(`screenshots: ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`)
}

/** Creates a provincial reporter and then renames them and adds a role, as admin, via the API. */
async function prepareAuditEntry() {
  const { api, headers } = await apiAs('admin')
  try {
    let login = 'hubei-liuxm'
    let res = await api.post('/api/v1/users', {
      headers,
      data: { login, password: DEMO_PASSWORD, org: 'hubei', roles: ['reporter'], name: '刘晓明' },
    })
    if (res.status() === 409) {
      // Not a fresh demo database: the login is taken by an earlier run.
      login = `hubei-liuxm-${Date.now().toString(36)}`
      res = await api.post('/api/v1/users', {
        headers,
        data: { login, password: DEMO_PASSWORD, org: 'hubei', roles: ['reporter'], name: '刘晓明' },
      })
    }
    if (!res.ok()) throw new Error(`creating ${login} failed: ${res.status()} ${await res.text()}`)
    const { id } = await res.json()
    res = await api.patch(`/api/v1/users/${id}`, {
      headers,
      data: { name: '刘晓敏', roles: ['reporter', 'complaint_handler'] },
    })
    if (!res.ok()) throw new Error(`changing ${login} failed: ${res.status()} ${await res.text()}`)
    return login
  } finally {
    await api.dispose()
  }
}

/** Creates a draft issue from the demo's sources as the editor, via the API; returns its id. */
async function prepareIssue() {
  const { api, headers } = await apiAs('editor')
  try {
    const json = async (res) => {
      if (!res.ok()) throw new Error(`${res.url()}: ${res.status()} ${await res.text()}`)
      return res.json()
    }
    const issue = await json(await api.post('/api/v1/bulletins/issues', { headers, data: { series: 'ccea-epidemic', date: '2020-03-20' } }))
    const pieces = await json(await api.get('/api/v1/bulletins/sources/pieces'))
    const piece = await json(await api.get(`/api/v1/bulletins/sources/pieces/${pieces.items[0].id}`))
    const epidemic = await json(await api.get('/api/v1/bulletins/sources/epidemic?date=2020-03-18&chart=1'))
    const year = new Date().getFullYear()
    const summary = await json(
      await api.get(`/api/v1/bulletins/sources/summaries/submissions?from=${year}-01-01&to=${year}-12-31`),
    )
    await json(
      await api.put(`/api/v1/bulletins/issues/${issue.id}`, {
        headers,
        data: { date: '2020-03-20', copies: 100, sections: [piece, epidemic, summary], closing_note: '（以上信息来源各省行协提供）' },
      }),
    )
    return issue.id
  } finally {
    await api.dispose()
  }
}

fs.mkdirSync(OUT, { recursive: true })
const b = await launch()
try {
  const { context, page } = b

  await resetBrowser(context, page)
  // Filled in, so the button shows as it does when one signs in.
  await page.getByTestId('login').fill('admin')
  await page.getByTestId('password').fill(DEMO_PASSWORD)
  await page.getByTestId('password').blur()
  await capture(page, 'login')

  await signIn(context, page, 'admin')
  await page.getByTestId('menu-workbench').waitFor()
  await capture(page, 'workbench')

  await page.getByTestId('menu-orgs').click()
  await page.getByTestId('org-tree').getByText('湖北省通信行业协会').waitFor()
  await capture(page, 'orgs')

  const login = await prepareAuditEntry()

  await page.getByTestId('menu-users').click()
  await page.getByTestId('user-table').getByText(login).waitFor()
  await capture(page, 'users')

  await page.getByTestId('menu-audit').click()
  const rows = page.getByTestId('audit-table').locator('tr.el-table__row')
  // Newest first: the change of the user made above.
  const update = rows.filter({ hasText: '修改用户' }).first()
  await update.waitFor()
  await update.locator('.el-table__expand-icon').click()
  const diff = page.getByTestId('json-diff').first()
  await diff.getByText('刘晓敏').waitFor()
  await capture(page, 'audit')

  const issueId = await prepareIssue()
  await signIn(context, page, 'editor')
  await page.goto(`/bulletins/issues/${issueId}/edit`)
  const composer = page.getByTestId('composer')
  await composer.getByTestId('section-2').waitFor()
  await composer.getByRole('tab', { name: '数据汇总' }).click()
  await composer.getByTestId('composer-preview').click()
  await composer.getByTestId('preview-page-0').waitFor({ timeout: 30_000 })
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 })
  await capture(page, 'bulletin-composer')
  // The page with the epidemic chart (the third of four), enlarged.
  const pages = composer.locator('[data-test^="preview-page-"]')
  await pages.nth(Math.min(2, (await pages.count()) - 1)).click()
  await page.getByTestId('preview-dialog').locator('img').waitFor()
  await capture(page, 'bulletin-preview')
  await page.keyboard.press('Escape')

  await page.goto('/epidemic/validation?from=2020-04-01&to=2020-04-30')
  await page.getByTestId('validation-status-chart').locator('canvas').first().waitFor()
  await page.getByTestId('validation-violations').locator('.el-table__row').first().waitFor()
  await capture(page, 'epidemic-validation')
} finally {
  await b.close()
}
