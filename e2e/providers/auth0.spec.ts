import { expect, fetchApi, signIn, test } from '../fixtures'
import {
  accessTokenClaims,
  fetchNotes,
  nextRefreshAnswer,
  refreshGrants,
  requestsTo,
  sessionEndedAtProvider,
  signInCallRenewSignOut,
  type VendorEndpoints,
} from './support/journey'

/** Auth0's issuer is the tenant origin with a trailing slash; its endpoints hang off it. */
function auth0Endpoints(issuer: string): VendorEndpoints {
  expect(issuer).toMatch(/:\d+\/$/)
  return {
    authorization: `${issuer}authorize`,
    token: `${issuer}oauth/token`,
    endSession: `${issuer}oidc/logout`,
  }
}

test('signs in, calls the API, renews after expiry and signs out at /oidc/logout', async ({
  page,
  provider,
  stack,
}) => {
  const endpoints = auth0Endpoints(stack.issuer)
  await signInCallRenewSignOut(page, provider, stack, endpoints)
  expect(requestsTo(provider, endpoints.endSession)).toHaveLength(1)
})

test('names the first API with audience when signing in, the second on refresh (MRRT)', async ({
  page,
  provider,
  stack,
}) => {
  const endpoints = auth0Endpoints(stack.issuer)
  await page.clock.install()
  await signIn(page)

  const [authorize] = requestsTo(provider, endpoints.authorization)
  const params = new URL(authorize?.url() ?? 'about:blank').searchParams
  expect(params.getAll('audience')).toEqual([stack.apiUrl])
  expect(params.has('resource')).toBe(false)
  // The code exchange gave the demo API's token: calling it needs no refresh.
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: 'user-alice' })
  expect(refreshGrants(provider, endpoints.token)).toHaveLength(0)

  const answer = nextRefreshAnswer(page, endpoints.token)
  await expect(fetchNotes(page)).resolves.toBeDefined()
  const [notesGrant] = refreshGrants(provider, endpoints.token)
  expect(notesGrant?.get('audience')).toBe(stack.notesApiUrl)
  expect(notesGrant?.has('resource')).toBe(false)
  // Auth0 also addresses its API tokens to its userinfo endpoint.
  expect((await accessTokenClaims(await answer)).aud).toEqual([
    stack.notesApiUrl,
    `${stack.issuer}userinfo`,
  ])
})

test('without "audience" the API refuses the userinfo-only token, and the page says what to set', async ({
  page,
  stack,
}) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch()
    const config = (await response.json()) as { apis: { demo: Record<string, unknown> } }
    delete config.apis.demo.audience
    await route.fulfill({ response, json: config })
  })
  await signIn(page)

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()

  const alert = page.getByRole('region', { name: 'From the demo API' }).getByRole('alert')
  await expect(alert).toContainText('The API refused the request')
  await expect(alert).toContainText('"apis.demo.audience"')
  expect(errors.join('\n')).toContain('apis.demo.audience')
  expect(errors.join('\n')).toContain(stack.apiUrl)
})

test('"Unknown or invalid refresh token" (403) ends the session and brings the user back', async ({
  page,
  stack,
}) => {
  const answer = await sessionEndedAtProvider(page, auth0Endpoints(stack.issuer))

  expect(answer.status).toBe(403)
  expect(answer.body).toEqual({
    error: 'invalid_grant',
    error_description: 'Unknown or invalid refresh token.',
  })
})
