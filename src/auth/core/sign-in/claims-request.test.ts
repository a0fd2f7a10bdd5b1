// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { UsageError } from '../../../errors'
import { claimsRequest } from './claims-request'

describe('claimsRequest', () => {
  it('announces client capabilities as access_token.xms_cc', () => {
    expect(claimsRequest(undefined, ['cp1'])).toBe('{"access_token":{"xms_cc":{"values":["cp1"]}}}')
  })

  it('merges them into a claims challenge, keeping what the challenge asks', () => {
    const challenge = '{"access_token":{"nbf":{"essential":true,"value":"1"}},"id_token":{}}'

    expect(JSON.parse(claimsRequest(challenge, ['cp1']) ?? '')).toEqual({
      access_token: { nbf: { essential: true, value: '1' }, xms_cc: { values: ['cp1'] } },
      id_token: {},
    })
  })

  it('sends nothing without either, and refuses a challenge that is not a JSON object', () => {
    expect(claimsRequest(undefined, [])).toBeUndefined()
    expect(() => claimsRequest('[1]', [])).toThrow(UsageError)
  })
})
