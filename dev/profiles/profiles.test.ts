// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devStack } from '../config'
import type { RunningServer } from '../config'
import { startIdentityProvider } from '../idp/server'
import { withProfile } from '.'

/** What each vendor's discovery and refused refresh look like, spelled out (not derived). */
const VENDORS = [
  {
    profile: 'auth0',
    issuerPath: '/',
    tokenPath: '/oauth/token',
    refused: { status: 403, description: 'Unknown or invalid refresh token.' },
  },
  {
    profile: 'okta',
    issuerPath: '/oauth2/default',
    tokenPath: '/oauth2/default/v1/token',
    refused: { status: 400, description: 'The refresh token is invalid or expired.' },
  },
  {
    profile: 'keycloak',
    issuerPath: '/realms/tessera',
    tokenPath: '/realms/tessera/protocol/openid-connect/token',
    refused: { status: 400, description: 'Session not active' },
  },
] as const

const cases = VENDORS.map((vendor, index) => ({
  ...vendor,
  stack: withProfile(
    devStack({
      TESSERA_IDP_PORT: String(9890 + index),
      TESSERA_API_PORT: '9895',
      TESSERA_APP_PORT: '9896',
      TESSERA_PROFILE: vendor.profile,
    }),
  ),
}))
const servers: RunningServer[] = []

beforeAll(async () => {
  for (const { stack } of cases) servers.push(await startIdentityProvider(stack))
})

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
})

describe.each(cases)('the $profile profile', ({ stack, issuerPath, tokenPath, refused }) => {
  const origin = new URL(stack.issuer).origin

  it('names the vendor-shaped issuer and endpoints in discovery', async () => {
    const response = await fetch(
      `${stack.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    )
    const metadata = (await response.json()) as Record<string, unknown>

    expect(metadata.issuer).toBe(`${origin}${issuerPath}`)
    expect(metadata.token_endpoint).toBe(`${origin}${tokenPath}`)
  })

  it('answers an unknown refresh token with the vendor’s invalid_grant', async () => {
    const response = await fetch(`${origin}${tokenPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'not-a-refresh-token',
        client_id: stack.clientId,
      }).toString(),
    })

    expect(response.status).toBe(refused.status)
    expect(await response.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: refused.description,
    })
  })

  it('serves nothing outside its issuer path', async () => {
    const response = await fetch(`${origin}/token`, { method: 'POST' })

    expect(response.status).toBe(404)
  })
})

describe('the auth0 profile, as auth0-spa-js uses it', () => {
  const stack = cases[0]?.stack ?? devStack({ TESSERA_PROFILE: 'auth0' })
  const origin = new URL(stack.issuer).origin

  it('offers the web_message response mode: a silent sign-in in a hidden frame', async () => {
    const response = await fetch(`${origin}/.well-known/openid-configuration`)
    const metadata = (await response.json()) as { response_modes_supported: string[] }

    expect(metadata.response_modes_supported).toContain('web_message')
  })

  it('/v2/logout goes back to a returnTo the application allows, and nowhere else', async () => {
    const logout = (returnTo: string) =>
      fetch(`${origin}/v2/logout?${new URLSearchParams({ client_id: stack.clientId, returnTo })}`, {
        redirect: 'manual',
      })
    const allowed = stack.postLogoutRedirectUris[0] ?? ''

    const back = await logout(allowed)
    const elsewhere = await logout('https://elsewhere.example/')

    expect(back.status).toBe(302)
    expect(back.headers.get('location')).toBe(allowed)
    expect(elsewhere.status).toBe(200)
    expect(await elsewhere.text()).toBe('You are signed out.')
  })
})
