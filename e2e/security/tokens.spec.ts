/**
 * What the app sends and keeps, observed on every request of a real session: the shape of the
 * authorization and token requests (SEC-01, SEC-03, SEC-04, SEC-07), where bearer tokens go
 * (SEC-25), and that no token or code is left anywhere else (SEC-12, SEC-27, SEC-37: NO-LEAK).
 */
import { createHash } from 'node:crypto'

import type { Page, Request } from '@playwright/test'

import {
  alice,
  Evil,
  EVIL_ORIGIN,
  expect,
  expectSignedIn,
  JWT_PATTERN,
  signInAtProvider,
  stack,
  startSignIn,
  test,
} from './support/hostile'

const pastAccessTokenExpiry = `${String(Math.ceil(stack.lifetimes.accessToken / 60) + 1)}:00`

function base64UrlSha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

function tokenRequests(requests: readonly Request[]): URLSearchParams[] {
  return requests
    .filter((r) => r.method() === 'POST' && r.url() === `${stack.issuer}/token`)
    .map((r) => new URLSearchParams(r.postData() ?? ''))
}

/** Calls the demo API through the app's real token path (config `"diagnostics": true`). */
function fetchApi(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (p) => {
    if (!window.tesseraDiagnostics) throw new Error('diagnostics are off in config.json')
    return window.tesseraDiagnostics.fetchApi('demo', p)
  }, path)
}

/** Every token and ID token the signed-in tab holds (read from its session). */
async function heldTokens(page: Page): Promise<string[]> {
  const raw = await page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((key) => key.startsWith('tessera.session:'))
      .map((key) => sessionStorage.getItem(key) ?? ''),
  )
  const tokens: string[] = []
  for (const entry of raw) {
    const session = JSON.parse(entry) as {
      idToken: string
      refreshToken?: string
      accessTokens: Record<string, { token: string }>
    }
    tokens.push(session.idToken, ...Object.values(session.accessTokens).map((t) => t.token))
    tokens.push(...(session.refreshToken === undefined ? [] : [session.refreshToken]))
  }
  return tokens
}

test('SEC-01 SEC-03 SEC-04 SEC-07 authorization and token requests: PKCE S256, fresh nonce, fixed redirect_uri, no secret', async ({
  page,
  traffic,
}) => {
  // A redirect_uri in the app's own URL must not find its way into the request (SEC-04).
  await startSignIn(page, `/?redirect_uri=${encodeURIComponent(`${EVIL_ORIGIN}/cb`)}`)
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
  await page.goBack()
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expectSignedIn(page)

  const attempts = traffic.authorizeRequests().map((r) => new URL(r.url()).searchParams)
  expect(attempts).toHaveLength(2)
  for (const params of attempts) {
    expect(params.get('response_type')).toBe('code')
    expect(params.get('code_challenge_method')).toBe('S256')
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(params.get('nonce')).toMatch(/^[\w-]{43,}$/) // ≥ 256 bits
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(params.get('redirect_uri')).toBe(`${stack.appOrigin}/auth/callback`)
    expect(params.has('client_secret')).toBe(false)
  }
  const [first, second] = attempts
  for (const name of ['nonce', 'state', 'code_challenge']) {
    expect(second?.get(name)).not.toBe(first?.get(name))
  }

  const [exchange, ...others] = tokenRequests(traffic.requests)
  expect(others).toEqual([])
  expect(exchange?.get('grant_type')).toBe('authorization_code')
  expect(base64UrlSha256(exchange?.get('code_verifier') ?? '')).toBe(second?.get('code_challenge'))
  expect(exchange?.get('redirect_uri')).toBe(`${stack.appOrigin}/auth/callback`)
  expect(exchange?.get('client_id')).toBe(stack.clientId)
  expect(exchange?.has('client_secret')).toBe(false)
  const authorized = await traffic.authorized()
  expect(authorized.filter(({ request }) => request.url().startsWith(stack.issuer))).toEqual([])
})

test('SEC-25 SEC-06 bearer tokens go only to their own API, in the Authorization header', async ({
  page,
  context,
  request,
  traffic,
}) => {
  const config = (await (await request.get('/config.json')).json()) as {
    apis: Record<string, { baseUrl: string }>
  }
  const apiOrigins = Object.values(config.apis).map((api) => new URL(api.baseUrl).origin)
  const evil = await Evil.install(context)
  await page.clock.install()
  await page.goto('/profile')
  await signInAtProvider(page)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  const main = page.getByRole('navigation', { name: 'Main' })
  for (const name of ['Tasks', 'Notes']) {
    const called = page.waitForResponse((r) => r.request().headers().authorization !== undefined)
    await main.getByRole('link', { name }).click()
    expect((await called).ok()).toBe(true)
  }
  // A renewal (refresh grant) is part of the session too.
  await page.clock.fastForward(pastAccessTokenExpiry)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })
  // Paths that try to leave the API's base URL are refused before any token is attached, also
  // towards origins the CSP lets through (the provider, the other API).
  const otherApi = apiOrigins.find((origin) => origin !== stack.apiUrl) ?? ''
  for (const path of [
    `${stack.issuer}/me`,
    `//${new URL(stack.issuer).host}/me`,
    `${otherApi}/notes`,
    `${EVIL_ORIGIN}/steal`,
    '//localhost:9666/steal',
  ]) {
    await expect(fetchApi(page, path), path).rejects.toThrow(/API paths|outside/)
  }

  const authorized = await traffic.authorized()
  expect(authorized.length).toBeGreaterThanOrEqual(4)
  const originsByToken = new Map<string, Set<string>>()
  for (const { request: sent, authorization } of authorized) {
    const origin = new URL(sent.url()).origin
    expect(apiOrigins, sent.url()).toContain(origin)
    expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)
    const token = authorization.slice('Bearer '.length)
    originsByToken.set(token, new Set([...(originsByToken.get(token) ?? []), origin]))
  }
  // Each API gets its own token (audience-restricted), never another API's.
  expect(new Set(authorized.map(({ request: sent }) => new URL(sent.url()).origin)).size).toBe(2)
  for (const origins of originsByToken.values()) expect(origins.size).toBe(1)
  expect(traffic.grants('refresh_token')).toBeGreaterThanOrEqual(1)
  expect(tokenRequests(traffic.requests).filter((form) => form.has('client_secret'))).toEqual([])
  for (const sent of traffic.requests) {
    for (const token of originsByToken.keys()) expect(sent.url()).not.toContain(token)
  }
  expect(evil.received).toEqual([])
})

test('SEC-25 an API that always answers 401 gets one renewal and one retry, then an alert', async ({
  page,
  context,
  traffic,
}) => {
  const cors = {
    'Access-Control-Allow-Origin': stack.appOrigin,
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Expose-Headers': 'WWW-Authenticate',
  }
  await context.route(
    (url) => url.origin === stack.apiUrl,
    (route) =>
      route.request().method() === 'OPTIONS'
        ? route.fulfill({ status: 204, headers: cors })
        : route.fulfill({
            status: 401,
            headers: { ...cors, 'WWW-Authenticate': 'Bearer error="invalid_token"' },
            body: '',
          }),
  )

  await page.goto('/profile')
  await signInAtProvider(page)

  const region = page.getByRole('region', { name: 'From the demo API' })
  await expect(region.getByRole('alert')).toContainText('api_token_rejected')
  const calls = traffic.to(stack.apiUrl).filter((r) => r.method() === 'GET')
  expect(calls).toHaveLength(2)
  expect(traffic.grants('refresh_token')).toBe(1)
  await expectSignedIn(page)
})

test('SEC-12 SEC-27 SEC-37 no token or code in URLs, referrers, console, localStorage, cookies or IndexedDB', async ({
  page,
  context,
  traffic,
  consoleMessages,
}) => {
  await page.goto('/profile')
  // On the provider's page: the login state (PKCE verifier, nonce) is in the app's
  // sessionStorage, not its localStorage (oidc-client-ts's default).
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
  const whileAway = await context.storageState()
  await signInAtProvider(page)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)

  const tokens = await heldTokens(page)
  expect(tokens.length).toBeGreaterThanOrEqual(3)
  const callback = traffic.requests.find((r) => r.url().startsWith(`${stack.appOrigin}/auth/`))
  const code = new URL(callback?.url() ?? 'http://x/').searchParams.get('code') ?? ''
  expect(code).not.toBe('')
  const secrets = [...tokens, code]
  const leaksIn = (text: string) => secrets.filter((secret) => text.includes(secret))

  for (const state of [whileAway, await context.storageState()]) {
    for (const origin of state.origins) expect(origin.localStorage, origin.origin).toEqual([])
    for (const cookie of state.cookies) {
      expect(leaksIn(cookie.value)).toEqual([])
      expect(cookie.value).not.toMatch(JWT_PATTERN)
    }
  }
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([])
  // The code arrives in the callback's URL, the one place it must; nowhere else.
  for (const request of traffic.requests.filter((r) => r !== callback)) {
    expect(leaksIn(request.url()), request.url()).toEqual([])
    expect(request.url()).not.toMatch(JWT_PATTERN)
  }
  for (const request of traffic.requests) {
    const referer = (await request.headerValue('referer')) ?? ''
    expect(leaksIn(referer), request.url()).toEqual([])
    expect(referer).not.toContain('code=')
  }
  expect(leaksIn(consoleMessages.join('\n'))).toEqual([])
  expect(consoleMessages.join('\n')).not.toMatch(JWT_PATTERN)
  expect(leaksIn(page.url())).toEqual([])
})
