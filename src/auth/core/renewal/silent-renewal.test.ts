// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'

import { createAuthFixture } from '../../../testing/auth-fixture'
import type { AuthClientOptions } from '../auth-client'
import { type SilentFrameRequest, silentRenewalTimeout } from './silent-frame'

const EXPIRED = 11 * 60_000

type Answer = (request: SilentFrameRequest) => string | Promise<string>

/**
 * A real AuthClient and oidc-client-ts against the fake provider; only the hidden frame is
 * replaced: it "loads" the authorization request and hands back the provider's answer.
 */
async function frameFixture(
  answer: (fixture: { authorize: (url: string) => string }) => Answer,
  overrides: Partial<AuthClientOptions> = {},
  providerOptions: { issueRefreshTokens?: boolean } = { issueRefreshTokens: false },
) {
  const frames: SilentFrameRequest[] = []
  let respond: Answer = () => {
    throw new Error('no frame expected')
  }
  const fixture = await createAuthFixture(
    {
      silentFrame: async (request) => {
        frames.push(request)
        return respond(request)
      },
      ...overrides,
    },
    providerOptions,
  )
  respond = answer({ authorize: (url) => fixture.provider.authorize(url) })
  return { ...fixture, frames }
}

/** The provider's answer to a prompt=none request it cannot satisfy (OIDC Core §3.1.2.6). */
function errorAnswer(error: string, issuer: string): Answer {
  return (request) => {
    const authorize = new URL(request.url)
    const callback = new URL(authorize.searchParams.get('redirect_uri') ?? '')
    callback.searchParams.set('error', error)
    callback.searchParams.set('state', request.state)
    callback.searchParams.set('iss', issuer)
    return callback.href
  }
}

describe('silent renewal in a hidden frame', () => {
  it('renews a session without a refresh token through prompt=none, and never sends a refresh grant', async () => {
    const fixture = await frameFixture(
      ({ authorize }) =>
        (request) =>
          authorize(request.url),
    )
    await fixture.signIn()
    const first = await fixture.auth.getAccessToken('demo')
    fixture.clock.now += EXPIRED

    const renewed = await fixture.auth.getAccessToken('demo')

    expect(renewed.token).not.toBe(first.token)
    expect(renewed.token).toContain('for-https://api.example.test')
    expect(fixture.frames).toHaveLength(1)
    const [frame] = fixture.frames
    const url = new URL(frame?.url ?? '')
    expect(url.searchParams.get('prompt')).toBe('none')
    expect(url.searchParams.get('id_token_hint')).toBeTruthy()
    expect(url.searchParams.get('redirect_uri')).toBe(
      'https://app.example.test/silent-callback.html',
    )
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.getAll('resource')).toEqual(['https://api.example.test'])
    expect(url.searchParams.get('scope')?.split(' ')).not.toContain('offline_access')
    expect(frame?.appOrigin).toBe('https://app.example.test')
    expect(frame?.state).toBe(url.searchParams.get('state'))
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(0)
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(2)
    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
  })

  it('shares one frame among ten concurrent callers', async () => {
    const fixture = await frameFixture(
      ({ authorize }) =>
        (request) =>
          authorize(request.url),
    )
    await fixture.signIn()
    fixture.clock.now += EXPIRED

    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => fixture.auth.getAccessToken('demo')),
    )

    expect(new Set(tokens.map((t) => t.token)).size).toBe(1)
    expect(fixture.frames).toHaveLength(1)
  })

  it('asks to sign in again when the provider session has ended (login_required)', async () => {
    const fixture = await frameFixture(() =>
      errorAnswer('login_required', 'https://idp.example.test'),
    )
    await fixture.signIn()
    fixture.clock.now += EXPIRED

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
      providerError: 'login_required',
    })
    expect(fixture.auth.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'interaction_required' },
    })
    expect(fixture.storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })

  it('names blocked third-party cookies when the provider is on another site than the app', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const fixture = await frameFixture(
      () => errorAnswer('login_required', 'https://idp.example.test'),
      { appBaseUrl: 'https://app.elsewhere.test/' },
    )
    await fixture.signIn()
    fixture.clock.now += EXPIRED

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'third_party_cookies_blocked',
      providerError: 'login_required',
    })
    expect(fixture.auth.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'third_party_cookies_blocked' },
    })
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('third_party_cookies_blocked'))
  })

  it('refuses a renewal that signed in another user at the provider (OIDC Core §3.1.2.1)', async () => {
    const fixture = await frameFixture(
      ({ authorize }) =>
        (request) =>
          authorize(request.url),
    )
    await fixture.signIn()
    fixture.clock.now += EXPIRED
    fixture.provider.tamper.idTokenClaims = { sub: 'user-mallory' }

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
      cause: { code: 'id_token_invalid' },
    })
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
  })

  it('refuses an answer from another issuer before redeeming its code (RFC 9207)', async () => {
    const fixture = await frameFixture(({ authorize }) => (request) => {
      const callback = new URL(authorize(request.url))
      callback.searchParams.set('iss', 'https://attacker.example')
      return callback.href
    })
    await fixture.signIn()
    fixture.clock.now += EXPIRED

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      cause: { code: 'issuer_mismatch' },
    })
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(1)
  })

  it('never lets a silent answer complete a redirect sign-in', async () => {
    let silentCallback = ''
    const fixture = await frameFixture(() => (request) => {
      silentCallback = fixture.provider.authorize(request.url)
      throw silentRenewalTimeout()
    })
    await fixture.signIn()
    fixture.clock.now += EXPIRED
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'silent_renewal_timeout',
    })

    await expect(fixture.auth.handleCallback(silentCallback)).rejects.toMatchObject({
      code: 'callback_invalid',
    })
  })

  it('keeps the session when the frame times out, so the user can try again', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const fixture = await frameFixture(() => () => {
      throw silentRenewalTimeout()
    })
    await fixture.signIn()
    fixture.clock.now += EXPIRED

    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'silent_renewal_timeout',
    })
    expect(fixture.auth.getSnapshot()).toMatchObject({ status: 'signed-in', error: null })
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('silent_renewal_timeout'))
  })

  it('falls back to the frame when the provider refuses refresh tokens to this client', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const fixture = await frameFixture(
      ({ authorize }) =>
        (request) =>
          authorize(request.url),
      {},
      {},
    )
    await fixture.signIn()
    fixture.clock.now += EXPIRED
    fixture.provider.tamper.tokenStatus = 400
    fixture.provider.tamper.tokenResponse = { error: 'unauthorized_client' }
    const refused = fixture.provider.fetch
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await refused(input, init)
      // Only the refresh grant is refused; the frame's code exchange goes through.
      fixture.provider.tamper = {}
      return response
    })

    await expect(fixture.auth.getAccessToken('demo')).resolves.toMatchObject({ scheme: 'Bearer' })
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(1)
    expect(fixture.frames).toHaveLength(1)
  })

  it('with "renewal": "refresh-token", never opens a frame', async () => {
    const fixture = await frameFixture(
      ({ authorize }) =>
        (request) =>
          authorize(request.url),
    )
    await fixture.signIn()
    const strict = await secondTab(fixture, 'refresh-token', () =>
      Promise.reject(new Error('no frame expected')),
    )
    fixture.clock.now += EXPIRED

    await expect(strict.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
    })
    expect(fixture.frames).toHaveLength(0)
  })

  it('with "renewal": "iframe", renews in a frame even with a refresh token', async () => {
    const fixture = await frameFixture(
      ({ authorize }) =>
        (request) =>
          authorize(request.url),
      {},
      {},
    )
    await fixture.signIn()
    const frames: SilentFrameRequest[] = []
    const framed = await secondTab(fixture, 'iframe', (request) => {
      frames.push(request)
      return Promise.resolve(fixture.provider.authorize(request.url))
    })
    fixture.clock.now += EXPIRED

    await expect(framed.getAccessToken('notes')).resolves.toMatchObject({ scheme: 'Bearer' })
    expect(frames).toHaveLength(1)
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(0)
  })
})

/** Another client on the fixture's session and provider, with its own renewal setting. */
async function secondTab(
  fixture: Awaited<ReturnType<typeof frameFixture>>,
  renewal: 'refresh-token' | 'iframe',
  silentFrame: (request: SilentFrameRequest) => Promise<string>,
) {
  const { AuthClient } = await import('../auth-client')
  return new AuthClient({
    config: { ...fixture.auth.config, renewal },
    appBaseUrl: 'https://app.example.test/',
    storage: fixture.storage,
    fetch: fixture.provider.fetch,
    channel: null,
    now: () => fixture.clock.now,
    silentFrame,
  })
}
