// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { stepUpFrom } from './step-up'
import { parseWwwAuthenticate } from './www-authenticate'

const challenge = (header: string) => parseWwwAuthenticate(header)[0]

describe('stepUpFrom', () => {
  it('reads an RFC 9470 challenge', () => {
    expect(
      stepUpFrom(
        challenge(
          'Bearer error="insufficient_user_authentication", acr_values="urn:a urn:b", max_age="300"',
        ),
      ),
    ).toEqual({ acrValues: ['urn:a', 'urn:b'], maxAge: 300 })
  })

  it('reads an Entra claims challenge', () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}'

    expect(
      stepUpFrom(challenge(`Bearer error="insufficient_claims", claims="${btoa(claims)}"`)),
    ).toEqual({ claims })
  })

  it.each([
    'Bearer error="invalid_token"',
    'Bearer error="insufficient_claims", claims="not base64 json"',
    'Bearer realm="x"',
  ])('is not a step-up: %s', (header) => {
    expect(stepUpFrom(challenge(header))).toBeUndefined()
  })
})
