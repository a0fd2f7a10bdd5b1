// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { parseMetadata } from './metadata'

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
})
