// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { devStack } from '../config'
import { startIdentityProvider } from '../idp/server'
import { BrowserSession, tokenRequest } from '../testing/login-flow'
import { serversForSuite } from '../testing/suite-servers'
import { crossSiteAppOrigin } from './no-refresh-token'

const stack = devStack({
  TESSERA_IDP_PORT: '9720',
  TESSERA_API_PORT: '9721',
  TESSERA_APP_PORT: '9722',
  TESSERA_PROFILE: 'no-refresh-token',
})
const SCOPE = ['openid', 'profile', 'email', 'offline_access', ...stack.apiScopes].join(' ')

serversForSuite(() => startIdentityProvider(stack))

async function redeem(session: BrowserSession, callback: URL) {
  return tokenRequest(stack, {
    grant_type: 'authorization_code',
    client_id: stack.clientId,
    code: callback.searchParams.get('code') ?? '',
    redirect_uri: session.redirectUri,
    code_verifier: session.pkce.verifier,
    resource: stack.apiUrl,
  })
}

describe('the no-refresh-token profile', () => {
  it('issues no refresh token, even for offline_access', async () => {
    const session = new BrowserSession(stack)
    const callback = await session.signIn('alice', 'alice-password', { scope: SCOPE })

    const reply = await redeem(session, callback)

    expect(reply.status).toBe(200)
    expect(reply.body).toHaveProperty('access_token')
    expect(reply.body).not.toHaveProperty('refresh_token')
  })

  it('answers prompt=none from its session with a code, and without one with login_required', async () => {
    const session = new BrowserSession(stack)
    await session.signIn('alice', 'alice-password', { scope: SCOPE })

    const silent = await session.start({ prompt: 'none' })
    const stranger = await new BrowserSession(stack).start({ prompt: 'none' })

    expect(silent.url.searchParams.get('code')).toBeTruthy()
    expect(silent.url.searchParams.get('iss')).toBe(stack.issuer)
    expect(stranger.url.searchParams.get('error')).toBe('login_required')
  })

  it('registers the app on another site (localhost) too, and lets it call the token endpoint', async () => {
    const session = new BrowserSession(stack)
    const url = session.authorizationUrl()
    url.searchParams.set('redirect_uri', `${crossSiteAppOrigin(stack)}/silent-callback.html`)
    const page = await session.request(url)
    const tokenCall = (origin: string) =>
      fetch(`${stack.issuer}/token`, {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: stack.clientId,
          code: 'not-a-code',
          redirect_uri: session.redirectUri,
          code_verifier: session.pkce.verifier,
        }),
      })
    const fromCrossSite = await tokenCall(crossSiteAppOrigin(stack))
    const fromElsewhere = await tokenCall('http://localhost:1')

    expect(page.status).toBe(303)
    expect(page.headers.get('Location')).toMatch(/^\/interaction\//)
    // Allowed: the code is what fails. Elsewhere: the origin itself is refused.
    expect(await fromCrossSite.json()).toMatchObject({ error: 'invalid_grant' })
    expect(await fromElsewhere.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('origin'),
    })
  })
})
