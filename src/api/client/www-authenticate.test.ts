// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { parseWwwAuthenticate } from './www-authenticate'

describe('parseWwwAuthenticate', () => {
  it('reads an RFC 6750 Bearer challenge', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="demo", error="invalid_token", error_description="The token \\"expired\\""',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: { realm: 'demo', error: 'invalid_token', error_description: 'The token "expired"' },
      },
    ])
  })

  it('reads several challenges and unquoted values', () => {
    expect(parseWwwAuthenticate('DPoP algs="ES256", Bearer error=insufficient_scope')).toEqual([
      { scheme: 'dpop', params: { algs: 'ES256' } },
      { scheme: 'bearer', params: { error: 'insufficient_scope' } },
    ])
  })

  it('reads an Entra claims challenge', () => {
    const [challenge] = parseWwwAuthenticate(
      'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="',
    )
    expect(challenge?.params.claims).toBe('eyJhY2Nlc3NfdG9rZW4iOnt9fQ==')
  })

  it('returns nothing for no header', () => {
    expect(parseWwwAuthenticate(null)).toEqual([])
  })
})
