import type { Page, Request, Response } from '@playwright/test'
import { decodeJwt } from 'jose'

import type { DevStack } from '../../../dev/config'
import {
  expect,
  fetchApi,
  pastExpiry,
  type ProviderTraffic,
  signIn,
  signInAtProvider,
} from '../../fixtures'
import { signOut } from '../../support/account'

/** Where the vendor keeps its endpoints, spelled out per spec (not read from the profile). */
export interface VendorEndpoints {
  readonly authorization: string
  readonly token: string
  readonly endSession: string
}

const withoutQuery = (url: string) => url.replace(/[?#].*$/, '')

/** The browser's requests to `endpoint` (ignoring the query). */
export function requestsTo(traffic: ProviderTraffic, endpoint: string): Request[] {
  return traffic.requests.filter((request) => withoutQuery(request.url()) === endpoint)
}

/** The refresh grants the browser sent to `tokenEndpoint`, as their form parameters. */
export function refreshGrants(traffic: ProviderTraffic, tokenEndpoint: string): URLSearchParams[] {
  return requestsTo(traffic, tokenEndpoint)
    .filter((request) => request.method() === 'POST')
    .map((request) => new URLSearchParams(request.postData() ?? ''))
    .filter((form) => form.get('grant_type') === 'refresh_token')
}

/** Calls the notes API (the second API) through the app's real token path. */
export function fetchNotes(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    if (!window.tesseraDiagnostics) throw new Error('diagnostics are off in config.json')
    return window.tesseraDiagnostics.fetchApi('notes', '/notes')
  })
}

/** The payload of the access token in a token endpoint answer (test-side inspection only). */
export async function accessTokenClaims(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as { access_token?: unknown }
  if (typeof body.access_token !== 'string') throw new Error('no access token in the answer')
  return decodeJwt(body.access_token)
}

/** Waits for the next successful refresh grant answer from `tokenEndpoint`. */
export function nextRefreshAnswer(page: Page, tokenEndpoint: string): Promise<Response> {
  return page.waitForResponse(
    (response) =>
      response.url() === tokenEndpoint &&
      new URLSearchParams(response.request().postData() ?? '').get('grant_type') ===
        'refresh_token',
  )
}

/**
 * The journey every vendor must support: sign in at its authorization endpoint, call the demo
 * API, renew after expiry through its token endpoint, reach the second API, sign out at its
 * end-session endpoint with `id_token_hint`, and be asked for credentials again.
 */
export async function signInCallRenewSignOut(
  page: Page,
  traffic: ProviderTraffic,
  stack: DevStack,
  endpoints: VendorEndpoints,
): Promise<void> {
  await page.clock.install()
  await signIn(page)
  expect(requestsTo(traffic, endpoints.authorization)).toHaveLength(1)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: 'user-alice' })
  // Scope-selecting vendors' first call refreshes (the code's token has every API's scopes).
  const before = refreshGrants(traffic, endpoints.token).length

  await page.clock.fastForward(pastExpiry)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: 'user-alice' })
  await expect(fetchNotes(page)).resolves.toBeDefined()
  expect(refreshGrants(traffic, endpoints.token)).toHaveLength(before + 2)

  await signOut(page)
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()
  const [logout] = requestsTo(traffic, endpoints.endSession)
  const logoutUrl = new URL(logout?.url() ?? 'about:blank')
  expect(logoutUrl.searchParams.get('id_token_hint')).toBeTruthy()
  expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.appOrigin}/`)
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
}

/**
 * Ends the provider session behind the app's back (its refresh token dies with it), then lets
 * the access token expire and opens the profile page: the vendor's `invalid_grant` must end
 * the session visibly and bring the user back after signing in again.
 */
export async function sessionEndedAtProvider(
  page: Page,
  endpoints: VendorEndpoints,
): Promise<{ readonly status: number; readonly body: unknown }> {
  await page.clock.install()
  await signIn(page)
  const other = await page.context().newPage()
  await other.goto(endpoints.endSession)
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(other.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  await other.close()
  await page.clock.fastForward(pastExpiry)

  const refused = page.waitForResponse(
    (response) => response.url() === endpoints.token && response.status() >= 400,
  )
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()
  const answer = await refused
  // Read now: the body is gone once the page navigates to the provider.
  const refusal = { status: answer.status(), body: (await answer.json()) as unknown }
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Please sign in again')
  await alert.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText('Alice')
  return refusal
}
