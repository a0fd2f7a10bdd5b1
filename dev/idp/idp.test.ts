// @vitest-environment node
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { devStack } from '../config'
import type { RunningServer } from '../config'
import {
  BrowserSession,
  exchangeCode,
  refresh,
  signInAndGetTokens,
  stringField,
  tokenRequest,
} from '../testing/login-flow'
import { startIdentityProvider } from './server'

const stack = devStack({
  TESSERA_IDP_PORT: '9710',
  TESSERA_API_PORT: '9711',
  TESSERA_APP_PORT: '9712',
})
const jwks = createRemoteJWKSet(new URL(`${stack.issuer}/jwks`))

let idp: RunningServer

beforeAll(async () => {
  idp = await startIdentityProvider(stack, { devEndpoints: true })
})

afterAll(async () => {
  await idp.close()
})

async function json(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, init)
  expect(response.ok).toBe(true)
  const body: unknown = await response.json()
  expect(body).toBeTypeOf('object')
  return { ...(body as object) }
}

describe('discovery', () => {
  it('describes this issuer with PKCE S256 and RFC 9207 iss', async () => {
    const metadata = await json(`${stack.issuer}/.well-known/openid-configuration`)
    expect(metadata.issuer).toBe(stack.issuer)
    expect(metadata.code_challenge_methods_supported).toEqual(['S256'])
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true)
    expect(metadata.scopes_supported).toEqual(['openid', 'profile', 'email', 'offline_access'])
    expect(metadata.response_types_supported).toEqual(['code'])
    expect(metadata.grant_types_supported).toEqual(['authorization_code', 'refresh_token'])
    expect(metadata.revocation_endpoint).toBe(`${stack.issuer}/token/revocation`)
    expect(metadata.end_session_endpoint).toBe(`${stack.issuer}/session/end`)
    expect(metadata.userinfo_endpoint).toBe(`${stack.issuer}/me`)
    expect(metadata).not.toHaveProperty('registration_endpoint')
    expect(metadata).not.toHaveProperty('introspection_endpoint')
    expect(metadata).not.toHaveProperty('pushed_authorization_request_endpoint')
  })

  it('publishes one RS256 public key', async () => {
    const { keys } = await json(`${stack.issuer}/jwks`)
    expect(keys).toHaveLength(1)
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })])
    expect(keys).not.toEqual([expect.objectContaining({ d: expect.anything() })])
  })
})

describe('authorization code flow with PKCE', () => {
  it('issues an ID token, a JWT access token for the API and a refresh token', async () => {
    const session = new BrowserSession(stack)
    const login = await session.start()
    expect(login.response.status).toBe(200)
    expect(login.url.pathname).toMatch(/^\/interaction\/[\w-]+$/)
    const html = await login.response.text()
    expect(html).toContain('<h1>Sign in to Tessera</h1>')
    expect(html).toContain('<label for="username">Username</label>')
    expect(html).toContain('<button type="submit">Sign in</button>')
    expect(html).toContain('<code>alice</code>, <code>bob</code>')

    const callback = await session.login(login.url, 'alice', 'alice-password')
    expect(callback.response.status).toBe(303)
    expect(callback.url.href.startsWith(stack.redirectUris[0] ?? 'missing')).toBe(true)
    expect(callback.url.searchParams.get('state')).toBe(session.state)
    expect(callback.url.searchParams.get('iss')).toBe(stack.issuer)

    const tokens = await exchangeCode(session, callback.url)
    expect(tokens.reply.body.token_type).toBe('Bearer')
    expect(tokens.reply.body.scope).toBe('api:read api:write')
    expect(tokens.reply.body.expires_in).toBe(stack.lifetimes.accessToken)

    const id = await jwtVerify(tokens.idToken, jwks, {
      issuer: stack.issuer,
      audience: stack.clientId,
    })
    expect(id.payload).toMatchObject({
      sub: 'user-alice',
      nonce: session.nonce,
      name: 'Alice Liddell',
      email: 'alice@example.test',
      email_verified: true,
    })

    expect(decodeProtectedHeader(tokens.accessToken)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' })
    const access = await jwtVerify(tokens.accessToken, jwks, {
      issuer: stack.issuer,
      audience: stack.apiUrl,
      typ: 'at+jwt',
    })
    expect(access.payload).toMatchObject({
      sub: 'user-alice',
      client_id: stack.clientId,
      scope: 'api:read api:write',
    })
    const { exp = 0, iat = 0 } = access.payload
    expect(exp - iat).toBe(stack.lifetimes.accessToken)
  })

  it('defaults the resource to the API when API scopes are requested without one', async () => {
    const session = new BrowserSession(stack)
    const callback = await session.signIn('bob', 'bob-password', { resource: null })
    const tokens = await exchangeCode(session, callback, null)
    const access = await jwtVerify(tokens.accessToken, jwks, { audience: stack.apiUrl })
    expect(access.payload.sub).toBe('user-bob')
  })

  it('requires PKCE', async () => {
    const session = new BrowserSession(stack)
    const step = await session.start({ withoutPkce: true })
    expect(step.url.searchParams.get('error')).toBe('invalid_request')
    expect(step.url.searchParams.get('error_description')).toMatch(/PKCE/)
  })

  it('rejects a wrong code_verifier', async () => {
    const session = new BrowserSession(stack)
    const callback = await session.signIn('alice', 'alice-password')
    const reply = await tokenRequest(stack, {
      grant_type: 'authorization_code',
      client_id: stack.clientId,
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: session.redirectUri,
      code_verifier: 'x'.repeat(43),
      resource: stack.apiUrl,
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error).toBe('invalid_grant')
  })

  it('refuses resources other than the API', async () => {
    const session = new BrowserSession(stack)
    const step = await session.start({ resource: 'https://elsewhere.example/' })
    expect(step.url.searchParams.get('error')).toBe('invalid_target')
  })

  it('re-renders the login page on wrong credentials, keeping the username', async () => {
    const session = new BrowserSession(stack)
    const login = await session.start()
    await login.response.body?.cancel()
    const retry = await session.login(login.url, 'alice"<x>', 'nope')
    expect(retry.response.status).toBe(200)
    const html = await retry.response.text()
    expect(html).toContain('<p role="alert" class="alert">Wrong username or password.</p>')
    expect(html).toContain('value="alice&quot;&lt;x&gt;"')
    expect(html).not.toContain('<x>')

    const callback = await session.login(login.url, 'alice', 'alice-password')
    expect(callback.url.searchParams.has('code')).toBe(true)
  })

  it('reports a cancelled sign-in as access_denied', async () => {
    const session = new BrowserSession(stack)
    const login = await session.start()
    await login.response.body?.cancel()
    const result = await session.postForm(new URL(`${login.url.pathname}/abort`, login.url), {})
    expect(result.url.href.startsWith(session.redirectUri)).toBe(true)
    expect(result.url.searchParams.get('error')).toBe('access_denied')
    expect(result.url.searchParams.get('error_description')).toBe('The user cancelled the sign-in.')
  })

  it('signs in silently while the IdP session lasts', async () => {
    const session = new BrowserSession(stack)
    await session.signIn('alice', 'alice-password')
    const silent = await session.start({ prompt: 'none' })
    expect(silent.url.href.startsWith(session.redirectUri)).toBe(true)
    expect(silent.url.searchParams.has('code')).toBe(true)
  })

  it('lets a signed-in user choose an account with prompt=select_account: the same, or another', async () => {
    const session = new BrowserSession(stack)
    await session.signIn('alice', 'alice-password')

    const chooser = await session.start({ prompt: 'select_account' })
    const html = await chooser.response.text()
    expect(html).toContain('<h1>Choose an account</h1>')
    expect(html).toContain('Continue as Alice Liddell (alice)')
    const select = new URL(`${chooser.url.pathname}/select`, chooser.url)
    const same = await session.postForm(select, { account: 'current' })
    expect(same.url.searchParams.has('code')).toBe(true)

    const again = await session.start({ prompt: 'select_account' })
    await again.response.body?.cancel()
    const form = await session.postForm(new URL(`${again.url.pathname}/select`, again.url), {
      account: 'other',
    })
    expect(await form.response.text()).toContain('<h1>Sign in to Tessera</h1>')
    // oidc-provider ends Alice's session at the provider before Bob's starts.
    const switching = await session.login(again.url, 'bob', 'bob-password')
    const bob = await session.submitScriptedForm(switching)
    const tokens = await exchangeCode(session, bob.url)
    const id = await jwtVerify(tokens.idToken, jwks, { issuer: stack.issuer })
    expect(id.payload.sub).toBe('user-bob')
  })

  it('prefills the login form with the user login_hint names', async () => {
    const session = new BrowserSession(stack)
    const page = await session.start({ loginHint: 'bob@example.test' })

    expect(await page.response.text()).toContain('value="bob"')
  })

  it('answers token requests from the app origin with CORS headers, and only those', async () => {
    const params = { grant_type: 'refresh_token', client_id: stack.clientId, refresh_token: 'x' }
    const fromApp = await tokenRequest(stack, params, { Origin: stack.appOrigin })
    expect(fromApp.headers.get('Access-Control-Allow-Origin')).toBe(stack.appOrigin)
    const fromElsewhere = await tokenRequest(stack, params, { Origin: 'http://127.0.0.1:1' })
    expect(fromElsewhere.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})

describe('userinfo', () => {
  it('answers for an access token issued without a resource', async () => {
    const session = new BrowserSession(stack)
    const callback = await session.signIn('alice', 'alice-password', {
      scope: 'openid profile email',
      resource: null,
    })
    const reply = await tokenRequest(stack, {
      grant_type: 'authorization_code',
      client_id: stack.clientId,
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: session.redirectUri,
      code_verifier: session.pkce.verifier,
    })
    expect(reply.status).toBe(200)
    const userinfo = await json(`${stack.issuer}/me`, {
      headers: { Authorization: `Bearer ${stringField(reply.body, 'access_token')}` },
    })
    expect(userinfo).toEqual({
      sub: 'user-alice',
      name: 'Alice Liddell',
      email: 'alice@example.test',
      email_verified: true,
    })
  })
})

describe('refresh tokens', () => {
  it('rotate on every use, even when the app asks for offline_access again', async () => {
    const tokens = await signInAndGetTokens(stack, 'alice', 'alice-password')
    const first = await refresh(stack, tokens.refreshToken, {
      scope: `${stack.apiScopes.join(' ')} offline_access`,
    })
    expect(first.status).toBe(200)
    const rotated = stringField(first.body, 'refresh_token')
    expect(rotated).not.toBe(tokens.refreshToken)
    expect(first.body.scope).toBe('api:read api:write')
    const access = await jwtVerify(stringField(first.body, 'access_token'), jwks, {
      audience: stack.apiUrl,
      typ: 'at+jwt',
    })
    expect(access.payload.sub).toBe('user-alice')

    const second = await refresh(stack, rotated)
    expect(second.status).toBe(200)
    expect(stringField(second.body, 'refresh_token')).not.toBe(rotated)
  })

  it('also work the way a generic OIDC client refreshes: full scope, no resource', async () => {
    const tokens = await signInAndGetTokens(stack, 'bob', 'bob-password')
    const reply = await tokenRequest(stack, {
      grant_type: 'refresh_token',
      client_id: stack.clientId,
      refresh_token: tokens.refreshToken,
      scope: `openid profile email offline_access ${stack.apiScopes.join(' ')}`,
    })
    expect(reply.status).toBe(200)
    const id = await jwtVerify(stringField(reply.body, 'id_token'), jwks, {
      audience: stack.clientId,
    })
    expect(id.payload.name).toBe('Bob Builder')
    const access = await jwtVerify(stringField(reply.body, 'access_token'), jwks, {
      audience: stack.apiUrl,
      typ: 'at+jwt',
    })
    expect(access.payload.scope).toBe('api:read api:write')
  })

  it('revoke the whole grant when a rotated token is reused', async () => {
    const tokens = await signInAndGetTokens(stack, 'bob', 'bob-password')
    const first = await refresh(stack, tokens.refreshToken)
    const rotated = stringField(first.body, 'refresh_token')

    const reuse = await refresh(stack, tokens.refreshToken)
    expect(reuse.status).toBe(400)
    expect(reuse.body.error).toBe('invalid_grant')

    const afterReuse = await refresh(stack, rotated)
    expect(afterReuse.status).toBe(400)
    expect(afterReuse.body.error).toBe('invalid_grant')
  })

  it('can be revoked by the app', async () => {
    const tokens = await signInAndGetTokens(stack, 'alice', 'alice-password')
    const revocation = await fetch(`${stack.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: stack.appOrigin },
      body: new URLSearchParams({
        client_id: stack.clientId,
        token: tokens.refreshToken,
        token_type_hint: 'refresh_token',
      }).toString(),
    })
    expect(revocation.status).toBe(200)
    expect(revocation.headers.get('Access-Control-Allow-Origin')).toBe(stack.appOrigin)
    const after = await refresh(stack, tokens.refreshToken)
    expect(after.body.error).toBe('invalid_grant')
  })
})

describe('RP-initiated logout', () => {
  it('auto-submits for the app, ends the session and redirects back', async () => {
    const session = new BrowserSession(stack)
    const tokens = await exchangeCode(session, await session.signIn('alice', 'alice-password'))
    const [postLogout = ''] = stack.postLogoutRedirectUris
    const endSession = new URL(`${stack.issuer}/session/end`)
    endSession.searchParams.set('id_token_hint', tokens.idToken)
    endSession.searchParams.set('post_logout_redirect_uri', postLogout)
    endSession.searchParams.set('state', 'bye')

    const page = await session.request(endSession)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<title>Sign out</title>')
    expect(html).toContain('<button type="submit" form="op.logoutForm">Sign out</button>')
    expect(html).toContain('<input type="hidden" name="logout" value="yes">')
    expect(html).toContain("<script>document.getElementById('op.logoutForm').submit()</script>")
    const csp = page.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toMatch(/script-src 'sha256-[\w+/=]+'/)

    const action = /<form id="op\.logoutForm" method="post" action="([^"]+)">/.exec(html)?.[1]
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1]
    expect(action).toBeDefined()
    expect(xsrf).toBeDefined()
    const done = await session.postForm(new URL(action ?? ''), { xsrf: xsrf ?? '', logout: 'yes' })
    expect(done.url.href).toBe(`${postLogout}?state=bye`)

    const after = await refresh(stack, tokens.refreshToken)
    expect(after.body.error).toBe('invalid_grant')
    const again = await session.start({ prompt: 'none' })
    expect(again.url.searchParams.get('error')).toBe('login_required')
  })

  it('shows a signed-out page when there is nowhere to return to', async () => {
    const response = await fetch(`${stack.issuer}/session/end/success`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>You are signed out</h1>')
  })

  it('refuses an unregistered post_logout_redirect_uri', async () => {
    const session = new BrowserSession(stack)
    const tokens = await exchangeCode(session, await session.signIn('bob', 'bob-password'))
    const endSession = new URL(`${stack.issuer}/session/end`)
    endSession.searchParams.set('id_token_hint', tokens.idToken)
    endSession.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:1/')
    const page = await session.request(endSession)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('post_logout_redirect_uri not registered')
  })
})

describe('dev request log', () => {
  beforeEach(async () => {
    const reset = await fetch(`${stack.issuer}/__dev/requests/reset`, { method: 'POST' })
    expect(reset.status).toBe(204)
  })

  it('records every request with the grant type of token requests', async () => {
    await signInAndGetTokens(stack, 'alice', 'alice-password')
    const response = await fetch(`${stack.issuer}/__dev/requests`)
    const records: unknown = await response.json()
    expect(records).toEqual([
      { method: 'GET', path: '/auth' },
      { method: 'GET', path: expect.stringMatching(/^\/interaction\/[\w-]+$/) as unknown },
      { method: 'POST', path: expect.stringMatching(/^\/interaction\/[\w-]+\/login$/) as unknown },
      { method: 'GET', path: expect.stringMatching(/^\/auth\/[\w-]+$/) as unknown },
      { method: 'POST', path: '/token', grantType: 'authorization_code' },
    ])
  })

  it('is not served unless enabled', async () => {
    const other = devStack({ TESSERA_IDP_PORT: '9713', TESSERA_APP_PORT: '9712' })
    const quiet = await startIdentityProvider(other, { devEndpoints: false })
    try {
      const response = await fetch(`${other.issuer}/__dev/requests`)
      expect(response.status).toBe(404)
    } finally {
      await quiet.close()
    }
  })
})
