import type { Request } from '@playwright/test'

import { appConfigFor } from '../dev/config'
import { alice, expect, fetchApi, signIn, stack, test } from './fixtures'

test.beforeEach(async ({ page }) => {
  // Deploy-time switch: the same build, a config.json with "dpop": true.
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { ...appConfigFor(stack), diagnostics: true, dpop: true } }),
  )
})

test('SEC-28 DPoP-bound tokens work in the app, renew, and are useless when stolen', async ({
  page,
  context,
  request,
}) => {
  const apiCalls: Request[] = []
  context.on('request', (r) => {
    if (r.url().startsWith(`${stack.apiUrl}/`) && r.method() !== 'OPTIONS') apiCalls.push(r)
  })
  const tokenResponses: string[] = []
  context.on('response', async (response) => {
    if (response.url() === `${stack.issuer}/token` && response.request().method() === 'POST') {
      tokenResponses.push(String(((await response.json()) as { token_type?: string }).token_type))
    }
  })
  await signIn(page)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })
  // The API rejects the token once (as if revoked there): the app renews it through the
  // DPoP-bound refresh token and retries.
  let rejected = false
  await page.route(`${stack.apiUrl}/me`, async (route) => {
    if (rejected || route.request().method() !== 'GET') return route.continue()
    rejected = true
    return route.fulfill({
      status: 401,
      headers: {
        'Access-Control-Allow-Origin': stack.appOrigin,
        'Access-Control-Expose-Headers': 'WWW-Authenticate',
        'WWW-Authenticate': 'DPoP error="invalid_token"',
      },
    })
  })
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })
  expect(rejected).toBe(true)

  await expect.poll(() => tokenResponses).toEqual(['DPoP', 'DPoP'])
  const last = apiCalls.at(-1)
  const authorization = (await last?.headerValue('authorization')) ?? ''
  expect(authorization).toMatch(/^DPoP /)
  expect(await last?.headerValue('dpop')).toBeTruthy()
  // An attacker who copied the access token, outside the browser: no key, no access.
  const token = authorization.replace(/^DPoP /, '')
  const asBearer = await request.get(`${stack.apiUrl}/me`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  const withoutProof = await request.get(`${stack.apiUrl}/me`, {
    headers: { Authorization: `DPoP ${token}` },
  })
  const replayedProof = await request.get(`${stack.apiUrl}/me`, {
    headers: { Authorization: `DPoP ${token}`, DPoP: (await last?.headerValue('dpop')) ?? '' },
  })
  expect([asBearer.status(), withoutProof.status(), replayedProof.status()]).toEqual([
    401, 401, 401,
  ])
})
