// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { assertDpopSupported, discoveryUrl, parseMetadata } from './metadata'

const issuer = 'https://idp.example.test/tenant'
const discovery = {
  issuer,
  authorization_endpoint: 'https://idp.example.test/authorize',
  token_endpoint: 'https://idp.example.test/token',
  jwks_uri: 'https://idp.example.test/jwks',
  end_session_endpoint: 'https://idp.example.test/logout',
}

describe('parseMetadata', () => {
  it('accepts endpoints on the issuer’s origin', () => {
    expect(parseMetadata(discovery, issuer).token_endpoint).toBe(discovery.token_endpoint)
  })

  it('refuses an issuer that differs from the authority, even by a trailing slash', () => {
    expect(() => parseMetadata(discovery, `${issuer}/`)).toThrow(
      expect.objectContaining({ code: 'issuer_mismatch' }),
    )
  })

  it.each(['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'end_session_endpoint'])(
    'refuses a %s on another origin unless the deployer trusts it',
    (key) => {
      const moved = { ...discovery, [key]: 'https://evil.example/x' }

      expect(() => parseMetadata(moved, issuer)).toThrow(
        expect.objectContaining({ code: 'issuer_mismatch' }),
      )
      expect(() => parseMetadata(moved, issuer, ['https://evil.example'])).not.toThrow()
    },
  )

  it('refuses plain http off loopback and PKCE without S256', () => {
    expect(() =>
      parseMetadata({ ...discovery, token_endpoint: 'http://idp.example.test/token' }, issuer),
    ).toThrow(expect.objectContaining({ code: 'discovery_failed' }))
    expect(() =>
      parseMetadata({ ...discovery, code_challenge_methods_supported: ['plain'] }, issuer),
    ).toThrow(expect.objectContaining({ code: 'discovery_failed' }))
  })

  it('keeps an Auth0 issuer’s trailing slash and a Keycloak realm path exactly', () => {
    const auth0 = 'https://tenant.eu.auth0.com/'
    const auth0Discovery = {
      issuer: auth0,
      authorization_endpoint: `${auth0}authorize`,
      token_endpoint: `${auth0}oauth/token`,
      jwks_uri: `${auth0}.well-known/jwks.json`,
    }
    const realm = 'https://sso.example.test/realms/tessera'
    const realmDiscovery = {
      issuer: realm,
      authorization_endpoint: `${realm}/protocol/openid-connect/auth`,
      token_endpoint: `${realm}/protocol/openid-connect/token`,
      jwks_uri: `${realm}/protocol/openid-connect/certs`,
    }

    expect(discoveryUrl(auth0)).toBe('https://tenant.eu.auth0.com/.well-known/openid-configuration')
    expect(parseMetadata(auth0Discovery, auth0).issuer).toBe(auth0)
    expect(() => parseMetadata(auth0Discovery, 'https://tenant.eu.auth0.com')).toThrow(
      expect.objectContaining({ code: 'issuer_mismatch', fix: expect.stringContaining(auth0) }),
    )
    expect(discoveryUrl(realm)).toBe(`${realm}/.well-known/openid-configuration`)
    expect(parseMetadata(realmDiscovery, realm).issuer).toBe(realm)
  })
})

describe('assertDpopSupported', () => {
  it('accepts a provider that offers DPoP with ES256', () => {
    const metadata = parseMetadata(
      { ...discovery, dpop_signing_alg_values_supported: ['ES256', 'EdDSA'] },
      issuer,
    )

    expect(() => {
      assertDpopSupported(metadata, 'ES256')
    }).not.toThrow()
  })

  it.each([
    ['does not offer DPoP', undefined, 'does not offer DPoP'],
    ['offers other algorithms only', ['EdDSA'], 'only with EdDSA'],
  ])('explains a provider that %s', (_case, offered, message) => {
    const metadata = parseMetadata(
      offered === undefined
        ? discovery
        : { ...discovery, dpop_signing_alg_values_supported: offered },
      issuer,
    )

    expect(() => {
      assertDpopSupported(metadata, 'ES256')
    }).toThrow(
      expect.objectContaining({
        code: 'discovery_failed',
        message: expect.stringContaining(message),
      }),
    )
  })
})
