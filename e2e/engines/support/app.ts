/**
 * What a person does with Tessera and the local provider, in any engine: the steps of the
 * Playwright suite's fixtures (e2e/fixtures.ts), on the engine-neutral `Tab`.
 */
import { expect } from 'vitest'

import type { DemoUser, DevStack } from '../../../dev/config'
import { type BrowserSession, describeQuery, type Query, type RoleQuery, type Tab } from './engine'
import { untilShown, WAIT_TIMEOUT_MS } from './wait'

export const SESSION_KEY = 'tessera.session:tessera-spa'

export const banner: RoleQuery = { role: 'banner' }
export const signInButton: RoleQuery = { role: 'button', name: 'Sign in', within: banner }
/** The account menu's button: there when `user` is signed in. */
export function accountButton(user: DemoUser): RoleQuery {
  return { role: 'button', name: `Account: ${user.name}`, within: banner }
}
const signOutButton: RoleQuery = { role: 'button', name: 'Sign out', within: banner }
export const apiRegion: RoleQuery = { role: 'region', name: 'From the demo API' }
export const claimsRegion: RoleQuery = { role: 'region', name: 'ID token claims' }
export const alert: RoleQuery = { role: 'alert' }
export const mainNavigation: RoleQuery = { role: 'navigation', name: 'Main' }

export function navigationLink(name: string): RoleQuery {
  return { role: 'link', name, within: mainNavigation }
}

/** Waits until `query` is shown. */
export async function shown(tab: Tab, query: Query): Promise<void> {
  await untilShown(() => tab.textOf(query), describeQuery(query))
}

/** Waits until `query` is shown with `text` in it; resolves to all of its text then. */
export function shownWith(tab: Tab, query: Query, text: string): Promise<string> {
  return untilShown(
    async () => {
      const shownText = await tab.textOf(query)
      return shownText?.includes(text) === true ? shownText : null
    },
    `${describeQuery(query)} with "${text}"`,
  )
}

/** Waits until the tab's address matches. */
export async function atUrl(tab: Tab, pattern: RegExp): Promise<void> {
  await expect.poll(() => tab.url(), { timeout: WAIT_TIMEOUT_MS, interval: 100 }).toMatch(pattern)
}

/** Fills the local provider's login form (the tab is on its page). */
export async function signInAtProvider(tab: Tab, user: DemoUser): Promise<void> {
  await shown(tab, { role: 'heading', name: 'Sign in to Tessera' })
  await tab.fill({ label: 'Username' }, user.username)
  await tab.fill({ label: 'Password' }, user.password)
  await tab.click({ role: 'button', name: 'Sign in' })
}

/** Signs in from the home page with the header's button; waits until the app shows the user. */
export async function signIn(tab: Tab, stack: DevStack, user: DemoUser): Promise<void> {
  await tab.goto(`${stack.appOrigin}/`)
  await tab.click(signInButton)
  await signInAtProvider(tab, user)
  await shown(tab, accountButton(user))
}

/** Signs out from the account menu. */
export async function signOut(tab: Tab, user: DemoUser): Promise<void> {
  await tab.click(accountButton(user))
  await tab.click(signOutButton)
}

/**
 * Ends the provider session behind the app's back, in another tab of the same browser: the
 * session's refresh tokens die with it.
 */
export async function endProviderSession(session: BrowserSession, stack: DevStack): Promise<void> {
  const other = await session.newTab()
  await other.goto(`${stack.issuer}/session/end`)
  await other.click({ role: 'button', name: 'Sign out' })
  await expect
    .poll(() => other.run<string>('return document.body.innerText'), { timeout: WAIT_TIMEOUT_MS })
    .toContain('You are signed out')
  await other.close()
}

/** Calls the demo API through the app's real token path (config `"diagnostics": true`). */
export function fetchApi(tab: Tab, path: string, count = 1): Promise<unknown[]> {
  return tab.run<unknown[]>(
    `
    const diagnostics = window.tesseraDiagnostics
    if (!diagnostics) throw new Error('diagnostics are off in config.json')
    const [path, count] = args
    return Promise.all(Array.from({ length: count }, () => diagnostics.fetchApi('demo', path)))
    `,
    path,
    count,
  )
}

/**
 * Starts `count` demo API calls in the tab without waiting for them (several tabs can then call
 * at once; a classic WebDriver runs one script at a time); `settledCalls` collects them.
 */
export async function startCalls(tab: Tab, path: string, count: number): Promise<void> {
  await tab.run(
    `
    const [path, count] = args
    window.__engineCalls = Promise.allSettled(
      Array.from({ length: count }, () => window.tesseraDiagnostics.fetchApi('demo', path)),
    )
    `,
    path,
    count,
  )
}

/** The calls `startCalls` started: each answer's `sub`, or the error's message. */
export function settledCalls(tab: Tab): Promise<string[]> {
  return tab.run<string[]>(`
    const settled = await window.__engineCalls
    return settled.map((s) => (s.status === 'fulfilled' ? s.value.sub : String(s.reason)))
  `)
}

/** Keys in this tab's sessionStorage. */
export function sessionKeys(tab: Tab): Promise<string[]> {
  return tab.run<string[]>('return Object.keys(sessionStorage)')
}

/**
 * Waits, by the page's own clock, until every access token this tab holds is due for renewal
 * (the app's `renewAt`): the real-time stand-in for the Playwright suite's fake clock.
 */
export async function untilTokensStale(tab: Tab, timeoutMs = 15_000): Promise<void> {
  const stale = () =>
    tab.run<boolean>(
      `
      const raw = sessionStorage.getItem(args[0])
      if (raw === null) throw new Error('this tab holds no session')
      const entries = Object.values(JSON.parse(raw).accessTokens)
      return entries.length > 0 && entries.every((entry) => Date.now() >= entry.renewAt)
      `,
      SESSION_KEY,
    )
  await expect.poll(stale, { timeout: timeoutMs, interval: 200 }).toBe(true)
}

/** Every token the tab holds (from its stored session). */
export async function heldTokens(tab: Tab): Promise<string[]> {
  return tab.run<string[]>(
    `
    const raw = sessionStorage.getItem(args[0])
    if (raw === null) return []
    const session = JSON.parse(raw)
    return [
      session.idToken,
      ...(session.refreshToken ? [session.refreshToken] : []),
      ...Object.values(session.accessTokens).map((entry) => entry.token),
    ]
    `,
    SESSION_KEY,
  )
}

/** On the local provider's second-factor page: enters the one-time code it shows. */
export async function confirmSecondFactor(tab: Tab): Promise<void> {
  await shown(tab, { role: 'heading', name: 'Confirm it’s you' })
  const page = await tab.run<string>('return document.body.innerText')
  const code = /Your one-time code is\D*(\d{6})\b/.exec(page)?.[1] ?? ''
  await tab.fill({ label: 'One-time code' }, code)
  await tab.click({ role: 'button', name: 'Verify' })
}
