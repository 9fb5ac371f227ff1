// 全文检索 in the browser: a reporter writes a piece, finds it from the header's search box
// with the match highlighted, filters by kind through the facets and by state, switches to English, and
// sees the empty state with its tips; another province's reporter does not find the draft; a member
// opens a notice and a policy from their hits.
// Every page is checked for Content-Security-Policy violations (launch/close).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, launch, shot, signIn } from './lib.mjs'

// Rare characters, so the demo data never matches.
const WORD = '鑫淼犇'
const TITLE = `检索测试${WORD}稿件`

describe('search', () => {
  let browser
  let pieceId
  before(async () => {
    browser = await launch()
    const { api, headers } = await apiAs('hubei-reporter')
    const res = await api.post('/api/v1/submissions', {
      headers,
      data: { title: TITLE, body: `第一段讲<b>标签</b>与${WORD}。\n\n第二段。`, authors: ['李娜'] },
    })
    assert.equal(res.status(), 201, await res.text())
    pieceId = (await res.json()).id
  })
  after(async () => {
    await browser.close()
  })

  it('finds a piece from the header box, with marked matches and escaped text', async () => {
    const { context, page } = browser
    await signIn(context, page, 'hubei-reporter')
    await page.getByTestId('header-search').fill(WORD)
    await page.getByTestId('header-search').press('Enter')
    const hit = page.getByTestId(`hit-piece-${pieceId}`)
    await hit.waitFor()
    assert.equal(await hit.locator('mark').first().textContent(), WORD)
    // The server escaped "<b>": it shows as text, never as markup.
    assert.match(await hit.getByTestId('snippet').textContent(), /<b>标签<\/b>/)
    assert.equal(await hit.locator('b').count(), 0)
    await page.getByTestId('facet-piece').waitFor()
    assert.match(await page.getByTestId('facet-piece').textContent(), /1/)
    await shot(page, 'search-results')
    await page.getByTestId('facet-piece').click()
    await hit.waitFor()
    assert.match(page.url(), /kind=piece/)
    await hit.locator('a').click()
    await page.waitForURL(new RegExp(`/submissions/${pieceId}`))
  })

  it('filters by state through the address and the state select', async () => {
    const { page } = browser
    const hit = page.getByTestId(`hit-piece-${pieceId}`)
    await page.goto('/search?q=' + encodeURIComponent(WORD) + '&state=submitted')
    await page.getByTestId('search-empty').waitFor()
    await page.getByTestId('search-state').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '草稿' }).click()
    await hit.waitFor()
    assert.match(page.url(), /state=draft/)
    await shot(page, 'search-state-filter')
  })

  it('shows the empty state with tips, in both languages', async () => {
    const { page } = browser
    await page.goto('/search?q=' + encodeURIComponent('龘龘龘不存在'))
    await page.getByTestId('search-empty').waitFor()
    assert.match(await page.getByTestId('search-empty').textContent(), /试试更短的词/)
    await shot(page, 'search-empty')
    await page.evaluate(() => localStorage.setItem('jianbao.locale', 'en'))
    await page.reload()
    await page.getByTestId('search-empty').waitFor()
    await shot(page, 'search-empty-en')
  })

  it('never shows another province a draft', async () => {
    const { context, page } = browser
    await signIn(context, page, 'hebei-reporter')
    await page.goto('/search?q=' + encodeURIComponent(WORD))
    await page.getByTestId('search-empty').waitFor()
    assert.equal(await page.getByTestId(`hit-piece-${pieceId}`).count(), 0)
  })

  it('opens a notice and a policy from their hits', async () => {
    const { context, page } = browser
    // 孙磊 of 楚天通信 received the demo 慰问信; every signed-in user reads the policies.
    await signIn(context, page, 'member')
    await page.goto('/search?q=' + encodeURIComponent('慰问信') + '&kind=notice')
    const notice = page.locator('[data-test^="hit-notice-"]').first()
    await notice.waitFor()
    await notice.locator('a.hit-title').click()
    await page.waitForURL(/\/notices\/\d+$/)
    await page.goto('/search?q=' + encodeURIComponent('共渡难关') + '&kind=policy')
    const policy = page.locator('[data-test^="hit-policy-"]').first()
    await policy.waitFor()
    await shot(page, 'search-policy')
    await policy.locator('a.hit-title').click()
    await page.waitForURL(/\/policies\?q=/)
    await page.getByText('共渡难关').first().waitFor()
  })
})
