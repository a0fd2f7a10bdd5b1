/**
 * SEC-22 (OIDC Core §12.2): the ID token that comes with a refresh must describe the same
 * issuer and user as the one the session started with. The hostile provider rewrites only the
 * refresh grant's ID token; the renewed access token must then never be used.
 */
import type { Page } from '@playwright/test'

import { alice, EVIL_ORIGIN, expect, signInAtProvider, stack, test } from './support/hostile'

const pastAccessTokenExpiry = `${String(Math.ceil(stack.lifetimes.accessToken / 60) + 1)}:00`

function fetchApi(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (p) => {
    if (!window.tesseraDiagnostics) throw new Error('diagnostics are off in config.json')
    return window.tesseraDiagnostics.fetchApi('demo', p)
  }, path)
}

async function signInAndExpireAccessToken(page: Page): Promise<void> {
  await page.clock.install()
  await page.goto('/profile')
  await signInAtProvider(page)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  await page.clock.fastForward(pastAccessTokenExpiry)
}

/** Resolves to the refresh grant's response body. */
async function refreshResponse(page: Page): Promise<{ access_token: string; id_token?: string }> {
  const response = await page.waitForResponse(
    (r) =>
      r.url() === `${stack.issuer}/token` &&
      new URLSearchParams(r.request().postData() ?? '').get('grant_type') === 'refresh_token',
  )
  return (await response.json()) as { access_token: string; id_token?: string }
}

test('control: a refreshed ID token that describes the same user is accepted', async ({
  page,
  hostile,
}) => {
  await hostile.set({ tokenResponse: { grantType: 'refresh_token', idToken: { claims: {} } } })
  await signInAndExpireAccessToken(page)
  const refreshed = refreshResponse(page)

  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })

  expect((await refreshed).id_token).toMatch(/^eyJ/)
})

const changed = [
  {
    title: 'SEC-22 rejects a refreshed ID token from another issuer',
    claims: { iss: EVIL_ORIGIN },
    error: /ID token rejected: .*"iss"/,
  },
  {
    title: 'SEC-22 rejects a refreshed ID token for another user',
    claims: { sub: 'user-bob' },
    // oidc-client-ts compares `sub` itself before Tessera does; either check names "sub".
    error: /ID token rejected: .*sub/,
  },
]

for (const { title, claims, error } of changed) {
  test(title, async ({ page, hostile, traffic }) => {
    await hostile.set({ tokenResponse: { grantType: 'refresh_token', idToken: { claims } } })
    await signInAndExpireAccessToken(page)
    const refreshed = refreshResponse(page)

    await expect(fetchApi(page, '/me')).rejects.toThrow(error)

    const { access_token: renewed } = await refreshed
    expect(traffic.grants('refresh_token')).toBe(1)
    const sent = await traffic.authorized()
    expect(sent.filter(({ authorization }) => authorization.includes(renewed))).toEqual([])
    // The rotated refresh token came back in a rejected answer: the session ends visibly
    // (rather than replaying a spent token later), and nothing of the other identity is shown.
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('interaction_required')
    await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expect(page.getByText('Bob', { exact: false })).toHaveCount(0)
    expect(await page.evaluate(() => Object.keys(sessionStorage))).not.toContain(
      'tessera.session:tessera-spa',
    )
  })
}
