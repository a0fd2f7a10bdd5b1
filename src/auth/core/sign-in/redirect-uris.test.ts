import { describe, expect, it } from 'vitest'

import { mayRenewInFrame, redirectUris } from './redirect-uris'

describe('redirectUris', () => {
  it('puts every path below the app’s base, not below its origin', () => {
    const uris = redirectUris(
      { redirectPath: '/auth/callback', postLogoutRedirectPath: '/' },
      'https://app.example.test/portal/',
    )

    expect(uris).toEqual({
      redirectUri: 'https://app.example.test/portal/auth/callback',
      postLogoutRedirectUri: 'https://app.example.test/portal/',
      silentRedirectUri: 'https://app.example.test/portal/silent-callback.html',
    })
  })

  it('keeps a port and the configured paths as written', () => {
    const uris = redirectUris(
      { redirectPath: '/signin-oidc', postLogoutRedirectPath: '/bye' },
      'http://localhost:5173/',
    )

    expect(uris.redirectUri).toBe('http://localhost:5173/signin-oidc')
    expect(uris.postLogoutRedirectUri).toBe('http://localhost:5173/bye')
  })
})

describe('mayRenewInFrame', () => {
  it.each([
    ['auto', true],
    ['iframe', true],
    ['refresh-token', false],
  ] as const)('with renewal "%s": %s', (renewal, expected) => {
    expect(mayRenewInFrame({ renewal })).toBe(expected)
  })
})
