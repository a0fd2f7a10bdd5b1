// @vitest-environment node
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { startDemoApi, startNotesApi } from '../api/server'
import { CAE_EVENT_PATH } from '../api/server'
import { type DevStack, devStack } from '../config'
import { startIdentityProvider } from '../idp/server'
import { type AuthorizationOptions, BrowserSession, stringField } from '../testing/login-flow'
import { serversForSuite } from '../testing/suite-servers'
import { entraApis, ENTRA_ROUTES } from './entra/quirks'
import { B2C_TENANT, tenantOf } from './entra/tenants'

function stackFor(profile: string, port: number): DevStack {
  return devStack({
    TESSERA_IDP_PORT: String(port),
    TESSERA_API_PORT: String(port + 1),
    TESSERA_NOTES_API_PORT: String(port + 2),
    TESSERA_APP_PORT: String(port + 3),
    TESSERA_PROFILE: profile,
  })
}

const common = stackFor('entra-common', 9730)
const b2c = stackFor('entra-b2c', 9740)
const options = { devEndpoints: true }
const [demo, notes] = entraApis(common) as [
  { resource: string; scopes: string[] },
  { resource: string; scopes: string[] },
]
const OIDC = 'openid profile email offline_access'

serversForSuite(
  () => startIdentityProvider(common, options),
  () => startDemoApi(common, options),
  () => startNotesApi(common, options),
  () => startIdentityProvider(b2c, options),
)

/** A browser talking to the Entra-style endpoints below `base` (e.g. `…/common`). */
class EntraBrowser extends BrowserSession {
  readonly base: string

  constructor(stack: DevStack, base: string) {
    super(stack)
    this.base = base
  }

  override authorizationUrl(options: AuthorizationOptions = {}): URL {
    const url = super.authorizationUrl({
      resource: null,
      scope: `${OIDC} ${demo.scopes.join(' ')}`,
      ...options,
    })
    return new URL(`${this.base}${ENTRA_ROUTES.authorization}${url.search}`)
  }

  async token(
    params: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.base}${ENTRA_ROUTES.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.stack.clientId, ...params }).toString(),
    })
    return { status: response.status, body: { ...((await response.json()) as object) } }
  }

  async redeem(callback: URL, extra: Record<string, string> = {}) {
    return this.token({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: this.redirectUri,
      code_verifier: this.pkce.verifier,
      ...extra,
    })
  }
}

const commonBase = `${common.issuer}/common`
const capabilities = JSON.stringify({ access_token: { xms_cc: { values: ['cp1'] } } })

async function signedIn(username = 'alice') {
  const browser = new EntraBrowser(common, commonBase)
  const callback = await browser.signIn(username, `${username}-password`)
  const reply = await browser.redeem(callback, {
    scope: `${OIDC} ${demo.scopes.join(' ')}`,
    claims: capabilities,
  })
  expect(reply.status).toBe(200)
  return { browser, callback, reply }
}

describe('entra-common: the multi-tenant /common authority', () => {
  it('serves discovery with the {tenantid} template, Entra paths, no RFC 9207 iss', async () => {
    const response = await fetch(`${commonBase}/v2.0/.well-known/openid-configuration`)
    const metadata = (await response.json()) as Record<string, unknown>

    expect(metadata.issuer).toBe(`${common.issuer}/{tenantid}/v2.0`)
    expect(metadata.authorization_endpoint).toBe(`${commonBase}/oauth2/v2.0/authorize`)
    expect(metadata.token_endpoint).toBe(`${commonBase}/oauth2/v2.0/token`)
    expect(metadata.jwks_uri).toBe(`${commonBase}/discovery/v2.0/keys`)
    expect(metadata).not.toHaveProperty('authorization_response_iss_parameter_supported')
    expect(metadata).not.toHaveProperty('revocation_endpoint')
  })

  it.each(['alice', 'bob'])(
    'gives %s an ID token with their tenant’s tid and issuer',
    async (user) => {
      const { callback, reply } = await signedIn(user)

      expect(callback.searchParams.has('iss')).toBe(false)
      const tid = tenantOf(`user-${user}`)
      expect(decodeJwt(stringField(reply.body, 'id_token'))).toMatchObject({
        iss: `${common.issuer}/${tid}/v2.0`,
        tid,
      })
      const access = decodeJwt(stringField(reply.body, 'access_token'))
      expect(access).toMatchObject({ aud: demo.resource, xms_cc: ['cp1'] })
    },
  )

  it('serves every consented API from the refresh token, one resource per request', async () => {
    const { browser, reply } = await signedIn()

    const forNotes = await browser.token({
      grant_type: 'refresh_token',
      refresh_token: stringField(reply.body, 'refresh_token'),
      scope: notes.scopes.join(' '),
    })

    expect(forNotes.status).toBe(200)
    expect(decodeJwt(stringField(forNotes.body, 'access_token'))).toMatchObject({
      aud: notes.resource,
      scope: notes.scopes.join(' '),
    })
  })

  it('refuses what Entra refuses, with AADSTS codes', async () => {
    const { browser, reply } = await signedIn()
    const refreshToken = stringField(reply.body, 'refresh_token')

    const mixed = await browser.token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: [...demo.scopes, ...notes.scopes].join(' '),
    })
    const withResource = await browser.token({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: notes.scopes.join(' '),
      resource: notes.resource,
    })
    const second = new EntraBrowser(common, commonBase)
    const noScope = await second.redeem(await second.signIn('alice', 'alice-password'))

    expect(mixed).toMatchObject({
      status: 400,
      body: { error_description: expect.stringMatching(/^AADSTS28000/) },
    })
    expect(withResource).toMatchObject({
      status: 400,
      body: { error_description: expect.stringMatching(/^AADSTS901002/) },
    })
    expect(noScope).toMatchObject({
      status: 400,
      body: { error_description: expect.stringMatching(/^AADSTS28003/) },
    })
  })

  it('sends a sign-in mixing two resources back to the app with AADSTS28000', async () => {
    const browser = new EntraBrowser(common, commonBase)

    const step = await browser.start({
      scope: `${OIDC} ${demo.scopes[0] ?? ''} ${notes.scopes[0] ?? ''}`,
    })

    expect(step.url.href.startsWith(browser.redirectUri)).toBe(true)
    expect(step.url.searchParams.get('error')).toBe('invalid_request')
    expect(step.url.searchParams.get('error_description')).toMatch(/^AADSTS28000/)
    expect(step.url.searchParams.get('state')).toBe(browser.state)
  })

  it('challenges tokens older than a critical event (CAE), and accepts a fresh one', async () => {
    const { browser, reply } = await signedIn()
    const tasks = (token: string) =>
      fetch(`${common.apiUrl}/tasks`, { headers: { Authorization: `Bearer ${token}` } })
    const oldToken = stringField(reply.body, 'access_token')
    expect((await tasks(oldToken)).status).toBe(200)

    await fetch(`${common.apiUrl}${CAE_EVENT_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sub: 'user-alice' }),
    })
    const refused = await tasks(oldToken)
    const fresh = await browser.token({
      grant_type: 'refresh_token',
      refresh_token: stringField(reply.body, 'refresh_token'),
      scope: demo.scopes.join(' '),
      claims: capabilities,
    })

    expect(refused.status).toBe(401)
    expect(refused.headers.get('WWW-Authenticate')).toMatch(
      /error="insufficient_claims", .*claims="[\w+/=]+"/,
    )
    expect((await tasks(stringField(fresh.body, 'access_token'))).status).toBe(200)
  })
})

describe('entra-b2c: a user flow in the authority path', () => {
  const base = `${b2c.issuer}/tessera.onmicrosoft.com/B2C_1_signin`
  const [b2cDemo] = entraApis(b2c) as [{ resource: string; scopes: string[] }]

  it('names the tenant issuer in discovery and ID tokens, unlike the authority', async () => {
    const metadata = (await (
      await fetch(`${base}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>
    const browser = new EntraBrowser(b2c, base)
    const callback = await browser.signIn('alice', 'alice-password', {
      scope: `openid offline_access ${b2cDemo.scopes.join(' ')}`,
    })
    const reply = await browser.redeem(callback, {
      scope: `openid offline_access ${b2cDemo.scopes.join(' ')}`,
    })

    const issuer = `${b2c.issuer}/${B2C_TENANT}/v2.0/`
    expect(metadata.issuer).toBe(issuer)
    expect(metadata.authorization_endpoint).toBe(`${base}/oauth2/v2.0/authorize`)
    expect(decodeJwt(stringField(reply.body, 'id_token'))).toMatchObject({
      iss: issuer,
      tfp: 'B2C_1_signin',
    })
  })
})
