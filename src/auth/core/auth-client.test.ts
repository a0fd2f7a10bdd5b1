// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'

import { createAuthFixture, testConfig } from '../../testing/auth-fixture'
import { AuthClient } from './auth-client'
import { AuthError } from './errors'

describe('AuthClient sign-in', () => {
  it('sends PKCE S256, a nonce and a state, and stores nothing before the callback', async () => {
    const { auth, navigations, storage } = await createAuthFixture()

    await auth.signIn({ returnTo: '/profile' })

    const url = new URL(navigations[0] ?? '')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.getAll('resource')).toEqual([
      'https://api.example.test',
      'https://notes.example.test',
    ])
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'offline_access', 'api:read', 'notes:read']),
    )
    expect(storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })

  it('signs in, validates the ID token and returns to the requested path', async () => {
    const fixture = await createAuthFixture()

    await fixture.auth.signIn({ returnTo: '/tasks?filter=open' })
    const callback = fixture.provider.authorize(fixture.navigations[0] ?? '')
    const { returnTo } = await fixture.auth.handleCallback(callback)

    expect(returnTo).toBe('/tasks?filter=open')
    const snapshot = fixture.auth.getSnapshot()
    expect(snapshot.status).toBe('signed-in')
    expect(snapshot.user?.name).toBe('Alice Liddell')
    expect(snapshot.user?.sub).toBe('user-alice')
  })

  it('redeems the code once when the callback is handled twice in the same tick', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const callback = fixture.provider.authorize(fixture.navigations[0] ?? '')

    const [first, second] = await Promise.all([
      fixture.auth.handleCallback(callback),
      fixture.auth.handleCallback(callback),
    ])

    expect(first).toBe(second)
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(1)
  })

  it('rejects a replayed callback without a second token request', async () => {
    const fixture = await createAuthFixture()
    const callback = await fixture.signIn()
    const second = await createAuthFixture()
    second.provider.requests.length = 0

    await expect(second.auth.handleCallback(callback)).rejects.toMatchObject({
      code: expect.stringMatching(/callback_invalid|issuer_mismatch/),
    })
    expect(second.provider.tokenGrants('authorization_code')).toBe(0)
  })

  it('never returns to another origin', async () => {
    const fixture = await createAuthFixture()

    await fixture.auth.signIn({ returnTo: '//evil.example/steal' })
    const { returnTo } = await fixture.auth.handleCallback(
      fixture.provider.authorize(fixture.navigations[0] ?? ''),
    )

    expect(returnTo).toBe('/')
  })

  it('shows the provider error and stores nothing when the user cancels', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const authorize = new URL(fixture.navigations[0] ?? '')
    const callback = new URL('https://app.example.test/auth/callback')
    callback.searchParams.set('error', 'access_denied')
    callback.searchParams.set('error_description', 'The user cancelled the sign-in.')
    callback.searchParams.set('state', authorize.searchParams.get('state') ?? '')
    callback.searchParams.set('iss', fixture.provider.issuer)

    await expect(fixture.auth.handleCallback(callback.href)).rejects.toMatchObject({
      code: 'provider_error',
      providerError: 'access_denied',
    })
    expect(fixture.auth.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'provider_error' },
    })
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(0)
    expect(fixture.storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })

  // SEC-43: a crafted link must not put its author's words in the app's alert.
  it('checks state before iss, and never echoes a callback parameter into the error', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const text = 'Your account is locked: call +1 555 0100'
    const forged = new URL('https://app.example.test/auth/callback')
    forged.searchParams.set('code', 'forged-code')
    forged.searchParams.set('state', 'not-a-state-of-this-tab')
    forged.searchParams.set('iss', text)

    const error = await fixture.auth.handleCallback(forged.href).then(
      () => undefined,
      (caught: unknown) => caught,
    )

    expect(error).toMatchObject({ code: 'callback_invalid' })
    expect(JSON.stringify(fixture.auth.getSnapshot().error?.message)).not.toContain('555')
    expect((error as Error).message).not.toContain('555')
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(0)
  })

  it('names no issuer from the response when its iss is wrong', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const callback = fixture.provider.authorize(fixture.navigations[0] ?? '', {
      iss: 'https://attacker.example/call-555-0100',
    })

    const error: unknown = await fixture.auth.handleCallback(callback).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'issuer_mismatch' })
    expect((error as Error).message).not.toContain('attacker')
  })

  it('rejects an authorization response from another issuer before redeeming the code (RFC 9207)', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const callback = fixture.provider.authorize(fixture.navigations[0] ?? '', {
      iss: 'https://attacker.example',
    })

    await expect(fixture.auth.handleCallback(callback)).rejects.toMatchObject({
      code: 'issuer_mismatch',
    })
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(0)
  })

  it.each([
    ['a wrong issuer', { iss: 'https://attacker.example' }],
    ['a wrong audience', { aud: 'someone-else' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['a not-before time in the future', { nbf: Math.floor(Date.now() / 1000) + 3600 }],
    ['an audience list without this client', { aud: ['someone-else', 'another'] }],
    ['an issue time in the future', { iat: Math.floor(Date.now() / 1000) + 3600 }],
    ['a wrong nonce', { nonce: 'not-the-nonce' }],
    ['a foreign azp', { azp: 'someone-else' }],
  ])('rejects an ID token with %s and stores nothing', async (_case, claims) => {
    const fixture = await createAuthFixture()
    fixture.provider.tamper.idTokenClaims = claims

    await expect(fixture.signIn()).rejects.toMatchObject({
      code: expect.stringMatching(/id_token_invalid|token_response_invalid/),
    })
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
    expect(fixture.storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })

  it('checks ID token times against the corrected clock it was given', async () => {
    const fixture = await createAuthFixture()
    fixture.clock.now = Date.now() + 2 * 3600_000 // the ID token (1 h) has expired by this clock

    await expect(fixture.signIn()).rejects.toMatchObject({ code: 'id_token_invalid' })
  })

  it('requires the acr a step-up asked for, and a fresh auth_time for max_age', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const stepUp = async () => {
      await fixture.auth.signIn({ stepUp: { acrValues: ['urn:x:mfa'], maxAge: 60 } })
      const url = new URL(fixture.navigations.at(-1) ?? '')
      expect(url.searchParams.get('acr_values')).toBe('urn:x:mfa')
      expect(url.searchParams.get('max_age')).toBe('60')
      return fixture.auth.handleCallback(fixture.provider.authorize(url.href))
    }
    const now = Math.floor(Date.now() / 1000)

    fixture.provider.tamper.idTokenClaims = { acr: 'urn:x:password', auth_time: now }
    await expect(stepUp()).rejects.toMatchObject({ code: 'id_token_invalid' })
    expect(fixture.auth.getSnapshot()).toMatchObject({
      status: 'signed-in',
      error: { code: 'id_token_invalid' },
    })
    fixture.provider.tamper.idTokenClaims = { acr: 'urn:x:mfa', auth_time: now - 3600 }
    await expect(stepUp()).rejects.toMatchObject({ code: 'id_token_invalid' })
    fixture.provider.tamper.idTokenClaims = { acr: 'urn:x:mfa', auth_time: now }
    await expect(stepUp()).resolves.toMatchObject({ returnTo: '/' })
    expect(fixture.auth.getSnapshot().user?.claims.acr).toBe('urn:x:mfa')
  })

  it('leaves at once without the signing keys, which the callback fetches while redeeming the code', async () => {
    const fixture = await createAuthFixture()
    const jwksFetches = () => fixture.provider.requests.filter((r) => r.url.endsWith('/jwks'))

    await fixture.auth.signIn({ returnTo: '/profile' })
    expect(fixture.navigations).toHaveLength(1)
    expect(jwksFetches()).toHaveLength(0)

    // The page that completes the redirect: a new client on the same tab's storage.
    const callbackPage = new AuthClient(fixture.options)
    const callback = fixture.provider.authorize(fixture.navigations[0] ?? '')
    await expect(callbackPage.handleCallback(callback)).resolves.toMatchObject({
      returnTo: '/profile',
    })
    expect(callbackPage.getSnapshot().status).toBe('signed-in')
    expect(jwksFetches()).toHaveLength(1)
  })

  it('follows a signing key rotation by fetching the JWKS once more', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const jwksFetches = () => fixture.provider.requests.filter((r) => r.url.endsWith('/jwks'))
    expect(jwksFetches()).toHaveLength(1)

    await fixture.provider.rotateKey()
    await fixture.auth.signOut()
    await fixture.signIn()

    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
    expect(jwksFetches()).toHaveLength(2)
  })

  it('SEC-47: fetches the signing keys again once its copy is a day old', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const jwksFetches = () => fixture.provider.requests.filter((r) => r.url.endsWith('/jwks'))
    expect(jwksFetches()).toHaveLength(1)

    await fixture.auth.signOut()
    fixture.clock.now += 25 * 3600_000
    const seconds = Math.floor(fixture.clock.now / 1000)
    fixture.provider.tamper.idTokenClaims = { iat: seconds, exp: seconds + 600, auth_time: seconds }
    await fixture.signIn()

    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
    expect(jwksFetches()).toHaveLength(2)
  })

  it('switches accounts: asks the provider to choose, even while signed in, and revokes the last refresh token', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const revoked = () =>
      fixture.provider.requests
        .filter((r) => r.url.endsWith('/revoke'))
        .map((r) => r.body?.get('token'))

    await fixture.auth.signIn({ prompt: 'select_account', loginHint: 'alice@example.test' })
    const url = new URL(fixture.navigations.at(-1) ?? '')
    expect(fixture.navigations).toHaveLength(2)
    expect(url.searchParams.get('prompt')).toBe('select_account')
    expect(url.searchParams.get('login_hint')).toBe('alice@example.test')

    fixture.provider.tamper.idTokenClaims = { sub: 'user-bob', name: 'Bob Builder' }
    await fixture.auth.handleCallback(fixture.provider.authorize(url.href))
    expect(fixture.auth.getSnapshot().user?.name).toBe('Bob Builder')
    await vi.waitFor(() => {
      expect(revoked()).toHaveLength(1)
    })
    expect(revoked()[0]).toMatch(/^rt-/)
  })

  it('throws at once for an extra parameter Tessera sets itself, and sends nothing', async () => {
    const fixture = await createAuthFixture()

    expect(() => fixture.auth.signIn({ extraParams: { state: 'mine' } })).toThrow(/state/)
    expect(fixture.navigations).toEqual([])
  })

  it('rejects an unsigned (alg: none) ID token', async () => {
    const fixture = await createAuthFixture()
    fixture.provider.tamper.idTokenAlg = 'none'

    await expect(fixture.signIn()).rejects.toBeInstanceOf(AuthError)
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
  })

  it('rejects a token response that is not a Bearer token', async () => {
    const fixture = await createAuthFixture()
    fixture.provider.tamper.tokenResponse = { token_type: 'mac' }

    await expect(fixture.signIn()).rejects.toMatchObject({ code: 'token_response_invalid' })
  })

  it('keeps the session across a reload without contacting the provider', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const before = fixture.provider.requests.length
    const { AuthClient } = await import('./auth-client')

    const reloaded = new AuthClient({
      config: fixture.auth.config,
      appBaseUrl: 'https://app.example.test/',
      storage: fixture.storage,
      fetch: fixture.provider.fetch,
      navigate: () => undefined,
    })
    const token = await reloaded.getAccessToken('demo')

    expect(reloaded.getSnapshot().status).toBe('signed-in')
    expect(token.token).toContain('for-https://api.example.test')
    expect(fixture.provider.requests.length).toBe(before)
  })
})

describe('AuthClient tokens', () => {
  it('uses the access token from the code exchange for the primary API', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()

    const token = await fixture.auth.getAccessToken('demo')

    expect(token).toMatchObject({ scheme: 'Bearer' })
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(0)
  })

  it('sends exactly one refresh grant for ten concurrent callers with an expired token', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    fixture.clock.now += 11 * 60_000

    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => fixture.auth.getAccessToken('demo')),
    )

    expect(new Set(tokens.map((t) => t.token)).size).toBe(1)
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(1)
    fixture.clock.now += 11 * 60_000
    await expect(fixture.auth.getAccessToken('demo')).resolves.toMatchObject({ scheme: 'Bearer' })
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(2)
  })

  it('reports one renewal event for ten concurrent callers, and no token in it', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const events: unknown[] = []
    fixture.auth.on('token-renewed', (event) => events.push(event))
    fixture.clock.now += 11 * 60_000

    await Promise.all(Array.from({ length: 10 }, () => fixture.auth.getAccessToken('demo')))

    expect(events).toEqual([{ api: 'demo', expiresAt: fixture.clock.now + 600_000 }])
    expect(fixture.auth.inspectTokens().find((row) => row.api === 'demo')).toEqual({
      api: 'demo',
      scopes: ['api:read'],
      resource: 'https://api.example.test',
      expiresInMs: 600_000,
      renewsInMs: 540_000,
    })
  })

  it('gives each API its own token and serialises their refreshes on one rotating token', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    fixture.clock.now += 11 * 60_000

    const [demo, notes] = await Promise.all([
      fixture.auth.getAccessToken('demo'),
      fixture.auth.getAccessToken('notes'),
    ])

    expect(demo.token).toContain('for-https://api.example.test')
    expect(notes.token).toContain('for-https://notes.example.test')
    const grants = fixture.provider.requests.filter(
      (r) => r.body?.get('grant_type') === 'refresh_token',
    )
    expect(grants.map((g) => g.body?.get('refresh_token'))).toHaveLength(2)
    expect(new Set(grants.map((g) => g.body?.get('refresh_token'))).size).toBe(2)
    await expect(fixture.auth.getAccessToken('demo')).resolves.toEqual(demo)
  })

  it('names APIs with Auth0 audience instead of resource, at sign-in and on refresh', async () => {
    const fixture = await createAuthFixture()
    const config = testConfig(fixture.provider.issuer, fixture.provider.clientId)
    const audienceConfig = {
      ...config,
      apis: {
        demo: { baseUrl: 'https://api.example.test', scopes: ['api:read'], audience: 'demo-api' },
        notes: { baseUrl: 'https://notes.example.test', scopes: ['notes:read'], audience: 'notes' },
      },
    }
    const auth = new AuthClient({ ...fixture.options, config: audienceConfig })

    await auth.signIn()
    const authorize = new URL(fixture.navigations.at(-1) ?? '')
    expect(authorize.searchParams.getAll('audience')).toEqual(['demo-api'])
    expect(authorize.searchParams.has('resource')).toBe(false)
    await auth.handleCallback(fixture.provider.authorize(authorize.href))

    // The code's token is the first API's: no refresh for it, one with `audience` for the other.
    await auth.getAccessToken('demo')
    await auth.getAccessToken('notes')
    const refreshes = fixture.provider.requests.filter(
      (r) => r.body?.get('grant_type') === 'refresh_token',
    )
    expect(refreshes.map((r) => r.body?.get('audience'))).toEqual(['notes'])
    expect(refreshes[0]?.body?.has('resource')).toBe(false)
    const codeExchange = fixture.provider.requests.find(
      (r) => r.body?.get('grant_type') === 'authorization_code',
    )
    expect(codeExchange?.body?.has('resource')).toBe(false)
    expect(auth.inspectTokens().map((row) => row.resource)).toEqual(['demo-api', 'notes'])
  })

  it('explains "dpop": true against a provider that does not offer DPoP, before redirecting', async () => {
    const fixture = await createAuthFixture()
    const config = testConfig(fixture.provider.issuer, fixture.provider.clientId)
    const navigations: string[] = []
    const auth = new AuthClient({
      ...fixture.options,
      config: { ...config, dpop: true },
      navigate: (url) => navigations.push(url),
    })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)

    await auth.signIn()

    expect(navigations).toEqual([])
    expect(auth.getSnapshot().error).toMatchObject({
      code: 'discovery_failed',
      message: expect.stringContaining('does not offer DPoP'),
    })
  })

  it('renews ahead of expiry within the skew margin', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()

    fixture.clock.now += 600_000 - 30_000
    await fixture.auth.getAccessToken('demo')

    expect(fixture.provider.tokenGrants('refresh_token')).toBe(1)
  })

  it('renews a token the API rejected', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    const first = await fixture.auth.getAccessToken('demo')

    fixture.auth.invalidateAccessToken('demo', first.token)
    const second = await fixture.auth.getAccessToken('demo')

    expect(second.token).not.toBe(first.token)
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(1)
  })

  it('ends the session with interaction_required when the grant is revoked', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    fixture.clock.now += 11 * 60_000
    fixture.provider.tamper.tokenStatus = 400
    fixture.provider.tamper.tokenResponse = { error: 'invalid_grant' }

    const required: unknown[] = []
    fixture.auth.on('interaction-required', (event) => required.push(event.error.code))

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
      providerError: 'invalid_grant',
    })
    expect(required).toEqual(['interaction_required'])
    expect(fixture.auth.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'interaction_required' },
    })
    expect(fixture.storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })

  it.each([
    [403, 'Unknown or invalid refresh token.'], // Auth0
    [400, 'Session not active'], // Keycloak
    [400, 'The refresh token is invalid or expired.'], // Okta
  ])('ends the session on a vendor invalid_grant (%i, "%s")', async (status, description) => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    fixture.clock.now += 11 * 60_000
    fixture.provider.tamper.tokenStatus = status
    fixture.provider.tamper.tokenResponse = {
      error: 'invalid_grant',
      error_description: description,
    }

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
      providerErrorDescription: description,
    })
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
  })

  it('keeps the session when the provider fails transiently', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    fixture.clock.now += 11 * 60_000
    fixture.provider.tamper.tokenStatus = 503

    await expect(fixture.auth.getAccessToken('demo')).rejects.toBeInstanceOf(AuthError)
    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
  })

  it('asks for interaction when nobody is signed in', async () => {
    const { auth } = await createAuthFixture()

    await expect(auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
    })
  })
})

describe('AuthClient sign-out', () => {
  it('clears the session, revokes the refresh token and ends the provider session', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()

    await fixture.auth.signOut()

    const target = new URL(fixture.navigations.at(-1) ?? '')
    expect(target.origin + target.pathname).toBe(`${fixture.provider.issuer}/logout`)
    expect(target.searchParams.get('id_token_hint')).toBeTruthy()
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe('https://app.example.test/')
    expect(fixture.provider.requests.some((r) => r.url.endsWith('/revoke'))).toBe(true)
    expect(fixture.storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })
})

describe('AuthClient storage', () => {
  it('discards a corrupted stored session instead of crashing', async () => {
    const fixture = await createAuthFixture()
    fixture.storage.setItem('tessera.session:tessera-spa', '{"v":1,"claims":')
    const { AuthClient } = await import('./auth-client')

    const auth = new AuthClient({
      config: fixture.auth.config,
      appBaseUrl: 'https://app.example.test/',
      storage: fixture.storage,
    })

    expect(auth.getSnapshot().status).toBe('signed-out')
    expect(fixture.storage.getItem('tessera.session:tessera-spa')).toBeNull()
  })
})
