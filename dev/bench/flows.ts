import type { Browser, BrowserContext, Page, Request } from '@playwright/test'

import type { DemoUser, DevStack } from '../config'
import { apiName, login, signedInButton, signOutOfApp } from './browser-steps'
import {
  EMULATED_RTT_MS,
  type EmulatedNetworkContext,
  emulateRoundTrips,
  emulatedNetworkContext,
} from './emulated-network'
import { milestoneAt, stampPages } from './page-stamps'

export interface FlowSample {
  /** Requests the browser sent to the identity provider (favicon excluded). */
  readonly providerRequests: number
  readonly ms: number
}

function providerCounter(context: BrowserContext, stack: DevStack): Request[] {
  const requests: Request[] = []
  // The provider's origin: some issuers have a path or a trailing slash (Auth0's).
  const provider = new URL(stack.issuer).origin
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === provider && url.pathname !== '/favicon.ico') requests.push(request)
  })
  return requests
}

/**
 * In the app's pages: keeps, in this tab's sessionStorage, when the first page left for the
 * provider (`pagehide`, by its own clock). Together with the callback page's own timing, the
 * app's share of a deep-link sign-in, without the provider's pages and the bench's typing.
 */
function stampLeaving(appOrigin: string): void {
  if (window.location.origin !== appOrigin || sessionStorage.getItem('bench.leftAt') !== null) {
    return
  }
  addEventListener('pagehide', () => {
    sessionStorage.setItem('bench.leftAt', String(performance.now()))
  })
}

export interface DeepLinkSample extends FlowSample {
  /** First page: navigation start → it leaves for the provider (includes the redirect's answer). */
  readonly leaveMs: number
  /** Callback page: its HTML received → the API's answer in the DOM. */
  readonly callbackMs: number
}

/** A new context: on the emulated network (dev/bench/emulated-network.ts) when `rttMs` > 0. */
async function newContext(
  browser: Browser,
  rttMs: number,
): Promise<{ context: BrowserContext; network?: EmulatedNetworkContext | undefined }> {
  if (rttMs === 0) return { context: await browser.newContext() }
  const network = await emulatedNetworkContext(rttMs)
  return { context: network.context, network }
}

/**
 * Signed out, open /profile: redirect, log in, come back, show the API's answer. With
 * `rttMs`, as on a real network: every request of the tab that reaches a server takes that much
 * longer, one on a new connection twice that (TCP's handshake first), and the browser has a
 * profile of its own, so preconnect hints work as in a user's window.
 */
export async function deepLinkSignIn(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
  { rttMs = 0 }: { rttMs?: number } = {},
): Promise<
  DeepLinkSample & {
    context: BrowserContext
    page: Page
    network: EmulatedNetworkContext | undefined
  }
> {
  const { context, network } = await newContext(browser, rttMs)
  await stampPages(context, user.name)
  await context.addInitScript(stampLeaving, stack.appOrigin)
  const requests = providerCounter(context, stack)
  const page = await context.newPage()
  if (rttMs > 0) await (await emulateRoundTrips(page))(rttMs)
  const start = Date.now()
  await page.goto(`${stack.appOrigin}/profile`)
  await login(page, user)
  const ms = (await milestoneAt(page, stack.appOrigin, 'tesseraBenchApiAnswerAt')) - start
  const inPage = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    const answerAt = (window as unknown as { tesseraBenchApiAnswerAt?: number })
      .tesseraBenchApiAnswerAt
    return {
      leaveMs: Number(sessionStorage.getItem('bench.leftAt') ?? Number.NaN),
      callbackMs: (answerAt ?? Number.NaN) - (navigation?.responseEnd ?? Number.NaN),
    }
  })
  return { providerRequests: requests.length, ms, ...inPage, context, page, network }
}

export interface ReloadSample extends FlowSample {
  /** Navigation start → the page's API request, by the page's clock. */
  readonly navigationToApiRequestMs: number
  /**
   * The same reload with every request to a server `EMULATED_RTT_MS` slower, as on a real
   * network: navigation start → the API's answer, by the page's clock.
   */
  readonly overNetworkMs: number
}

/** Signed in on /profile: reload until the API's answer shows again. */
export async function signedInReload(
  page: Page,
  stack: DevStack,
  user: DemoUser,
): Promise<ReloadSample> {
  const requests = providerCounter(page.context(), stack)
  const start = Date.now()
  await page.reload({ waitUntil: 'commit' })
  const ms = (await milestoneAt(page, stack.appOrigin, 'tesseraBenchApiAnswerAt')) - start
  const navigationToApiRequestMs = await page.evaluate((api) => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.startsWith(`${api}/me`))
    return entry ? entry.startTime : Number.NaN
  }, stack.apiUrl)
  await apiName(page, user).waitFor() // the answer is the right user's, as a user reads it
  const overNetworkMs = await reloadOverNetwork(page, stack)
  await apiName(page, user).waitFor()
  return { providerRequests: requests.length, ms, navigationToApiRequestMs, overNetworkMs }
}

/** Reloads with `EMULATED_RTT_MS` on every request: navigation start → the API's answer. */
async function reloadOverNetwork(page: Page, stack: DevStack): Promise<number> {
  const emulate = await emulateRoundTrips(page)
  try {
    await emulate(EMULATED_RTT_MS)
    await page.reload({ waitUntil: 'commit' })
    return (
      (await milestoneAt(page, stack.appOrigin, 'tesseraBenchApiAnswerAt')) -
      (await page.evaluate(() => performance.timeOrigin))
    )
  } finally {
    await emulate(0)
  }
}

/**
 * On the emulated network, signed in, after every connection ended (the user comes back to the
 * tab later): reload → the API's answer, by the page's clock. Each connection the page needs
 * costs its handshake again.
 */
export async function coldReloadOverNetwork(
  page: Page,
  stack: DevStack,
  user: DemoUser,
  network: EmulatedNetworkContext,
): Promise<number> {
  network.dropConnections()
  // Chromium notices a closed idle connection when it next looks at it; let it see the ends.
  await page.waitForTimeout(100)
  await page.reload({ waitUntil: 'commit' })
  const ms =
    (await milestoneAt(page, stack.appOrigin, 'tesseraBenchApiAnswerAt')) -
    (await page.evaluate(() => performance.timeOrigin))
  await apiName(page, user).waitFor()
  return ms
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

/**
 * How long the pointer rests on "Sign in" before the click, in the emulated-network click:
 * people point, then press.
 */
export const POINTER_REST_MS = 150

/**
 * Signed out on `/`, once it loaded and its network went idle: click "Sign in". With
 * `rttMs`, on the network `deepLinkSignIn` emulates, the pointer resting on the button for
 * `POINTER_REST_MS` first.
 */
export async function clickSignIn(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
  { rttMs = 0 }: { rttMs?: number } = {},
): Promise<FlowSample & { context: BrowserContext; page: Page }> {
  const { context } = await newContext(browser, rttMs)
  await stampPages(context, user.name)
  const page = await context.newPage()
  if (rttMs > 0) await (await emulateRoundTrips(page))(rttMs)
  await page.goto(`${stack.appOrigin}/`)
  const signInButton = page.getByRole('banner').getByRole('button', { name: 'Sign in' })
  await signInButton.waitFor()
  await page.waitForLoadState('networkidle')
  const requests = providerCounter(context, stack)
  if (rttMs > 0) {
    await signInButton.hover()
    await page.waitForTimeout(POINTER_REST_MS)
  }
  const start = Date.now()
  await signInButton.click()
  await login(page, user)
  const ms = (await milestoneAt(page, stack.appOrigin, 'tesseraBenchSignedInAt')) - start
  await signedInButton(page).waitFor()
  await page.getByRole('banner').getByText(user.name).waitFor()
  return { providerRequests: requests.length, ms, context, page }
}

/**
 * Signed in: sign out (the provider's session ends too), then sign in again in the same tab,
 * the way a user switching accounts does. Counts only the second sign-in's requests. The tab
 * stamps its pages (`deepLinkSignIn` set that up).
 */
export async function signInAgain(
  page: Page,
  stack: DevStack,
  user: DemoUser,
): Promise<FlowSample> {
  const banner = page.getByRole('banner')
  await page.goto(`${stack.appOrigin}/profile`)
  await apiName(page, user).waitFor()
  await signOutOfApp(page)
  const signInButton = banner.getByRole('button', { name: 'Sign in' })
  await signInButton.waitFor()
  await page.waitForLoadState('networkidle')
  const requests = providerCounter(page.context(), stack)
  const start = Date.now()
  await signInButton.click()
  await login(page, user)
  const ms = (await milestoneAt(page, stack.appOrigin, 'tesseraBenchSignedInAt')) - start
  await signedInButton(page).waitFor()
  await banner.getByText(user.name).waitFor()
  return { providerRequests: requests.length, ms }
}

/**
 * `getAccessToken` on a cache hit, in the page: 20 batches of 2,000 sequential calls after one
 * API call filled the cache; each sample is a batch's mean µs per call.
 */
export async function tokenAccessMicros(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const diagnostics = window.tesseraDiagnostics
    if (!diagnostics) throw new Error('config.json has no "diagnostics": true')
    await diagnostics.fetchApi('demo', '/me')
    await diagnostics.timeTokenAccess('demo', 5, 2_000) // warm-up: JIT, caches
    return diagnostics.timeTokenAccess('demo', 20, 2_000)
  })
}

/** One sample of every timed flow, each in a fresh browser context: what the bench repeats. */
export interface FlowRound {
  readonly deepLink: DeepLinkSample
  /** The deep-link sign-in again, in a new context, with `EMULATED_RTT_MS` on every request. */
  readonly deepLinkOverNetwork: DeepLinkSample
  /** Then a reload in that tab once every connection ended: navigation start → API answer. */
  readonly coldReloadOverNetworkMs: number
  readonly reload: ReloadSample
  readonly again: FlowSample
  readonly click: FlowSample
  /** The click sign-in again, in a new context, on the emulated network. */
  readonly clickOverNetwork: FlowSample
}

/**
 * Deep-link sign-in, then a reload and a second sign-in in that tab; then a click sign-in in a
 * new context, whose signed-in page `whileSignedIn` may use before it closes.
 */
export async function flowRound(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
  whileSignedIn?: (page: Page) => Promise<void>,
): Promise<FlowRound> {
  const signIn = await deepLinkSignIn(browser, stack, user)
  const { providerRequests, ms, leaveMs, callbackMs } = signIn
  const reload = await signedInReload(signIn.page, stack, user)
  const again = await signInAgain(signIn.page, stack, user)
  await signIn.context.close()
  const click = await clickSignIn(browser, stack, user)
  await whileSignedIn?.(click.page)
  await click.context.close()
  const overNetwork = await deepLinkSignIn(browser, stack, user, { rttMs: EMULATED_RTT_MS })
  if (!overNetwork.network) throw new Error('the emulated-network deep link has no network')
  const coldReloadOverNetworkMs = await coldReloadOverNetwork(
    overNetwork.page,
    stack,
    user,
    overNetwork.network,
  )
  await overNetwork.context.close()
  const clickOverNetwork = await clickSignIn(browser, stack, user, { rttMs: EMULATED_RTT_MS })
  await clickOverNetwork.context.close()
  return {
    deepLink: { providerRequests, ms, leaveMs, callbackMs },
    deepLinkOverNetwork: {
      providerRequests: overNetwork.providerRequests,
      ms: overNetwork.ms,
      leaveMs: overNetwork.leaveMs,
      callbackMs: overNetwork.callbackMs,
    },
    coldReloadOverNetworkMs,
    reload,
    again,
    click: { providerRequests: click.providerRequests, ms: click.ms },
    clickOverNetwork: {
      providerRequests: clickOverNetwork.providerRequests,
      ms: clickOverNetwork.ms,
    },
  }
}
