/**
 * SEC-10 (and SEC-01): the discovery document is the provider's word on where to send the
 * user, the code and the tokens. The hostile provider rewrites it; the app must refuse to sign
 * in before anything reaches a wrong place.
 */
import {
  Evil,
  EVIL_ORIGIN,
  expect,
  expectSignInRefused,
  stack,
  startSignIn,
  test,
} from './support/hostile'

const refusedBeforeRedirect = [
  {
    title: 'SEC-10 refuses to sign in when discovery names another issuer',
    discovery: { issuer: EVIL_ORIGIN },
    code: 'issuer_mismatch',
  },
  {
    title: 'SEC-10 refuses an issuer that differs from the authority by a trailing slash',
    discovery: { issuer: `${stack.issuer}/` },
    code: 'issuer_mismatch',
  },
  {
    title: 'SEC-01 refuses a provider that offers PKCE only with the plain method',
    discovery: { code_challenge_methods_supported: ['plain'] },
    code: 'discovery_failed',
  },
]

for (const { title, discovery, code } of refusedBeforeRedirect) {
  test(title, async ({ page, hostile, traffic }) => {
    await hostile.set({ discovery })

    await startSignIn(page)

    await expectSignInRefused(page, code)
    expect(traffic.authorizeRequests()).toHaveLength(0)
    expect(new URL(page.url()).origin).toBe(stack.appOrigin)
  })
}

test('SEC-10 a token endpoint on another origin never receives the code', async ({
  page,
  context,
  hostile,
  traffic,
}) => {
  const evil = await Evil.install(context)
  await hostile.set({ discovery: { token_endpoint: `${EVIL_ORIGIN}/token` } })

  await startSignIn(page)

  // Refused by the app before the redirect (endpoint origins); the CSP's connect-src (SEC-30)
  // would stop the exchange as a second line.
  await expect(page.getByRole('alert')).toContainText('issuer_mismatch')
  await expect(page.getByRole('alert').getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(evil.received).toEqual([])
  expect(traffic.to(EVIL_ORIGIN)).toEqual([])
  expect(traffic.grants('authorization_code')).toBe(0)
})

// A navigation is not covered by the CSP: the app itself must refuse a discovery document
// that sends the user (with state, nonce and PKCE challenge) to another origin.
test('SEC-10 refuses an authorization endpoint on another origin', async ({
  page,
  context,
  hostile,
  traffic,
}) => {
  const evil = await Evil.install(context)
  await hostile.set({ discovery: { authorization_endpoint: `${EVIL_ORIGIN}/authorize` } })

  await startSignIn(page)

  await expect(page.getByRole('alert').getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(evil.received).toEqual([])
  expect(traffic.to(EVIL_ORIGIN)).toEqual([])
  expect(new URL(page.url()).origin).toBe(stack.appOrigin)
})

// Same for sign-out: an end_session_endpoint on another origin would receive the ID token as
// id_token_hint. Such a discovery document is refused before anyone signs in.
test('SEC-10 SEC-29 never sends the ID token to an end-session endpoint on another origin', async ({
  page,
  context,
  hostile,
  traffic,
}) => {
  const evil = await Evil.install(context)
  await hostile.set({ discovery: { end_session_endpoint: `${EVIL_ORIGIN}/logout` } })

  await startSignIn(page)

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('issuer_mismatch')
  await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(evil.received).toEqual([])
  expect(traffic.to(EVIL_ORIGIN)).toEqual([])
  expect(traffic.grants('authorization_code')).toBe(0)
})
