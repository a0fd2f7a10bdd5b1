// @vitest-environment node
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { createAuthFixture } from '../../testing/auth-fixture'
import { accessTokenClaims } from './diagnosis'

describe('the sign-in diagnosis', () => {
  it('names the URIs to register, checks discovery as served, and keeps the last failure', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const state = new URL(fixture.navigations[0] ?? '').searchParams.get('state') ?? ''
    const refused = new URL('https://app.example.test/auth/callback')
    refused.searchParams.set('error', 'access_denied')
    refused.searchParams.set('error_description', 'AADSTS65004: User declined to consent.')
    refused.searchParams.set('state', state)
    refused.searchParams.set('iss', fixture.provider.issuer)
    await fixture.auth.handleCallback(refused.href).catch(() => undefined)

    const diagnosis = await fixture.auth.diagnose()

    expect(diagnosis).toMatchObject({
      redirectUri: 'https://app.example.test/auth/callback',
      postLogoutRedirectUri: 'https://app.example.test/',
      authority: fixture.provider.issuer,
      discovery: { issuer: fixture.provider.issuer, problem: undefined },
      lastError: {
        code: 'provider_error',
        providerError: 'access_denied',
        providerErrorDescription: 'AADSTS65004: User declined to consent.',
      },
    })
    if ('endpoints' in diagnosis.discovery) {
      expect(diagnosis.discovery.endpoints.every((endpoint) => endpoint.allowed)).toBe(true)
    }
  })

  it('says why discovery is refused, and which endpoints live where config.json does not allow', async () => {
    const fixture = await createAuthFixture({}, { discoveryIssuer: 'https://elsewhere.example' })

    const { discovery } = await fixture.auth.diagnose()

    expect(discovery).toMatchObject({ issuer: 'https://elsewhere.example' })
    expect('problem' in discovery ? discovery.problem : undefined).toMatch(/issuer/i)
  })

  it('shows a JWT access token’s audience, scopes, issuer and expiry, and nothing of an opaque one', async () => {
    const key = new TextEncoder().encode('a-key-of-at-least-thirty-two-bytes!!')
    const jwt = await new SignJWT({
      scp: 'api:read',
      aud: 'https://api.example',
      iss: 'https://idp',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(2_000_000_000)
      .sign(key)

    expect(accessTokenClaims(jwt)).toEqual({
      aud: 'https://api.example',
      scope: 'api:read',
      iss: 'https://idp',
      exp: 2_000_000_000,
    })
    expect(accessTokenClaims('an-opaque-token')).toBeUndefined()
  })
})
