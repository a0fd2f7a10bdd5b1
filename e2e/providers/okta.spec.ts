import { OKTA_DEFAULT_AUDIENCE } from '../../dev/profiles/okta'
import { expect, fetchApi, pastExpiry, signIn, test } from '../fixtures'
import {
  accessTokenClaims,
  nextRefreshAnswer,
  requestsTo,
  sessionEndedAtProvider,
  signInCallRenewSignOut,
  type VendorEndpoints,
} from './support/journey'

/** A custom authorization server: `/oauth2/{id}` on the org, endpoints below `/v1/`. */
function oktaEndpoints(issuer: string): VendorEndpoints {
  expect(new URL(issuer).pathname).toBe('/oauth2/default')
  return {
    authorization: `${issuer}/v1/authorize`,
    token: `${issuer}/v1/token`,
    endSession: `${issuer}/v1/logout`,
  }
}

test('signs in, calls the API, renews after expiry and signs out at /v1/logout', async ({
  page,
  provider,
  stack,
}) => {
  const endpoints = oktaEndpoints(stack.issuer)
  await signInCallRenewSignOut(page, provider, stack, endpoints)
  expect(requestsTo(provider, endpoints.endSession)).toHaveLength(1)
})

test('tokens carry the authorization server audience; scopes choose the API', async ({
  page,
  provider,
  stack,
}) => {
  const endpoints = oktaEndpoints(stack.issuer)
  await page.clock.install()
  await signIn(page)
  const [authorize] = requestsTo(provider, endpoints.authorization)
  expect(new URL(authorize?.url() ?? 'about:blank').searchParams.has('resource')).toBe(false)

  await page.clock.fastForward(pastExpiry)
  const answer = nextRefreshAnswer(page, endpoints.token)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: 'user-alice' })

  const claims = await accessTokenClaims(await answer)
  expect(claims.aud).toBe(OKTA_DEFAULT_AUDIENCE)
  expect(claims.scope).toBe(stack.apiScopes.join(' '))
})

test('"The refresh token is invalid or expired" ends the session and brings the user back', async ({
  page,
  stack,
}) => {
  const answer = await sessionEndedAtProvider(page, oktaEndpoints(stack.issuer))

  expect(answer.status).toBe(400)
  expect(answer.body).toMatchObject({
    error: 'invalid_grant',
    error_description: 'The refresh token is invalid or expired.',
  })
})
