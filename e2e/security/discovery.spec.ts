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

/**
 * Endpoints on another origin. The CSP covers fetches (token) but not navigations (authorize,
 * end-session, which would receive the ID token as id_token_hint): the app itself refuses such
 * a discovery document before the redirect, so nothing reaches the other origin.
 */
const foreignEndpoints = [
  {
    title: 'SEC-10 a token endpoint on another origin never receives the code',
    discovery: { token_endpoint: `${EVIL_ORIGIN}/token` },
  },
  {
    title: 'SEC-10 refuses an authorization endpoint on another origin',
    discovery: { authorization_endpoint: `${EVIL_ORIGIN}/authorize` },
  },
  {
    title: 'SEC-10 SEC-29 never sends the ID token to an end-session endpoint on another origin',
    discovery: { end_session_endpoint: `${EVIL_ORIGIN}/logout` },
  },
]

for (const { title, discovery } of foreignEndpoints) {
  test(title, async ({ page, context, hostile, traffic }) => {
    const evil = await Evil.install(context)
    await hostile.set({ discovery })

    await startSignIn(page)

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('issuer_mismatch')
    await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
    expect(evil.received).toEqual([])
    expect(traffic.to(EVIL_ORIGIN)).toEqual([])
    expect(traffic.grants('authorization_code')).toBe(0)
    expect(new URL(page.url()).origin).toBe(stack.appOrigin)
  })
}
