// @vitest-environment node
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { devStack } from '../config'
import type { RunningServer } from '../config'
import { startIdentityProvider } from '../idp/server'
import { signInAndGetTokens } from '../testing/login-flow'
import type { Tokens } from '../testing/login-flow'
import { startDemoApi } from './server'

const stack = devStack({
  TESSERA_IDP_PORT: '9720',
  TESSERA_API_PORT: '9721',
  TESSERA_APP_PORT: '9722',
})
const REALM = 'Bearer realm="tessera-demo-api"'

let api: RunningServer
let idp: RunningServer
let alice: Tokens

beforeAll(async () => {
  // The API comes up first: it must find the IdP's keys lazily.
  api = await startDemoApi(stack, { devEndpoints: true })
  idp = await startIdentityProvider(stack, { devEndpoints: false })
  alice = await signInAndGetTokens(stack, 'alice', 'alice-password')
})

afterAll(async () => {
  await Promise.all([api.close(), idp.close()])
})

interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly body: Readonly<Record<string, unknown>>
}

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Reply> {
  const { token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(`${stack.apiUrl}${path}`, { ...rest, headers })
  const text = await response.text()
  const body: unknown = text === '' ? {} : JSON.parse(text)
  expect(body).toBeTypeOf('object')
  return { status: response.status, headers: response.headers, body: { ...(body as object) } }
}

function expectProblem(reply: Reply, status: number): void {
  expect(reply.status).toBe(status)
  expect(reply.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  expect(reply.body).toMatchObject({
    type: expect.stringMatching(/^urn:tessera:problem:/) as unknown,
    title: expect.any(String) as unknown,
    status,
    detail: expect.any(String) as unknown,
  })
}

describe('GET /me', () => {
  it('answers with the signed-in user', async () => {
    const reply = await call('/me', { token: alice.accessToken })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      sub: 'user-alice',
      name: 'Alice Liddell',
      email: 'alice@example.test',
    })
  })

  it('challenges a request without a token, with no error code', async () => {
    const reply = await call('/me')
    expectProblem(reply, 401)
    expect(reply.headers.get('WWW-Authenticate')).toBe(REALM)
  })

  it('treats other authentication schemes as no token', async () => {
    const reply = await call('/me', { headers: { Authorization: 'Basic YWxpY2U6eA==' } })
    expectProblem(reply, 401)
    expect(reply.headers.get('WWW-Authenticate')).toBe(REALM)
  })

  it('rejects a garbled token as invalid_token', async () => {
    const reply = await call('/me', { token: 'not.a.jwt' })
    expectProblem(reply, 401)
    expect(reply.headers.get('WWW-Authenticate')).toMatch(
      /^Bearer realm="tessera-demo-api", error="invalid_token", error_description="[^"]+"$/,
    )
  })

  it('rejects an ID token (wrong typ and audience)', async () => {
    const reply = await call('/me', { token: alice.idToken })
    expectProblem(reply, 401)
    expect(reply.headers.get('WWW-Authenticate')).toContain('error="invalid_token"')
  })

  it('rejects a token signed by someone else', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    const jwk = await exportJWK(publicKey)
    const forged = await new SignJWT({ scope: 'api:read api:write', client_id: stack.clientId })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.n?.slice(0, 8) ?? 'k' })
      .setIssuer(stack.issuer)
      .setAudience(stack.apiUrl)
      .setSubject('user-alice')
      .setIssuedAt()
      .setJti('forged')
      .setExpirationTime('5m')
      .sign(privateKey)
    const reply = await call('/me', { token: forged })
    expectProblem(reply, 401)
    expect(reply.headers.get('WWW-Authenticate')).toContain('error="invalid_token"')
  })

  it('refuses tokens in the query string', async () => {
    const reply = await call(`/me?access_token=${alice.accessToken}`)
    expectProblem(reply, 400)
    expect(reply.headers.get('WWW-Authenticate')).toContain('error="invalid_request"')
  })
})

describe('tasks', () => {
  it('adds a task and lists it for its owner only', async () => {
    const created = await call('/tasks', {
      method: 'POST',
      token: alice.accessToken,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: '  Water the plants  ' }),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ title: 'Water the plants', done: false })
    expect(Date.parse(String(created.body.createdAt))).not.toBeNaN()

    const listed = await call('/tasks', { token: alice.accessToken })
    expect(listed.status).toBe(200)
    expect(listed.body.tasks).toEqual([created.body])

    const bob = await signInAndGetTokens(stack, 'bob', 'bob-password')
    const bobs = await call('/tasks', { token: bob.accessToken })
    expect(bobs.body.tasks).toEqual([])
  })

  it('validates the title', async () => {
    for (const body of [{ title: '   ' }, { title: 'x'.repeat(201) }, { title: 7 }, ['x']]) {
      const reply = await call('/tasks', {
        method: 'POST',
        token: alice.accessToken,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      expectProblem(reply, 400)
      expect(reply.body.detail).toMatch(/title|JSON object/)
    }
  })

  it('accepts only JSON bodies', async () => {
    const reply = await call('/tasks', {
      method: 'POST',
      token: alice.accessToken,
      headers: { 'Content-Type': 'text/plain' },
      body: 'Buy milk',
    })
    expectProblem(reply, 415)
  })

  it('needs api:write to add a task', async () => {
    const reader = await signInAndGetTokens(stack, 'bob', 'bob-password', {
      scope: 'openid api:read',
    })
    const read = await call('/tasks', { token: reader.accessToken })
    expect(read.status).toBe(200)
    const write = await call('/tasks', {
      method: 'POST',
      token: reader.accessToken,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Nope' }),
    })
    expectProblem(write, 403)
    expect(write.headers.get('WWW-Authenticate')).toBe(
      'Bearer realm="tessera-demo-api", error="insufficient_scope", error_description="This request needs the api:write scope.", scope="api:write"',
    )
  })

  it('answers unknown paths and methods with problems', async () => {
    expectProblem(await call('/nope', { token: alice.accessToken }), 404)
    const wrongMethod = await call('/me', { method: 'DELETE', token: alice.accessToken })
    expectProblem(wrongMethod, 405)
    expect(wrongMethod.headers.get('Allow')).toBe('OPTIONS, GET')
  })
})

describe('CORS', () => {
  it('answers the preflight from the app origin', async () => {
    const response = await fetch(`${stack.apiUrl}/tasks`, {
      method: 'OPTIONS',
      headers: {
        Origin: stack.appOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(stack.appOrigin)
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, DELETE')
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe(
      'Authorization, Content-Type, DPoP',
    )
    expect(response.headers.get('Access-Control-Max-Age')).toBe('600')
  })

  it('does not allow other origins', async () => {
    const response = await fetch(`${stack.apiUrl}/tasks`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'GET' },
    })
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull()
    const reply = await call('/me', { token: alice.accessToken, headers: { Origin: 'http://x' } })
    expect(reply.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(reply.headers.get('Vary')).toBe('Origin')
  })

  it('lets the app read errors and their challenge', async () => {
    const reply = await call('/me', { headers: { Origin: stack.appOrigin } })
    expect(reply.status).toBe(401)
    expect(reply.headers.get('Access-Control-Allow-Origin')).toBe(stack.appOrigin)
    expect(reply.headers.get('Access-Control-Expose-Headers')).toBe('WWW-Authenticate, DPoP-Nonce')
  })
})

describe('dev request log', () => {
  beforeEach(async () => {
    expect((await fetch(`${stack.apiUrl}/__dev/requests/reset`, { method: 'POST' })).status).toBe(
      204,
    )
  })

  it('records method, path, authorization and status', async () => {
    await call('/me', { token: alice.accessToken })
    await call('/me?x=1')
    const records: unknown = await (await fetch(`${stack.apiUrl}/__dev/requests`)).json()
    expect(records).toEqual([
      { method: 'GET', path: '/me', authorized: true, status: 200 },
      { method: 'GET', path: '/me', authorized: false, status: 401 },
    ])
  })
})

describe('without the identity provider', () => {
  it('answers 503 rather than blaming the token', async () => {
    const lonely = devStack({ TESSERA_IDP_PORT: '9723', TESSERA_API_PORT: '9724' })
    const server = await startDemoApi(lonely, { devEndpoints: false })
    try {
      const response = await fetch(`${lonely.apiUrl}/me`, {
        headers: { Authorization: `Bearer ${alice.accessToken}` },
      })
      expect(response.status).toBe(503)
      expect(response.headers.get('WWW-Authenticate')).toBeNull()
    } finally {
      await server.close()
    }
  })
})
