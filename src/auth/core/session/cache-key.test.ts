// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { tokenCacheKey } from './cache-key'

const parts = {
  issuer: 'https://idp',
  clientId: 'spa',
  sub: 'alice',
  resource: 'https://api',
  scopes: ['b', 'a'],
}

describe('tokenCacheKey', () => {
  it('ignores scope order and duplicates', () => {
    expect(tokenCacheKey(parts)).toBe(tokenCacheKey({ ...parts, scopes: ['a', 'b', 'a'] }))
  })

  it.each([
    ['issuer', { issuer: 'https://other' }],
    ['client', { clientId: 'other' }],
    ['user', { sub: 'bob' }],
    ['resource', { resource: 'https://other-api' }],
    ['scopes', { scopes: ['a'] }],
  ])('separates tokens by %s', (_name, change) => {
    expect(tokenCacheKey({ ...parts, ...change })).not.toBe(tokenCacheKey(parts))
  })

  it('cannot be confused by separators inside values', () => {
    expect(tokenCacheKey({ ...parts, issuer: 'a|b', clientId: 'c' })).not.toBe(
      tokenCacheKey({ ...parts, issuer: 'a', clientId: 'b|c' }),
    )
  })
})
