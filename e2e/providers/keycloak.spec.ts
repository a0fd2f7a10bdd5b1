import { KEYCLOAK_REALM } from '../../dev/profiles/keycloak'
import { expect, fetchApi, pastExpiry, signIn, test } from '../fixtures'
import {
  accessTokenClaims,
  nextRefreshAnswer,
  requestsTo,
  sessionEndedAtProvider,
  signInCallRenewSignOut,
  type VendorEndpoints,
} from './support/journey'

/** A realm's issuer is `/realms/{realm}`; its endpoints live below /protocol/openid-connect/. */
function keycloakEndpoints(issuer: string): VendorEndpoints {
  expect(new URL(issuer).pathname).toBe(`/realms/${KEYCLOAK_REALM}`)
  const base = `${issuer}/protocol/openid-connect`
  return { authorization: `${base}/auth`, token: `${base}/token`, endSession: `${base}/logout` }
}

test('signs in, calls the API, renews after expiry and signs out at the realm logout', async ({
  page,
  provider,
  stack,
}) => {
  const endpoints = keycloakEndpoints(stack.issuer)
  await signInCallRenewSignOut(page, provider, stack, endpoints)
  expect(requestsTo(provider, endpoints.endSession)).toHaveLength(1)
})

test('an Audience mapper puts the API client beside "account"; answers carry refresh_expires_in', async ({
  page,
  provider,
  stack,
}) => {
  const endpoints = keycloakEndpoints(stack.issuer)
  await page.clock.install()
  await signIn(page)
  const [authorize] = requestsTo(provider, endpoints.authorization)
  const params = new URL(authorize?.url() ?? 'about:blank').searchParams
  expect(params.has('resource')).toBe(false)
  // The refresh token comes with the SSO session; offline_access would outlive sign-out.
  expect(params.get('scope')?.split(' ')).not.toContain('offline_access')

  await page.clock.fastForward(pastExpiry)
  const answer = nextRefreshAnswer(page, endpoints.token)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: 'user-alice' })

  const response = await answer
  expect(await response.json()).toMatchObject({ refresh_expires_in: expect.any(Number) })
  const claims = await accessTokenClaims(response)
  expect(claims.aud).toEqual(['tessera-api', 'account'])
  expect(claims.azp).toBe(stack.clientId)
})

test('"Session not active" ends the session and brings the user back', async ({ page, stack }) => {
  const answer = await sessionEndedAtProvider(page, keycloakEndpoints(stack.issuer))

  expect(answer.status).toBe(400)
  expect(answer.body).toMatchObject({
    error: 'invalid_grant',
    error_description: 'Session not active',
  })
})

test('warns before the SSO session ends, from refresh_expires_in', async ({ page, stack }) => {
  await page.clock.install()
  await signIn(page)
  const warning = page.getByRole('region', { name: /Your session ends at/ })

  await page.clock.fastForward((stack.lifetimes.refreshToken - 6 * 60) * 1000)
  await expect(warning).toBeHidden()
  await page.clock.fastForward(2 * 60_000)

  await expect(warning).toContainText('Your identity provider ends the session then.')
  await expect(warning.getByRole('timer')).toContainText(/Time left: [34]:\d\d/)
})
