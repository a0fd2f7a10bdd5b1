/**
 * Fixtures for the security suite (Playwright project "hostile"). It runs against the e2e stack,
 * whose identity provider is in hostile mode (TESSERA_HOSTILE=1): it tampers with its answers
 * per test, as the test's scenario says (dev/hostile/).
 *
 * Isolation: every test's browser sends a User-Agent ending in `tessera-hostile/<key>`, with a
 * key unique to the test (and retry); `hostile.set()` registers the scenario under that key. The
 * provider applies a scenario only to requests carrying its key, so tests run in parallel
 * without seeing each other's scenario, and a test that sets none talks to an honest provider.
 */
import {
  test as base,
  type BrowserContext,
  expect,
  type Page,
  type Request,
  type TestInfo,
} from '@playwright/test'

import type { DemoUser } from '../../../dev/config'
import type { ApiScenario } from '../../../dev/hostile/api'
import {
  type HostileScenario,
  SCENARIO_PATH,
  userAgentWithKey,
} from '../../../dev/hostile/scenario'
import { e2eStack } from '../../support/stack-env'
import { accountButton } from '../../support/account'

export { expect }
export const stack = e2eStack
export const [alice] = stack.users as [DemoUser, ...DemoUser[]]

/**
 * An attacker's origin, none of the app's: nothing may ever be sent there. Loopback (as in the
 * catalogue's harness), so a framing page there is not blocked for being mixed content or a
 * public page reaching a private address; requests to it are answered in the browser (`Evil`).
 */
export const EVIL_ORIGIN = 'http://localhost:9666'
/** Matches a JWT (ID token, JWT access token) anywhere in a string. */
export const JWT_PATTERN = /eyJ[\w-]+\.[\w-]+\.[\w-]*/
const SESSION_KEY_PREFIX = 'tessera.session:'
const DEFAULT_USER_AGENT = 'Mozilla/5.0'

function scenarioKey(testInfo: TestInfo): string {
  return `${testInfo.testId}-${String(testInfo.repeatEachIndex)}-${String(testInfo.retry)}`
}

function pathOf(request: Request): string {
  return new URL(request.url()).pathname
}

/** Every request the test's browser context sent, to any origin, in order. */
export class Traffic {
  readonly requests: Request[] = []

  constructor(context: BrowserContext) {
    context.on('request', (request) => this.requests.push(request))
  }

  to(origin: string): Request[] {
    return this.requests.filter((request) => new URL(request.url()).origin === origin)
  }

  /** Code exchanges or refreshes the browser sent to the provider's token endpoint. */
  grants(type: 'authorization_code' | 'refresh_token'): number {
    return this.to(stack.issuer).filter(
      (request) =>
        request.method() === 'POST' &&
        pathOf(request) === '/token' &&
        new URLSearchParams(request.postData() ?? '').get('grant_type') === type,
    ).length
  }

  /** Authorization requests (navigations to the provider's `/auth`). */
  authorizeRequests(): Request[] {
    return this.to(stack.issuer).filter((request) => pathOf(request) === '/auth')
  }

  /** Requests that carried an Authorization header, with its value. */
  async authorized(): Promise<{ request: Request; authorization: string }[]> {
    const found: { request: Request; authorization: string }[] = []
    for (const request of this.requests) {
      const authorization = await request.headerValue('authorization')
      if (authorization !== null) found.push({ request, authorization })
    }
    return found
  }
}

/** Requests that reached the evil origin (routed in the browser, so nothing leaves the host). */
export class Evil {
  readonly received: string[] = []

  static async install(context: BrowserContext): Promise<Evil> {
    const evil = new Evil()
    await context.route(
      (url) => url.origin === EVIL_ORIGIN,
      (route) => {
        evil.received.push(route.request().url())
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Evil</title><h1>Evil</h1>',
        })
      },
    )
    return evil
  }
}

export interface HostileProvider {
  /** From now on, this test's browser meets a provider that does what `scenario` says. */
  set(scenario: HostileScenario): Promise<void>
  /** From now on, the demo API answers this test's browser as `scenario` says. */
  setApi(scenario: ApiScenario): Promise<void>
}

export const test = base.extend<{
  hostile: HostileProvider
  traffic: Traffic
  consoleMessages: string[]
}>({
  userAgent: async ({ userAgent }, use, testInfo) => {
    await use(userAgentWithKey(userAgent ?? DEFAULT_USER_AGENT, scenarioKey(testInfo)))
  },

  hostile: async ({ request }, use, testInfo) => {
    const key = scenarioKey(testInfo)
    const controls = [stack.issuer, stack.apiUrl].map((origin) => `${origin}${SCENARIO_PATH}`)
    const post = async (url: string, scenario: object) => {
      const response = await request.post(url, { data: { key, scenario } })
      const explanation =
        response.status() === 404
          ? `${url} is not in hostile mode: is a server started without TESSERA_HOSTILE=1 being reused?`
          : await response.text()
      expect(response.status(), explanation).toBe(204)
    }
    const [provider = '', api = ''] = controls
    await use({
      set: (scenario) => post(provider, scenario),
      setApi: (scenario) => post(api, scenario),
    })
    for (const url of controls) await request.delete(`${url}?key=${key}`)
  },

  traffic: async ({ context }, use) => {
    await use(new Traffic(context))
  },

  consoleMessages: async ({ page }, use) => {
    const messages: string[] = []
    page.on('console', (message) => messages.push(message.text()))
    await use(messages)
  },
})

/** Clicks "Sign in" in the header: the app sends the browser to the provider. */
export async function startSignIn(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
}

/** Fills the local provider's login form (we are on its page). */
export async function signInAtProvider(page: Page, user: DemoUser = alice): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The whole sign-in from `path`, through the provider's login form. */
export async function signInFrom(page: Page, path = '/'): Promise<void> {
  await startSignIn(page, path)
  await signInAtProvider(page)
}

export async function expectSignedIn(page: Page): Promise<void> {
  await expect(accountButton(page)).toBeVisible()
}

/** Session keys in this tab's sessionStorage (a signed-in tab has exactly one). */
export function storedSessions(page: Page): Promise<string[]> {
  return page.evaluate(
    (prefix) => Object.keys(sessionStorage).filter((key) => key.startsWith(prefix)),
    SESSION_KEY_PREFIX,
  )
}

/**
 * The app's contract for a refused sign-in: an alert naming `code` with a "Sign in" button to
 * retry, nothing stored, no session, and no code or state left in the address bar.
 */
export async function expectSignInRefused(page: Page, code: string | RegExp): Promise<void> {
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(code)
  await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect(accountButton(page)).toBeHidden()
  expect(new URL(page.url()).search).toBe('')
  expect(await storedSessions(page)).toEqual([])
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
}

/** Seconds since the epoch, for ID token claims. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
