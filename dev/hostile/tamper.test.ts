// @vitest-environment node
import { CompactSign, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose'
import type { JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devStack } from '../config'
import type { RunningServer } from '../config'
import { createSigningKey } from '../idp/keys'
import { startIdentityProvider } from '../idp/server'
import { BrowserSession, stringField, tokenRequest } from '../testing/login-flow'
import { IdTokenForger } from './id-token'
import { keyFromUserAgent, parseScenario, SCENARIO_PATH, userAgentWithKey } from './scenario'
import type { HostileScenario } from './scenario'
import { tamperAuthorizationResponse } from './tamper'

describe('scenarios', () => {
  it('carries the key in the User-Agent', () => {
    const ua = userAgentWithKey('Mozilla/5.0 (X11) HeadlessChrome/140', 'test-1_a')
    expect(keyFromUserAgent(ua)).toBe('test-1_a')
    expect(keyFromUserAgent('Mozilla/5.0 tessera-hostile/')).toBeUndefined()
    expect(keyFromUserAgent(undefined)).toBeUndefined()
    expect(() => userAgentWithKey('Mozilla/5.0', 'no spaces')).toThrow(/Invalid/)
  })

  it('refuses unknown keys, so a typo cannot make a test harmless', () => {
    expect(() => parseScenario({ tokenResponse: { idToken: { claim: {} } } })).toThrow(/claim/)
    expect(() => parseScenario({ discover: {} })).toThrow(/discover/)
    expect(() => parseScenario({ authorizationResponse: { params: { iss: 1 } } })).toThrow(/iss/)
    expect(() => parseScenario({ authorizationResponse: { divertTo: 'nowhere' } })).toThrow()
    const scenario = {
      discovery: {
        issuer: 'https://evil.example',
        authorization_response_iss_parameter_supported: null,
      },
      authorizationResponse: { params: { iss: null }, fragment: true },
      tokenResponse: {
        grantType: 'refresh_token',
        fields: { token_type: 'mac' },
        idToken: { sign: 'none' },
      },
    }
    expect(parseScenario(scenario)).toEqual(scenario)
  })
})

describe('authorization responses', () => {
  const response = 'http://127.0.0.1:1/auth/callback?code=c&state=s&iss=http%3A%2F%2Fidp'

  it('sets and removes parameters', () => {
    const url = new URL(
      tamperAuthorizationResponse(response, { params: { iss: null, error: 'access_denied' } }),
    )
    expect([...url.searchParams]).toEqual([
      ['code', 'c'],
      ['state', 's'],
      ['error', 'access_denied'],
    ])
  })

  it('moves the response into the fragment, or diverts it elsewhere', () => {
    expect(tamperAuthorizationResponse(response, { fragment: true })).toBe(
      'http://127.0.0.1:1/auth/callback#code=c&state=s&iss=http%3A%2F%2Fidp',
    )
    expect(tamperAuthorizationResponse(response, { divertTo: 'http://localhost:2/x' })).toBe(
      'http://localhost:2/x?code=c&state=s&iss=http%3A%2F%2Fidp',
    )
  })
})

describe('IdTokenForger', () => {
  let signingKey: JWK
  let original: string
  const claims = { iss: 'http://idp', sub: 'user-alice', aud: 'app', nonce: 'n', iat: 1, exp: 2 }

  beforeAll(async () => {
    signingKey = await createSigningKey()
    const header = { alg: 'RS256', typ: 'JWT', kid: signingKey.kid ?? '' }
    original = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader(header)
      .sign(await importJWK(signingKey, 'RS256'))
  })

  const publicKey = () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = signingKey
    return importJWK(pub, 'RS256')
  }
  const verify = async (token: string) =>
    (await jwtVerify(token, await publicKey(), { currentDate: new Date(1000) })).payload

  it('re-signs changed claims with the provider key', async () => {
    const forged = await new IdTokenForger(signingKey).forge(original, {
      claims: { iss: 'https://evil.example', exp: null },
      append: { nonce: '-x' },
    })
    const { exp: _exp, ...kept } = claims
    expect(await verify(forged)).toEqual({ ...kept, iss: 'https://evil.example', nonce: 'n-x' })
    expect(decodeProtectedHeader(forged)).toEqual(decodeProtectedHeader(original))
  })

  it('signs with a foreign key under the same kid, or not at all', async () => {
    const forger = new IdTokenForger(signingKey)
    const foreign = await forger.forge(original, { sign: 'foreign-key' })
    expect(decodeProtectedHeader(foreign).kid).toBe(signingKey.kid)
    await expect(verify(foreign)).rejects.toThrow(/signature/)
    const unsigned = await forger.forge(original, { sign: 'none' })
    expect(decodeProtectedHeader(unsigned).alg).toBe('none')
    expect(unsigned.endsWith('.')).toBe(true)
    expect(decodeJwt(unsigned)).toEqual(claims)
  })
})

describe('the hostile provider', () => {
  const stack = devStack({
    TESSERA_IDP_PORT: '9760',
    TESSERA_API_PORT: '9761',
    TESSERA_APP_PORT: '9762',
  })
  const honestStack = devStack({ TESSERA_IDP_PORT: '9763', TESSERA_API_PORT: '9764' })
  const key = 'unit-test'
  const userAgent = { 'User-Agent': userAgentWithKey('node', key) }
  let idp: RunningServer
  let honest: RunningServer

  const setScenario = (scenario: unknown) =>
    fetch(`${stack.issuer}${SCENARIO_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key, scenario }),
    })
  const discovery = async (headers: Record<string, string> = {}) =>
    (await (
      await fetch(`${stack.issuer}/.well-known/openid-configuration`, { headers })
    ).json()) as Record<string, unknown>

  beforeAll(async () => {
    idp = await startIdentityProvider(stack, { hostile: true })
    honest = await startIdentityProvider(honestStack, { hostile: false })
  })

  afterAll(async () => {
    await idp.close()
    await honest.close()
  })

  it('has no scenario endpoint unless hostile mode is on', async () => {
    const response = await fetch(`${honestStack.issuer}${SCENARIO_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key, scenario: { discovery: { issuer: 'x' } } }),
    })
    expect(response.status).toBe(404)
  })

  it('takes scenarios as JSON only (no cross-site form posts)', async () => {
    const response = await fetch(`${stack.issuer}${SCENARIO_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ key, scenario: {} }),
    })
    expect(response.status).toBe(415)
  })

  it('refuses a malformed scenario', async () => {
    const response = await setScenario({ tokenRespone: {} })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: expect.stringContaining('tokenRespone') })
  })

  it('tampers only with the requests that carry the scenario key', async () => {
    expect((await setScenario({ discovery: { issuer: 'https://evil.example' } })).status).toBe(204)

    expect((await discovery(userAgent)).issuer).toBe('https://evil.example')
    expect((await discovery()).issuer).toBe(stack.issuer)
    expect((await discovery({ 'User-Agent': userAgentWithKey('node', 'other') })).issuer).toBe(
      stack.issuer,
    )

    await fetch(`${stack.issuer}${SCENARIO_PATH}?key=${key}`, { method: 'DELETE' })
    expect((await discovery(userAgent)).issuer).toBe(stack.issuer)
  })

  it('rewrites the token response of the chosen grant, re-signing the ID token', async () => {
    const scenario: HostileScenario = {
      tokenResponse: { fields: { token_type: 'mac' }, idToken: { claims: { aud: 'someone' } } },
    }
    expect((await setScenario(scenario)).status).toBe(204)
    const session = new BrowserSession(stack)
    const [user] = stack.users
    const callback = await session.signIn(user?.username ?? '', user?.password ?? '')
    const reply = await tokenRequest(
      stack,
      {
        grant_type: 'authorization_code',
        client_id: stack.clientId,
        code: callback.searchParams.get('code') ?? '',
        redirect_uri: session.redirectUri,
        code_verifier: session.pkce.verifier,
        resource: stack.apiUrl,
      },
      userAgent,
    )

    expect(reply.status).toBe(200)
    expect(reply.body.token_type).toBe('mac')
    const idToken = stringField(reply.body, 'id_token')
    const jwks = (await (await fetch(`${stack.issuer}/jwks`)).json()) as { keys: JWK[] }
    const { payload } = await jwtVerify(idToken, await importJWK(jwks.keys[0] ?? {}, 'RS256'))
    expect(payload).toMatchObject({ aud: 'someone', iss: stack.issuer, nonce: session.nonce })

    // The refresh grant is not the chosen one: untouched.
    const refreshed = await tokenRequest(
      stack,
      {
        grant_type: 'refresh_token',
        client_id: stack.clientId,
        refresh_token: stringField(reply.body, 'refresh_token'),
        resource: stack.apiUrl,
      },
      userAgent,
    )
    expect(refreshed.body.token_type).toBe('Bearer')
  })
})
