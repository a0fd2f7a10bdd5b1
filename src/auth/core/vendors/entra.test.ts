// @vitest-environment node
import { describe, expect, it } from 'vitest'

import type { AppConfig } from '../../../config'
import { createAuthFixture, testConfig } from '../../../testing/auth-fixture'

const LOGIN = 'https://login.microsoftonline.com'
const TEMPLATE = `${LOGIN}/{tenantid}/v2.0`
const TENANT_A = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const TENANT_B = '9188040d-6c67-4c5b-b112-36a304b66dad'
const issuerOf = (tenant: string) => `${LOGIN}/${tenant}/v2.0`

/** config.json for Entra: two APIs selected by scope, one resource per request. */
function entraConfig(authority: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...testConfig(authority, 'tessera-spa'),
    oneResourcePerRequest: true,
    apis: {
      demo: { baseUrl: 'https://api.example.test', scopes: ['api://demo/access_as_user'] },
      notes: { baseUrl: 'https://notes.example.test', scopes: ['api://notes/Notes.Read'] },
    },
    ...overrides,
  }
}

/** An Entra tenant-independent authority whose discovery names the `{tenantid}` template. */
async function entraFixture(authority = `${LOGIN}/common/v2.0`, overrides?: Partial<AppConfig>) {
  return createAuthFixture(
    { config: entraConfig(authority, overrides) },
    { issuer: authority, discoveryIssuer: TEMPLATE },
  )
}

describe('Entra tenant issuer templates (SEC-10, SEC-15)', () => {
  it('accepts an ID token whose iss is the template filled with its own tid', async () => {
    const fixture = await entraFixture()
    fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_A), tid: TENANT_A }

    await fixture.signIn()

    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
  })

  it.each([
    ['names another tenant than its tid', { iss: issuerOf(TENANT_B), tid: TENANT_A }, /"iss"/],
    ['has no tid', { iss: issuerOf(TENANT_A) }, /"tid"/],
    ['has a tid that is not a tenant ID', { iss: `${LOGIN}/x/v2.0`, tid: 'x' }, /"tid"/],
    ['keeps the template as its iss', { iss: TEMPLATE, tid: TENANT_A }, /"iss"/],
  ])('refuses an ID token that %s', async (_case, claims, reason) => {
    const fixture = await entraFixture()
    fixture.provider.tamper.idTokenClaims = claims

    await expect(fixture.signIn()).rejects.toMatchObject({
      code: 'id_token_invalid',
      message: expect.stringMatching(reason),
    })
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
  })

  it('holds a single-tenant authority to its tenant even when discovery names the template', async () => {
    const fixture = await entraFixture(issuerOf(TENANT_A))
    fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_B), tid: TENANT_B }

    await expect(fixture.signIn()).rejects.toMatchObject({
      code: 'id_token_invalid',
      message: expect.stringContaining(`tenant "${TENANT_B}"`),
    })
  })

  it('refuses a template that does not line up with the authority', async () => {
    const fixture = await createAuthFixture(
      { config: entraConfig(`${LOGIN}/common/v2.0`) },
      { issuer: `${LOGIN}/common/v2.0`, discoveryIssuer: `${LOGIN}/{tenantid}/oauth2` },
    )

    await fixture.auth.signIn()

    expect(fixture.auth.getSnapshot().error?.code).toBe('issuer_mismatch')
    expect(fixture.navigations).toEqual([])
  })
})

describe('An issuer stated in config.json (Azure AD B2C, Entra External ID)', () => {
  const authority = 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/v2.0'
  const b2cIssuer = `https://contoso.b2clogin.com/${TENANT_A}/v2.0/`

  it('accepts discovery naming exactly that issuer, and ID tokens from it', async () => {
    const fixture = await createAuthFixture(
      { config: entraConfig(authority, { issuer: b2cIssuer }) },
      { issuer: authority, discoveryIssuer: b2cIssuer },
    )
    fixture.provider.tamper.idTokenClaims = { iss: b2cIssuer }

    await fixture.signIn()

    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
  })

  it('refuses the same discovery without it, and ID tokens from the authority URL', async () => {
    const without = await createAuthFixture(
      { config: entraConfig(authority) },
      { issuer: authority, discoveryIssuer: b2cIssuer },
    )
    await without.auth.signIn()
    expect(without.auth.getSnapshot().error).toMatchObject({
      code: 'issuer_mismatch',
      fix: expect.stringContaining('"issuer"'),
    })

    const wrongToken = await createAuthFixture(
      { config: entraConfig(authority, { issuer: b2cIssuer }) },
      { issuer: authority, discoveryIssuer: b2cIssuer },
    )
    await expect(wrongToken.signIn()).rejects.toMatchObject({ code: 'id_token_invalid' })
  })
})

describe('Entra External ID (ciamlogin.com)', () => {
  it('accepts the tenant-host issuer stated in config.json, endpoints on the authority host', async () => {
    const authority = `https://contoso.ciamlogin.com/${TENANT_A}/v2.0`
    const ciamIssuer = `https://${TENANT_A}.ciamlogin.com/${TENANT_A}/v2.0`
    const fixture = await createAuthFixture(
      { config: entraConfig(authority, { issuer: ciamIssuer }) },
      { issuer: authority, discoveryIssuer: ciamIssuer },
    )
    fixture.provider.tamper.idTokenClaims = { iss: ciamIssuer, tid: TENANT_A }

    await fixture.signIn()

    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
    expect(new URL(fixture.navigations[0] ?? '').origin).toBe('https://contoso.ciamlogin.com')
  })
})

describe('One resource per token request (oneResourcePerRequest)', () => {
  it('signs in for the first API only, and gets the others from the refresh token', async () => {
    const fixture = await entraFixture()
    fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_A), tid: TENANT_A }

    await fixture.signIn()
    await fixture.auth.getAccessToken('demo')
    await fixture.auth.getAccessToken('notes')

    const authorize = new URL(fixture.navigations[0] ?? '')
    expect(authorize.searchParams.get('scope')?.split(' ')).toEqual([
      'openid',
      'profile',
      'email',
      'offline_access',
      'api://demo/access_as_user',
    ])
    expect(authorize.searchParams.has('resource')).toBe(false)
    const tokenRequests = fixture.provider.requests.flatMap((r) => (r.body ? [r.body] : []))
    expect(tokenRequests.map((body) => [body.get('grant_type'), body.get('scope')])).toEqual([
      ['authorization_code', 'openid profile email offline_access api://demo/access_as_user'],
      ['refresh_token', 'api://notes/Notes.Read'],
    ])
    expect(tokenRequests.some((body) => body.has('resource'))).toBe(false)
  })

  it('announces client capabilities in the claims of authorize, code and refresh requests', async () => {
    const fixture = await entraFixture(undefined, { clientCapabilities: ['cp1'] })
    fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_A), tid: TENANT_A }
    const capabilities = { access_token: { xms_cc: { values: ['cp1'] } } }

    await fixture.signIn()
    await fixture.auth.getAccessToken('notes')

    const authorize = new URL(fixture.navigations[0] ?? '')
    expect(JSON.parse(authorize.searchParams.get('claims') ?? '')).toEqual(capabilities)
    const claims = fixture.provider.requests.flatMap((r) => r.body?.get('claims') ?? [])
    expect(claims.map((c) => JSON.parse(c) as unknown)).toEqual([capabilities, capabilities])
  })
})

describe('Claims challenges (Entra Continuous Access Evaluation)', () => {
  const challenge = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}'

  it('re-acquires silently with the claims, past a fresh cached token', async () => {
    const fixture = await entraFixture(undefined, { clientCapabilities: ['cp1'] })
    fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_A), tid: TENANT_A }
    await fixture.signIn()
    const refused = await fixture.auth.getAccessToken('demo')

    await expect(fixture.auth.reacquireWithClaims('demo', challenge)).resolves.toBe(true)

    const renewed = await fixture.auth.getAccessToken('demo')
    expect(renewed.token).not.toBe(refused.token)
    const sent = fixture.provider.requests.at(-1)?.body
    expect(sent?.get('grant_type')).toBe('refresh_token')
    expect(JSON.parse(sent?.get('claims') ?? '')).toEqual({
      access_token: { nbf: { essential: true, value: '1700000000' }, xms_cc: { values: ['cp1'] } },
    })
  })

  it.each(['interaction_required', 'invalid_grant'])(
    'reports that the user must interact (%s AADSTS50076), keeping the session',
    async (error) => {
      const fixture = await entraFixture()
      fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_A), tid: TENANT_A }
      await fixture.signIn()
      fixture.provider.tamper.tokenStatus = 400
      fixture.provider.tamper.tokenResponse = {
        error,
        error_description: 'AADSTS50076: Due to a configuration change made by your administrator…',
      }

      await expect(fixture.auth.reacquireWithClaims('demo', challenge)).resolves.toBe(false)

      expect(fixture.auth.getSnapshot().status).toBe('signed-in')
    },
  )

  it('still ends a session whose refresh token was revoked', async () => {
    const fixture = await entraFixture()
    fixture.provider.tamper.idTokenClaims = { iss: issuerOf(TENANT_A), tid: TENANT_A }
    await fixture.signIn()
    fixture.provider.tamper.tokenStatus = 400
    fixture.provider.tamper.tokenResponse = {
      error: 'invalid_grant',
      error_description: 'AADSTS50173: The provided grant has expired due to it being revoked.',
    }

    await expect(fixture.auth.reacquireWithClaims('demo', challenge)).rejects.toMatchObject({
      code: 'interaction_required',
      providerError: 'invalid_grant',
      fix: expect.stringContaining('revoked'),
    })
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
  })
})

describe('AADSTS errors', () => {
  it('keeps the provider’s error as received and adds the plain fix', async () => {
    const fixture = await entraFixture()
    fixture.provider.tamper.tokenStatus = 400
    fixture.provider.tamper.tokenResponse = {
      error: 'invalid_request',
      error_description:
        "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
    }

    await expect(fixture.signIn()).rejects.toMatchObject({
      code: 'token_request_failed',
      providerError: 'invalid_request',
      providerErrorDescription: expect.stringMatching(/^AADSTS9002326: Cross-origin/),
      fix: expect.stringContaining('"Single-page application" platform'),
    })
  })
})
