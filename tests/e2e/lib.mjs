// Shared helpers of the browser tests: launch Debian's chromium through playwright-core
// (taken from web/node_modules, never downloading a browser), sign in, take screenshots.
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

/**
 * Starts chromium with a fresh profile; returns { context, page, cspViolations, close }.
 * `close` shuts the browser and removes the profile, then fails (throws) if any page broke
 * the Content-Security-Policy while the browser ran, so every browser test checks it.
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
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    cspViolations,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
      if (cspViolations.length > 0) {
        throw new Error(`Content-Security-Policy violations:\n${[...new Set(cspViolations)].join('\n')}`)
      }
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
