// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'

import { UsageError } from '../../errors'
import { ApiError } from './api-error'
import { type ApiEndpoint, callApi, resolveApiUrl } from './call-api'

function endpointWithTokens(...tokens: string[]) {
  const invalidated: string[] = []
  let index = 0
  const endpoint: ApiEndpoint = {
    baseUrl: 'https://api.example.test/v1',
    getToken: () =>
      Promise.resolve({
        token: tokens[Math.min(index, tokens.length - 1)] ?? '',
        scheme: 'Bearer',
      }),
    invalidateToken: (token) => {
      invalidated.push(token)
      index++
    },
  }
  return { endpoint, invalidated }
}

const unauthorized = () =>
  new Response('{}', {
    status: 401,
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="expired"' },
  })

describe('callApi', () => {
  it('sends the token in the Authorization header only, and never follows redirects', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(Response.json({ ok: true })))
    vi.stubGlobal('fetch', fetchMock)
    const { endpoint } = endpointWithTokens('t1')

    await expect(callApi(endpoint, '/me')).resolves.toEqual({ ok: true })

    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit]
    expect(url.href).toBe('https://api.example.test/v1/me')
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer t1')
    expect(init.redirect).toBe('error')
    expect(init.credentials).toBe('omit')
  })

  it('answers a DPoP nonce challenge once, keeping the nonce with the endpoint that owns it', async () => {
    const nonces = new Map<string, string>()
    const endpoint: ApiEndpoint = {
      baseUrl: 'https://api.example.test/v1',
      getToken: () => Promise.resolve({ token: 'bound', scheme: 'DPoP' }),
      invalidateToken: () => undefined,
      createProof: (method, url) =>
        Promise.resolve(`${method} ${url} ${nonces.get(new URL(url).origin) ?? 'no-nonce'}`),
      acceptDpopNonce: (url, nonce) => {
        nonces.set(new URL(url).origin, nonce)
      },
    }
    const challenge = (nonce: string) =>
      new Response('{}', {
        status: 401,
        headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce"', 'DPoP-Nonce': nonce },
      })
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(challenge('n1'))
      .mockResolvedValueOnce(challenge('n2'))
      .mockResolvedValueOnce(Response.json({ ok: true }))
    vi.stubGlobal('fetch', fetchMock)

    // The second challenge is not answered as a nonce again: it counts as the one renewal.
    await expect(callApi(endpoint, '/me')).resolves.toEqual({ ok: true })

    const proofs = fetchMock.mock.calls.map(
      ([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers.DPoP,
    )
    expect(proofs).toEqual([
      'GET https://api.example.test/v1/me no-nonce',
      'GET https://api.example.test/v1/me n1',
      'GET https://api.example.test/v1/me n2',
    ])
  })

  it('renews the token once after a 401 and retries once', async () => {
    const fetchMock = vi
      .fn<() => Promise<Response>>()
      .mockResolvedValueOnce(unauthorized())
      .mockResolvedValueOnce(Response.json({ name: 'Alice' }))
    vi.stubGlobal('fetch', fetchMock)
    const { endpoint, invalidated } = endpointWithTokens('old', 'new')

    await expect(callApi(endpoint, '/me')).resolves.toEqual({ name: 'Alice' })

    expect(invalidated).toEqual(['old'])
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('gives up after the second 401 with the challenge attached', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(unauthorized()))
    vi.stubGlobal('fetch', fetchMock)
    const { endpoint } = endpointWithTokens('old', 'new')

    const error = await callApi(endpoint, '/me').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, challenge: { params: { error: 'invalid_token' } } })
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('says what to check, on the page and in the console, when even a renewed token is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(unauthorized())),
    )
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { endpoint } = endpointWithTokens('tok-first', 'tok-second')
    const fix = 'Set "apis.demo.audience".'

    const error = await callApi({ ...endpoint, rejectedTokenFix: fix }, '/me').catch(
      (e: unknown) => e,
    )

    expect(error).toMatchObject({ status: 401, fix })
    expect(String(logged.mock.calls[0]?.[0])).toContain(fix)
    expect(String(logged.mock.calls[0]?.[0])).not.toContain('tok-')
  })

  it('uses the problem+json detail as the message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json({ title: 'Bad request', detail: 'Title is too long' }, { status: 400 }),
        ),
      ),
    )
    const { endpoint } = endpointWithTokens('t')

    await expect(callApi(endpoint, '/tasks', { method: 'POST', body: {} })).rejects.toThrow(
      'Title is too long',
    )
  })
})

describe('resolveApiUrl', () => {
  it.each(['//evil.example/x', 'https://evil.example/', '/../../other'])(
    'refuses %s, which would leave the API',
    (path) => {
      expect(() => resolveApiUrl('https://api.example.test/v1', path)).toThrow(UsageError)
    },
  )
})

describe('callApi with a claims challenge (Entra CAE)', () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}'
  const insufficientClaims = () =>
    new Response('{}', {
      status: 401,
      headers: {
        'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${btoa(claims)}"`,
      },
    })

  it('re-acquires silently with the claims and replays the request once', async () => {
    const fetchMock = vi
      .fn<() => Promise<Response>>()
      .mockResolvedValueOnce(insufficientClaims())
      .mockResolvedValueOnce(Response.json({ ok: true }))
    vi.stubGlobal('fetch', fetchMock)
    const { endpoint } = endpointWithTokens('old')
    const reacquire = vi.fn(() => Promise.resolve(true))

    await expect(
      callApi({ ...endpoint, reacquireWithClaims: reacquire }, '/tasks'),
    ).resolves.toEqual({ ok: true })
    expect(reacquire).toHaveBeenCalledExactlyOnceWith(claims)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('hands the step-up to the caller when the user must interact, or the replay is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(insufficientClaims())),
    )
    const { endpoint } = endpointWithTokens('old')

    const interactive = await callApi(
      { ...endpoint, reacquireWithClaims: () => Promise.resolve(false) },
      '/tasks',
    ).catch((e: unknown) => e)
    const refusedAgain = await callApi(
      { ...endpoint, reacquireWithClaims: () => Promise.resolve(true) },
      '/tasks',
    ).catch((e: unknown) => e)

    for (const error of [interactive, refusedAgain]) {
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ status: 401, stepUp: { claims } })
    }
  })
})
