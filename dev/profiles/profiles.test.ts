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
