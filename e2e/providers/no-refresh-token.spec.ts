/**
 * A provider that gives the SPA no refresh token (dev/profiles/no-refresh-token.ts): the app
 * renews access tokens with `prompt=none` in a hidden iframe, on the provider's own session.
 */
import { chromium, type Page, type Request } from '@playwright/test'

import { crossSiteAppOrigin } from '../../dev/profiles/no-refresh-token'
import {
  alice,
  endProviderSession,
  expect,
  fetchApi,
  pastExpiry,
  type ProviderTraffic,
  signIn,
  signInAtProvider,
  test,
} from '../fixtures'
import { CHROMIUM_ARGS, findChromium } from '../support/chromium'
import { watchPolicyViolations } from '../support/policy-violations'
import { accountButton } from '../support/account'

function isSilentAuthorization(request: Request): boolean {
  const url = new URL(request.url())
  return url.pathname === '/auth' && url.searchParams.get('prompt') === 'none'
}

function silentRequests(provider: ProviderTraffic): number {
  return provider.count(isSilentAuthorization)
}

test('an expired token is renewed through the hidden iframe, without a refresh grant', async ({
  page,
  provider,
}) => {
  await page.clock.install()
  await signIn(page)
  expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0)
  await page.clock.fastForward(pastExpiry)

  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })

  expect(silentRequests(provider)).toBe(1)
  const [silent] = provider.requests.filter(isSilentAuthorization)
  const params = new URL(silent?.url() ?? '').searchParams
  expect(params.get('redirect_uri')).toBe(new URL('/silent-callback.html', page.url()).href)
  expect(params.get('id_token_hint')).toBeTruthy()
  expect(provider.grants('refresh_token')).toBe(0)
  expect(provider.grants('authorization_code')).toBe(2)
  // The frame is gone once it has answered.
  await expect(page.locator('iframe')).toHaveCount(0)
})

test('SEC-46 the silent renewal frame runs under Trusted Types without a violation', async ({
  page,
  provider,
  stack,
}) => {
  const violations = await watchPolicyViolations(page, stack.appOrigin)
  const callbackPolicies: string[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/silent-callback.html') {
      callbackPolicies.push(response.headers()['content-security-policy'] ?? '')
    }
  })
  await page.clock.install()
  await signIn(page)
  await page.clock.fastForward(pastExpiry)

  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })

  expect(silentRequests(provider)).toBe(1)
  expect(callbackPolicies).toHaveLength(1)
  expect(callbackPolicies[0]).toContain("require-trusted-types-for 'script'")
  expect(callbackPolicies[0]).toContain("trusted-types 'none'")
  expect(violations).toEqual([])
})

test('concurrent calls with an expired token share one iframe', async ({ page, provider }) => {
  await page.clock.install()
  await signIn(page)
  await page.clock.fastForward(pastExpiry)

  const answers = await Promise.all(Array.from({ length: 10 }, () => fetchApi(page, '/me')))

  for (const answer of answers) expect(answer).toMatchObject({ sub: alice.sub })
  expect(silentRequests(provider)).toBe(1)
  expect(provider.grants('authorization_code')).toBe(2)
})

test('a session ended at the provider asks to sign in again and returns to the same page', async ({
  page,
  provider,
  stack,
}) => {
  await page.clock.install()
  await page.goto('/tasks')
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
  await endProviderSession(page, stack.issuer)
  await page.clock.fastForward(pastExpiry)

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Please sign in again')
  await expect(alert).toContainText('interaction_required')
  await expect(alert).toContainText('login_required')
  expect(silentRequests(provider)).toBe(1)
  await alert.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
})

/** Signs in on the app at `origin`, waits for the signed-in page. */
async function signInAt(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`)
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(accountButton(page)).toBeVisible()
}

test('with the provider on another site and third-party cookies blocked, the page says so', async ({
  stack,
}) => {
  const executablePath = findChromium()
  // Third-party cookies off, as Chromium ships it to users who block them (and Safari always).
  // The local provider's cookies are SameSite=Lax, which a cross-site frame never gets either:
  // both are the "provider on another site" case the app must explain.
  const browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [...CHROMIUM_ARGS, '--test-third-party-cookie-phaseout'],
  })
  try {
    const page = await browser.newPage()
    const silent: string[] = []
    page.on('request', (request) => {
      if (isSilentAuthorization(request)) silent.push(request.url())
    })
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.clock.install()
    // The app on localhost, the provider on 127.0.0.1: two sites.
    await signInAt(page, crossSiteAppOrigin(stack))
    await page.clock.fastForward(pastExpiry)

    await expect(fetchApi(page, '/me')).rejects.toThrow(/third-party cookies/)

    expect(silent).toHaveLength(1)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Please sign in again')
    await expect(alert).toContainText('third_party_cookies_blocked')
    await expect(alert).toContainText('host the provider on this app’s site')
    expect(errors.some((text) => text.includes('third_party_cookies_blocked'))).toBe(true)
  } finally {
    await browser.close()
  }
})

test('only the silent callback page may be framed, and only by the app', async ({ request }) => {
  const silent = (await request.get('/silent-callback.html')).headers()
  const app = (await request.get('/')).headers()

  expect(silent['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(silent['x-frame-options']).toBe('SAMEORIGIN')
  expect(app['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(app['x-frame-options']).toBe('DENY')
})
