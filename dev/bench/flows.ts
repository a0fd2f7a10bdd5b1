import type { Browser, BrowserContext, Page, Request } from '@playwright/test'

import type { DemoUser, DevStack } from '../config'
import { apiName, login } from './browser-steps'

export interface FlowSample {
  /** Requests the browser sent to the identity provider (favicon excluded). */
  readonly providerRequests: number
  readonly ms: number
}

function providerCounter(context: BrowserContext, stack: DevStack): Request[] {
  const requests: Request[] = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === stack.issuer && url.pathname !== '/favicon.ico') requests.push(request)
  })
  return requests
}

/** Signed out, open /profile: redirect, log in, come back, show the API's answer. */
export async function deepLinkSignIn(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
): Promise<FlowSample & { context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const requests = providerCounter(context, stack)
  const page = await context.newPage()
  const start = performance.now()
  await page.goto(`${stack.appOrigin}/profile`)
  await login(page, user)
  await apiName(page, user).waitFor()
  return { providerRequests: requests.length, ms: performance.now() - start, context, page }
}

/** Signed in on /profile: reload until the API's answer shows again. */
export async function signedInReload(
  page: Page,
  stack: DevStack,
  user: DemoUser,
): Promise<FlowSample & { navigationToApiRequestMs: number }> {
  const requests = providerCounter(page.context(), stack)
  const start = performance.now()
  await page.reload()
  await apiName(page, user).waitFor()
  const ms = performance.now() - start
  const navigationToApiRequestMs = await page.evaluate((api) => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.startsWith(`${api}/me`))
    return entry ? entry.startTime : Number.NaN
  }, stack.apiUrl)
  return { providerRequests: requests.length, ms, navigationToApiRequestMs }
}

/** Jumps the clock past access-token expiry and fires `calls` API calls at once. */
export async function concurrentExpiredCalls(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
  calls: number,
): Promise<{ refreshGrants: number; ok: number; laterRefreshOk: boolean }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.clock.install()
  await page.goto(`${stack.appOrigin}/profile`)
  await login(page, user)
  await apiName(page, user).waitFor()
  const requests = providerCounter(context, stack)
  const refreshGrants = () =>
    requests.filter(
      (r) => new URLSearchParams(r.postData() ?? '').get('grant_type') === 'refresh_token',
    ).length
  const jump = `${String(Math.ceil(stack.lifetimes.accessToken / 60) + 1)}:00`
  await page.clock.fastForward(jump)
  const results = await page.evaluate(async (n) => {
    const diagnostics = window.tesseraDiagnostics
    if (!diagnostics) throw new Error('config.json has no "diagnostics": true')
    const settled = await Promise.allSettled(
      Array.from({ length: n }, () => diagnostics.fetchApi('demo', '/me')),
    )
    return settled.filter((s) => s.status === 'fulfilled').length
  }, calls)
  const grants = refreshGrants()
  await page.clock.fastForward(jump)
  const later = await page.evaluate(async () => {
    try {
      await window.tesseraDiagnostics?.fetchApi('demo', '/me')
      return true
    } catch {
      return false
    }
  })
  await context.close()
  return { refreshGrants: grants, ok: results, laterRefreshOk: later }
}
