/**
 * SEC-15..22: the provider hands back an ID token that must not be accepted. The hostile
 * provider redeems the code for real and rewrites only the ID token, re-signed with its own
 * key unless the test is about the signature, so exactly one check can catch each case.
 */
import type { IdTokenTamper } from '../../dev/hostile/scenario'
import {
  EVIL_ORIGIN,
  expect,
  expectSignedIn,
  expectSignInRefused,
  JWT_PATTERN,
  nowSeconds,
  signInFrom,
  stack,
  test,
} from './support/hostile'

test('control: an ID token re-signed by the provider with unchanged claims is accepted', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({ tokenResponse: { idToken: { claims: {} } } })

  await signInFrom(page)

  await expectSignedIn(page)
  expect(traffic.grants('authorization_code')).toBe(1)
})

const rejected: {
  title: string
  tamper: () => IdTokenTamper
  code?: string
  /** Text of the alert that names the failed check. */
  reason?: string
}[] = [
  {
    title: 'SEC-15 rejects an ID token from another issuer',
    tamper: () => ({ claims: { iss: EVIL_ORIGIN } }),
    reason: '"iss"',
  },
  {
    title: 'SEC-16 rejects an ID token issued to another client (aud)',
    tamper: () => ({ claims: { aud: 'someone-else' } }),
    reason: '"aud"',
  },
  {
    title: 'SEC-16 rejects an ID token whose azp is another client',
    tamper: () => ({ claims: { aud: [stack.clientId, 'someone-else'], azp: 'someone-else' } }),
    reason: '"azp" is not this client',
  },
  {
    title: 'SEC-18 rejects an expired ID token',
    tamper: () => ({ claims: { iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 } }),
    reason: '"exp"',
  },
  {
    title: 'SEC-18 rejects an ID token issued in the future (iat)',
    tamper: () => ({ claims: { iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 } }),
    reason: '"iat" is in the future',
  },
  {
    title: 'SEC-19 rejects an ID token without a subject (sub)',
    tamper: () => ({ claims: { sub: null } }),
    // oidc-client-ts refuses it before Tessera's own check (id-token.ts) is reached; its plain
    // errors are classified by class, as an unusable answer, never by their text.
    code: 'token_response_invalid',
    reason: 'missing a subject claim',
  },
  {
    title: 'SEC-03 rejects an ID token whose nonce differs from the request',
    tamper: () => ({ append: { nonce: '-replayed' } }),
  },
  {
    title: 'SEC-03 rejects an ID token without a nonce',
    tamper: () => ({ claims: { nonce: null } }),
  },
  {
    title: 'SEC-17 rejects an unsigned ID token (alg none)',
    tamper: () => ({ sign: 'none' }),
    reason: '"alg"',
  },
  {
    title: 'SEC-17 rejects an ID token signed with a key the provider never published',
    tamper: () => ({ sign: 'foreign-key' }),
    reason: 'signature verification failed',
  },
]

for (const { title, tamper, code, reason = '' } of rejected) {
  test(title, async ({ page, hostile, traffic, consoleMessages }) => {
    await hostile.set({ tokenResponse: { idToken: tamper() } })

    await signInFrom(page)

    await expectSignInRefused(page, code ?? 'id_token_invalid')
    await expect(page.getByRole('alert')).toContainText(reason)
    expect(traffic.grants('authorization_code')).toBe(1)
    // The access token the provider did issue is never used (NOT-SIGNED-IN).
    expect(await traffic.authorized()).toEqual([])
    // SEC-37: the error names the problem, never the token.
    await expect(page.getByRole('alert')).not.toContainText(JWT_PATTERN)
    expect(consoleMessages.join('\n')).not.toMatch(JWT_PATTERN)
  })
}
