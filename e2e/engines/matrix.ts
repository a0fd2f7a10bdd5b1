/**
 * The engine matrix: the flows that break in one engine and not another (storage, tabs, locks,
 * frames, navigation), each run in every engine found (support/find-engines.ts), against the
 * same local provider, APIs and built app as the Playwright suite. `firefox.test.ts` and
 * `webkit.test.ts` run it; docs/engines.md says how, and what each engine does differently.
 */
import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, inject, onTestFinished, test } from 'vitest'

import { ACR_SECOND_FACTOR, type DemoUser } from '../../dev/config'
import { type HostileScenario, SCENARIO_PATH, userAgentWithKey } from '../../dev/hostile/scenario'
import {
  alert,
  apiRegion,
  atUrl,
  banner,
  claimsRegion,
  confirmSecondFactor,
  endProviderSession,
  fetchApi,
  heldTokens,
  navigationLink,
  SESSION_KEY,
  sessionKeys,
  settledCalls,
  shown,
  shownWith,
  signIn,
  signInAtProvider,
  signInButton,
  accountButton,
  signOut,
  startCalls,
  untilTokensStale,
} from './support/app'
import {
  type BrowserSession,
  DRIVES_HISTORY,
  type Engine,
  type EngineName,
  type SessionOptions,
  type Tab,
} from './support/engine'
import { findEngines } from './support/find-engines'
import { launchFirefox } from './support/firefox'
import {
  apiTraffic,
  authorizeRequests,
  grants,
  matrixStacks,
  providerTraffic,
  startMatrixStacks,
} from './support/stacks'
import { WAIT_TIMEOUT_MS } from './support/wait'
import { launchWebKit } from './support/webkit'

/** Matches a JWT (ID token, JWT access token) anywhere in a string. */
const JWT_PATTERN = /eyJ[\w-]+\.[\w-]+\.[\w-]*/
/** An origin that is none of the app's (the hostile provider names it as issuer). */
const EVIL_ORIGIN = 'http://localhost:9666'

async function launch(name: EngineName): Promise<Engine> {
  const install = findEngines().installed.find((engine) => engine.engine === name)
  if (install === undefined) throw new Error(`${name} is not installed`)
  if (install.engine === 'firefox') return launchFirefox(install.executable)
  const display = inject('display')
  if (display === undefined) throw new Error('no X display for WebKit (global-setup.ts)')
  return launchWebKit({ driver: install.driver, browser: install.browser, display })
}

function pageText(tab: Tab): Promise<string> {
  return tab.run<string>('return document.body.innerText')
}

async function stored(tab: Tab): Promise<string> {
  return tab.run<string>(`
    return Object.keys(sessionStorage)
      .map((key) => key + '=' + sessionStorage.getItem(key))
      .join('\\n')
  `)
}

function storedRefreshToken(tab: Tab): Promise<string | null> {
  return tab.run<string | null>(
    'return JSON.parse(sessionStorage.getItem(args[0]) ?? "null")?.refreshToken ?? null',
    SESSION_KEY,
  )
}

/** Defines the matrix for `name`; skipped (as the global setup said why) if it is not installed. */
export function engineMatrix(name: EngineName): void {
  const installed = findEngines().installed.some((engine) => engine.engine === name)

  describe.skipIf(!installed)(name, () => {
    const stacks = matrixStacks(name)
    const { main, shortLived, silent } = stacks
    const [alice] = main.users as [DemoUser, ...DemoUser[]]
    let engine: Engine | undefined
    let closeStacks: (() => Promise<void>) | undefined

    beforeAll(async () => {
      closeStacks = await startMatrixStacks(stacks)
      engine = await launch(name)
    })

    afterAll(async () => {
      await engine?.close()
      await closeStacks?.()
    })

    /** A browser of its own for this test, closed when it ends. */
    async function open(
      options: SessionOptions = {},
    ): Promise<{ session: BrowserSession; tab: Tab }> {
      if (!engine) throw new Error(`${name} did not start`)
      const session = await engine.open(options)
      onTestFinished(() => session.close())
      return { session, tab: session.firstTab }
    }

    /** A browser whose provider does what `scenario` says (dev/hostile/), for this test only. */
    async function openHostile(scenario: HostileScenario) {
      const key = `${name}-${randomUUID()}`
      const url = `${main.issuer}${SCENARIO_PATH}`
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ key, scenario }),
      })
      expect(response.status, await response.text()).toBe(204)
      onTestFinished(async () => {
        await fetch(`${url}?key=${key}`, { method: 'DELETE' })
      })
      return open({ userAgentSuffix: userAgentWithKey('', key).trim() })
    }

    test('a deep link signs in and comes back to it, with the API’s answer', async () => {
      const { tab } = await open()

      await tab.goto(`${main.appOrigin}/profile?tab=claims`)
      await signInAtProvider(tab, alice)

      await atUrl(tab, /\/profile\?tab=claims$/)
      await shownWith(tab, apiRegion, alice.name)
      await shownWith(tab, claimsRegion, alice.sub)
      // The app's styles apply.
      expect(await tab.run('return getComputedStyle(document.body).margin')).toBe('0px')
    })

    test('the header’s Sign in button signs in and keeps the session in this tab only', async () => {
      const { tab } = await open()
      const provider = await providerTraffic(main)

      await signIn(tab, main, alice)

      await shownWith(tab, banner, alice.name)
      await shown(tab, { role: 'heading', name: `Welcome back, ${alice.name}` })
      expect(new URL(await tab.url()).search).toBe('')
      expect(await tab.run('return localStorage.length')).toBe(0)
      expect(await sessionKeys(tab)).toContain(SESSION_KEY)
      expect(grants(await provider.requests(), 'authorization_code')).toBe(1)
    })

    test.skipIf(!DRIVES_HISTORY[name])(
      'back from the provider’s login page, the app can sign in again',
      async () => {
        const { tab } = await open()
        const provider = await providerTraffic(main)
        await tab.goto(`${main.appOrigin}/`)
        await tab.click(signInButton)
        await shown(tab, { role: 'heading', name: 'Sign in to Tessera' })

        await tab.back()

        await atUrl(tab, new RegExp(`^${main.appOrigin}/$`))
        await tab.click(signInButton)
        await signInAtProvider(tab, alice)
        await shown(tab, accountButton(alice))
        const requests = await provider.requests()
        expect(authorizeRequests(requests)).toBe(2)
        expect(grants(requests, 'authorization_code')).toBe(1)
      },
    )

    test.skipIf(!DRIVES_HISTORY[name])(
      'the back and forward buttons never return to the code, nor redeem it again',
      async () => {
        const { tab } = await open()
        const provider = await providerTraffic(main)
        await signIn(tab, main, alice)
        const visited: string[] = []

        for (const step of ['back', 'back', 'forward', 'forward'] as const) {
          const before = await tab.url()
          await tab[step]()
          const message = `${step} from ${before} (after ${visited.join(', ') || 'signing in'})`
          await expect.poll(() => tab.url(), { timeout: WAIT_TIMEOUT_MS, message }).not.toBe(before)
          visited.push(await tab.url())
        }

        expect(visited[1]).toBe(`${main.appOrigin}/`)
        expect(visited.filter((url) => /[?#&](code|state)=/.test(url))).toEqual([])
        await shown(tab, accountButton(alice))
        expect(grants(await provider.requests(), 'authorization_code')).toBe(1)
      },
    )

    test('a signed-in reload keeps the session without a request to the provider', async () => {
      const { tab } = await open()
      await tab.goto(`${main.appOrigin}/profile`)
      await signInAtProvider(tab, alice)
      await shownWith(tab, apiRegion, alice.name)
      const provider = await providerTraffic(main)

      await tab.reload()

      await shownWith(tab, apiRegion, alice.name)
      expect(await tab.run('return getComputedStyle(document.body).margin')).toBe('0px')
      expect(await provider.requests()).toEqual([])
    })

    test('ten concurrent calls with an expired token send one refresh grant, and the next refresh works', async () => {
      const { tab } = await open()
      await signIn(tab, shortLived, alice)
      const provider = await providerTraffic(shortLived)
      await untilTokensStale(tab)

      const answers = await fetchApi(tab, '/me', 10)

      expect(answers).toHaveLength(10)
      for (const answer of answers) expect(answer).toMatchObject({ sub: alice.sub })
      expect(grants(await provider.requests(), 'refresh_token')).toBe(1)
      await untilTokensStale(tab)
      expect(await fetchApi(tab, '/me')).toMatchObject([{ sub: alice.sub }])
      expect(grants(await provider.requests(), 'refresh_token')).toBe(2)
    })

    test('two tabs share each rotated refresh token: one grant per rotation, none reused', async () => {
      const { session, tab: first } = await open()
      await signIn(first, shortLived, alice)
      const provider = await providerTraffic(shortLived)
      const second = await session.newTab()
      await second.goto(`${shortLived.appOrigin}/profile`)
      // Signed in from its sibling, without an authorization request.
      await shownWith(second, apiRegion, alice.name)
      expect(authorizeRequests(await provider.requests())).toBe(0)
      const original = await storedRefreshToken(first)

      for (const rotation of [1, 2]) {
        await untilTokensStale(first)
        await untilTokensStale(second)
        await startCalls(first, '/me', 5)
        await startCalls(second, '/me', 5)

        expect([...(await settledCalls(first)), ...(await settledCalls(second))]).toEqual(
          Array.from({ length: 10 }, () => alice.sub),
        )
        expect(grants(await provider.requests(), 'refresh_token')).toBe(rotation)
      }
      // Both tabs hold the newest refresh token; a reused one would have revoked the grant.
      const rotated = await storedRefreshToken(first)
      expect(rotated).not.toBe(original)
      expect(await storedRefreshToken(second)).toBe(rotated)
    })

    test('signing out in one tab signs out the other', async () => {
      const { session, tab: first } = await open()
      await signIn(first, main, alice)
      const second = await session.newTab()
      await second.goto(`${main.appOrigin}/profile`)
      await shownWith(second, banner, alice.name)

      await signOut(first, alice)

      await shownWith(second, alert, 'You signed out in another tab.')
      await shown(second, { role: 'button', name: 'Sign in again', within: alert })
      expect(await sessionKeys(second)).not.toContain(SESSION_KEY)
      await shown(first, signInButton)
    })

    test('a revoked session keeps the typed task through signing in again, and saves it once', async () => {
      const { session, tab } = await open()
      await signIn(tab, shortLived, alice)
      await tab.click(navigationLink('Tasks'))
      await expect
        .poll(() => pageText(tab), { timeout: WAIT_TIMEOUT_MS })
        .not.toContain('Loading your tasks')
      const title = `Call the plumber ${String(Date.now())}`
      await tab.fill({ label: 'New task' }, title)
      await endProviderSession(session, shortLived)
      await untilTokensStale(tab)
      const api = await apiTraffic(shortLived)

      await tab.click({ role: 'button', name: 'Add task' })

      await shownWith(tab, alert, 'Please sign in again')
      await tab.click({ role: 'button', name: 'Sign in again', within: alert })
      await signInAtProvider(tab, alice)
      await atUrl(tab, /\/tasks$/)
      await expect.poll(() => tab.valueOf({ label: 'New task' })).toBe(title)
      await tab.click({ role: 'button', name: 'Add task' })
      await shownWith(tab, { role: 'list', name: 'Tasks' }, title)
      await expect.poll(() => tab.valueOf({ label: 'New task' })).toBe('')
      const saves = (await api.requests()).filter((r) => r.method === 'POST' && r.path === '/tasks')
      expect(saves.map((r) => r.status)).toEqual([201]) // saved once
    })

    test('a delete that needs a second factor steps up, comes back and is replayed once', async () => {
      const { tab } = await open()
      await signIn(tab, main, alice)
      await tab.click(navigationLink('Tasks'))
      const title = `Shred old contracts ${String(Date.now())}`
      await tab.fill({ label: 'New task' }, title)
      await tab.click({ role: 'button', name: 'Add task' })
      await shownWith(tab, { role: 'list', name: 'Tasks' }, title)
      const api = await apiTraffic(main)
      const deletes = async () =>
        (await api.requests())
          .filter((r) => r.method === 'DELETE' && r.path.startsWith('/tasks/'))
          .map((r) => r.status)

      await tab.click({ role: 'button', name: `Delete ${title}` })
      await confirmSecondFactor(tab)

      await atUrl(tab, /\/tasks$/)
      await expect.poll(deletes, { timeout: WAIT_TIMEOUT_MS }).toEqual([401, 204])
      await expect.poll(() => pageText(tab), { timeout: WAIT_TIMEOUT_MS }).not.toContain(title)
      await tab.click(navigationLink('Profile'))
      await shownWith(tab, claimsRegion, ACR_SECOND_FACTOR)
      expect(await deletes()).toEqual([401, 204]) // replayed once, and never again
    })

    test('without refresh tokens, an expired token is renewed once in a hidden iframe for concurrent calls', async () => {
      const { tab } = await open()
      await signIn(tab, silent, alice)
      const address = await tab.url()
      const provider = await providerTraffic(silent)
      await untilTokensStale(tab)

      const answers = await fetchApi(tab, '/me', 5)

      for (const answer of answers) expect(answer).toMatchObject({ sub: alice.sub })
      const requests = await provider.requests()
      expect(authorizeRequests(requests)).toBe(1)
      expect(grants(requests, 'authorization_code')).toBe(1)
      expect(grants(requests, 'refresh_token')).toBe(0)
      // Silent: the page stayed where it was, and the frame is gone once it has answered.
      expect(await tab.url()).toBe(address)
      expect(await tab.run('return document.querySelectorAll("iframe").length')).toBe(0)
    })

    test('hostile: a refused authorization response leaves no code or state in the address and stores nothing', async () => {
      const { tab } = await openHostile({ authorizationResponse: { params: { iss: EVIL_ORIGIN } } })
      const provider = await providerTraffic(main)

      await tab.goto(`${main.appOrigin}/`)
      await tab.click(signInButton)
      await signInAtProvider(tab, alice)

      await shownWith(tab, alert, 'issuer_mismatch')
      await shown(tab, { role: 'button', name: 'Sign in', within: alert })
      expect(new URL(await tab.url()).search).toBe('')
      expect(await sessionKeys(tab)).not.toContain(SESSION_KEY)
      expect(await tab.run('return localStorage.length')).toBe(0)
      expect(grants(await provider.requests(), 'authorization_code')).toBe(0)
    })

    test('hostile: tokens sent in the fragment are ignored, scrubbed from the address and never stored', async () => {
      const injected = 'hostile-access-token'
      const { tab } = await openHostile({
        authorizationResponse: {
          params: { access_token: injected, token_type: 'Bearer', expires_in: '3600' },
          fragment: true,
        },
      })
      const provider = await providerTraffic(main)

      await tab.goto(`${main.appOrigin}/`)
      await tab.click(signInButton)
      await signInAtProvider(tab, alice)

      await shownWith(tab, alert, 'callback_invalid')
      await shown(tab, { role: 'button', name: 'Sign in', within: alert })
      expect(await tab.url()).not.toContain(injected)
      const storage = await stored(tab)
      expect(storage).not.toContain(injected)
      expect(storage).not.toContain(SESSION_KEY)
      expect(grants(await provider.requests(), 'authorization_code')).toBe(0)
    })

    test('no token in the address, localStorage, cookies, IndexedDB or the console', async () => {
      const { session, tab } = await open()
      await tab.goto(`${main.appOrigin}/profile`)
      await signInAtProvider(tab, alice)
      await shownWith(tab, apiRegion, alice.name)
      await fetchApi(tab, '/me')

      const tokens = await heldTokens(tab)
      expect(tokens.length).toBeGreaterThanOrEqual(3)
      const leaks = (text: string) => tokens.filter((token) => text.includes(token))
      const address = await tab.url()
      expect(leaks(address)).toEqual([])
      expect(address).not.toMatch(/[?&#](code|state)=/)
      expect(await tab.run('return localStorage.length')).toBe(0)
      expect(await tab.run('return (await indexedDB.databases()).map((db) => db.name)')).toEqual([])
      const cookies = await session.cookies(main.appOrigin)
      for (const cookie of cookies) {
        expect(leaks(cookie.value), cookie.name).toEqual([])
        expect(cookie.value, cookie.name).not.toMatch(JWT_PATTERN)
      }
      const consoleText = (await tab.consoleMessages()).join('\n')
      expect(leaks(consoleText)).toEqual([])
      expect(consoleText).not.toMatch(JWT_PATTERN)
    })
  })
}
