// Shared helpers of the browser tests: launch Debian's chromium through playwright-core
// (taken from web/node_modules, never downloading a browser), sign in, take screenshots, and
// check every screen with axe-core (also from web/node_modules) against WCAG 2.1 A/AA.
import { createRequire } from 'node:module'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(path.join(ROOT, 'web', 'package.json'))
const { chromium, request, selectors } = require('playwright-core')

// Pages mark elements for tests with data-test="…"; getByTestId looks them up.
selectors.setTestIdAttribute('data-test')

/** Base URL of the server under test (set by tests/e2e/run.sh). */
export const BASE_URL = process.env.JIANBAO_URL ?? 'http://127.0.0.1:8080'
/** Password of every demo user. */
export const DEMO_PASSWORD = 'Jianbao@2020'
export const SHOTS = path.join(ROOT, 'web', 'test-results')

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Marker of the console line the page writes for each Content-Security-Policy violation.
const CSP_MARK = 'jianbao-csp-violation:'

/**
 * Makes every page of `context` report Content-Security-Policy violations (blocked inline
 * styles or scripts, eval, foreign sources) into the returned array, one readable line each.
 */
export async function watchCsp(context) {
  const violations = []
  await context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const at = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''
      console.error(`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${at} on ${location.pathname} ${e.sample}`)
    })
  }, CSP_MARK)
  context.on('console', (m) => {
    if (m.text().startsWith(CSP_MARK)) violations.push(m.text().slice(CSP_MARK.length).trim())
  })
  return violations
}

// The axe-core rules run on every screen: WCAG 2.0 and 2.1, levels A and AA (GB/T 37668-2019
// follows WCAG 2.1; docs/accessibility.md lists what these rules cover and what they cannot).
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
// Marker of the console line the page writes for each screen axe found violations on.
const A11Y_MARK = 'jianbao-a11y-violation:'

/** One readable line per axe violation node: "where: rule (impact) at selector — summary". */
function a11yLines(where, violations) {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')} ${n.html ?? ''} — ${v.help}`),
  )
}

// Runs in every page's top frame (an init script, so the strict CSP does not apply to it):
// after each change of the DOM has settled (no mutation for 400 ms, e.g. a route shown, its
// data loaded, a dialog opened; at most 2 s after the first change) it runs axe once for that
// state and reports violations on the console, marked. window.__jbA11yIdle() resolves when no
// check is pending or running (or after 10 s on a page that keeps changing).
function a11yWatcher({ mark, tags }) {
  if (window.top !== window) return
  let timer = 0
  let running = null
  let lastKey = ''
  const visible = (e) => e.offsetParent !== null || getComputedStyle(e).position === 'fixed'
  const key = () => {
    const dialogs = [...document.querySelectorAll('[role=dialog],[role=alertdialog],[role=listbox],[role=menu],[role=tooltip]')]
      .filter(visible).length
    return `${location.pathname}${location.search}|${dialogs}|${document.getElementsByTagName('*').length}`
  }
  const check = async () => {
    timer = 0
    if (!window.axe || document.readyState === 'loading') return
    // Not halfway through a fade (a closing dialog, a toast coming in): colours are not final.
    if (document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)) {
      schedule()
      return
    }
    const k = key()
    if (k === lastKey) return
    lastKey = k
    try {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      if (r.violations.length > 0) {
        console.error(`${mark} ${JSON.stringify({ where: location.pathname, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) })) })}`)
      }
    } catch {
      // axe refuses to run twice at once, or the page went away: the next settle checks again.
    }
  }
  // A page that never stops changing (a ticking "saved 5 s ago") is still checked every 2 s.
  let firstPending = 0
  const schedule = () => {
    if (!firstPending) firstPending = Date.now()
    clearTimeout(timer)
    timer = setTimeout(() => {
      firstPending = 0
      running = (running ?? Promise.resolve()).then(check)
    }, Math.max(0, Math.min(400, 2000 - (Date.now() - firstPending))))
  }
  window.__jbA11yIdle = async () => {
    const deadline = Date.now() + 10_000
    while ((timer || running) && Date.now() < deadline) {
      if (timer) await new Promise((r) => setTimeout(r, 100))
      const r = running
      if (r) await r
      if (running === r) running = null
    }
  }
  const start = () => {
    new MutationObserver(schedule).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true })
    schedule()
  }
  if (document.documentElement) start()
  else document.addEventListener('DOMContentLoaded', start)
}

/**
 * Makes every page of `context` carry axe-core and check itself after each change settles
 * (see a11yWatcher); returns the array that collects one readable line per violation.
 */
export async function watchA11y(context) {
  const violations = []
  await context.addInitScript({ content: `${AXE_SOURCE}\n;(${a11yWatcher})(${JSON.stringify({ mark: A11Y_MARK, tags: AXE_TAGS })})` })
  context.on('console', (m) => {
    if (!m.text().startsWith(A11Y_MARK)) return
    const { where, violations: v } = JSON.parse(m.text().slice(A11Y_MARK.length))
    violations.push(...a11yLines(where, v))
  })
  return violations
}

/**
 * Waits until the page's own axe check of its settled state has run (its violations are
 * collected and fail the test at close()). Use before leaving a screen by page.goto.
 */
export async function settleA11y(page) {
  await page.evaluate(() => window.__jbA11yIdle?.())
}

/**
 * Runs axe (WCAG 2.1 A/AA) on the page as it is now; throws a readable list (rule id, impact,
 * target selectors) if anything violates. `name` names the screen in the message.
 */
export async function checkA11y(page, name) {
  await page.evaluate(() => window.__jbA11yIdle?.())
  const violations = await page.evaluate(async (tags) => {
    let r
    for (let i = 0; !r; i++) {
      try {
        r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      } catch (e) {
        if (i > 100 || !/already running/.test(String(e))) throw e
        await new Promise((done) => setTimeout(done, 100)) // the page's own check is running
      }
    }
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) }))
  }, AXE_TAGS)
  if (violations.length > 0) {
    throw new Error(`accessibility violations (axe, WCAG 2.1 AA):\n${a11yLines(name, violations).join('\n')}`)
  }
}

/**
 * Starts chromium with a fresh profile; returns { context, page, cspViolations,
 * a11yViolations, close }. `close` shuts the browser and removes the profile, then fails
 * (throws) if any page broke the Content-Security-Policy or had an axe violation on a screen
 * while the browser ran, so every browser test checks both on every screen it visits.
 */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
  })
  context.setDefaultTimeout(15_000)
  const cspViolations = await watchCsp(context)
  const a11yViolations = await watchA11y(context)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    cspViolations,
    a11yViolations,
    close: async () => {
      for (const p of context.pages()) {
        await p.evaluate(() => window.__jbA11yIdle?.()).catch(() => {})
      }
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
      const problems = []
      if (cspViolations.length > 0) {
        problems.push(`Content-Security-Policy violations:\n${[...new Set(cspViolations)].join('\n')}`)
      }
      if (a11yViolations.length > 0) {
        problems.push(`accessibility violations (axe, WCAG 2.1 AA):\n${[...new Set(a11yViolations)].join('\n')}`)
      }
      if (problems.length > 0) throw new Error(problems.join('\n'))
    },
  }
}

/** Forgets the session and the stored language, so the next visit starts signed out in Chinese. */
export async function resetBrowser(context, page) {
  await context.clearCookies()
  await page.goto('/login')
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await page.getByTestId('login-form').waitFor()
}

/** Fills and submits the sign-in form (the page must show it). */
export async function submitLogin(page, login, password) {
  await page.getByTestId('login').fill(login)
  await page.getByTestId('password').fill(password)
  await page.getByTestId('login-submit').click()
}

/** Signs in from a fresh state and waits for the workbench. */
export async function signIn(context, page, login, password = DEMO_PASSWORD) {
  await resetBrowser(context, page)
  await submitLogin(page, login, password)
  await page.getByTestId('side-menu').waitFor()
}

/** Returns the data-test names of the side-menu items, in order (e.g. ['workbench', 'account']). */
export async function menuItems(page) {
  const ids = await page
    .getByTestId('side-menu')
    .locator('[data-test^="menu-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))
  return ids.map((id) => id.replace(/^menu-/, ''))
}

/** Saves a full-page screenshot to web/test-results/NAME.png. */
export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.waitForTimeout(400) // let Element Plus transitions settle
  await settleA11y(page)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

/**
 * Returns a Playwright API client signed in as `login`, with `csrf` for state-changing calls.
 * Used to prepare data the browser test then works on.
 */
export async function apiAs(login, password = DEMO_PASSWORD) {
  const api = await request.newContext({ baseURL: BASE_URL })
  const res = await api.post('/api/v1/session', { data: { login, password } })
  if (!res.ok()) throw new Error(`sign-in of ${login} failed: ${res.status()} ${await res.text()}`)
  const { csrf_token: csrf } = await res.json()
  return { api, csrf, headers: { 'X-CSRF-Token': csrf } }
}

/** A login that no earlier run or test used. */
export function uniqueLogin(prefix) {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
}
