import { describe, expect, it } from 'vitest'

import { createAuthFixture, testConfig } from '../../../testing/auth-fixture'

const MINUTE = 60_000

/** An unsigned JWT: Keycloak's refresh tokens are JWTs whose `exp` is the SSO session's end. */
function jwtWithExp(exp: number): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '')
  return `${part({ alg: 'HS512', typ: 'Refresh' })}.${part({ exp, typ: 'Refresh' })}.c2ln`
}

async function signedInWith(options: {
  tokenResponse?: Record<string, unknown>
  maxSessionAge?: number
  idTokenClaims?: Record<string, unknown>
}) {
  const { provider } = await createAuthFixture() // only for its issuer and client id
  const config = {
    ...testConfig(provider.issuer, provider.clientId),
    ...(options.maxSessionAge === undefined ? {} : { maxSessionAge: options.maxSessionAge }),
  }
  const fixture = await createAuthFixture({ config })
  if (options.tokenResponse) fixture.provider.tamper.tokenResponse = options.tokenResponse
  if (options.idTokenClaims) fixture.provider.tamper.idTokenClaims = options.idTokenClaims
  await fixture.signIn()
  fixture.provider.tamper = {}
  return fixture
}

describe('when a session ends by itself', () => {
  it('is unknown for an opaque refresh token and no maxSessionAge', async () => {
    const fixture = await signedInWith({})

    expect(fixture.auth.getSnapshot()).toMatchObject({ status: 'signed-in', sessionEnd: null })
  })

  it('follows Keycloak’s refresh_expires_in, which each refresh moves on', async () => {
    const fixture = await signedInWith({ tokenResponse: { refresh_expires_in: 1800 } })
    const signedInAt = fixture.clock.now
    expect(fixture.auth.getSnapshot().sessionEnd).toEqual({
      at: signedInAt + 30 * MINUTE,
      cause: 'refresh-token',
    })

    let published = 0
    fixture.auth.subscribe(() => published++)
    fixture.clock.now += 11 * MINUTE
    fixture.provider.tamper.tokenResponse = { refresh_expires_in: 1800 }
    await fixture.auth.getAccessToken('demo')

    expect(fixture.auth.getSnapshot().sessionEnd).toEqual({
      at: signedInAt + 41 * MINUTE,
      cause: 'refresh-token',
    })
    expect(published).toBeGreaterThan(0)
  })

  it('reads the exp of a refresh token that is a JWT, and takes the earlier limit', async () => {
    const exp = Math.floor(Date.now() / 1000) + 20 * 60
    const fixture = await signedInWith({
      tokenResponse: { refresh_token: jwtWithExp(exp), refresh_expires_in: 3600 },
    })

    expect(fixture.auth.getSnapshot().sessionEnd).toEqual({
      at: exp * 1000,
      cause: 'refresh-token',
    })
  })

  it('forgets the limit when a rotated refresh token comes without one', async () => {
    const fixture = await signedInWith({ tokenResponse: { refresh_expires_in: 1800 } })
    fixture.clock.now += 11 * MINUTE

    await fixture.auth.getAccessToken('demo')

    expect(fixture.auth.getSnapshot().sessionEnd).toBeNull()
  })

  it('counts maxSessionAge from auth_time, and the earlier of it and the refresh token wins', async () => {
    const fixture = await signedInWith({
      maxSessionAge: 60,
      tokenResponse: { refresh_expires_in: 2 * 3600 },
    })
    const authTime = Number(fixture.auth.getSnapshot().user?.claims.auth_time)

    expect(authTime).toBeGreaterThan(0)
    expect(fixture.auth.getSnapshot().sessionEnd).toEqual({
      at: authTime * 1000 + 60 * MINUTE,
      cause: 'max-session-age',
    })
  })

  it('counts maxSessionAge from the sign-in when the provider sends no auth_time', async () => {
    const fixture = await signedInWith({ maxSessionAge: 30, idTokenClaims: { auth_time: null } })

    expect(fixture.auth.getSnapshot().user?.claims.auth_time).toBeNull()
    expect(fixture.auth.getSnapshot().sessionEnd?.at).toBe(fixture.clock.now + 30 * MINUTE)
  })

  it('ends the session at its end, and never before, without asking the provider', async () => {
    const fixture = await signedInWith({ maxSessionAge: 30, idTokenClaims: { auth_time: null } })
    const end = fixture.auth.getSnapshot().sessionEnd?.at ?? 0
    const required: string[] = []
    fixture.auth.on('interaction-required', (event) => required.push(event.error.code))

    fixture.clock.now = end - 1
    expect(fixture.auth.enforceSessionEnd()).toBeUndefined()
    expect(fixture.auth.getSnapshot().status).toBe('signed-in')

    fixture.clock.now = end
    const grants = fixture.provider.requests.length
    await expect(fixture.auth.getAccessToken('demo')).rejects.toMatchObject({
      code: 'interaction_required',
      message: 'You have been signed in for as long as this app allows.',
    })
    expect(fixture.provider.requests.length).toBe(grants)
    expect(required).toEqual(['interaction_required'])
    expect(fixture.auth.getSnapshot()).toMatchObject({
      status: 'signed-out',
      sessionEnd: null,
      error: { code: 'interaction_required' },
    })
    expect(fixture.storage.keys().some((key) => key.startsWith('tessera.session'))).toBe(false)
  })

  it('signs in afresh after maxSessionAge, so the provider’s session cannot just hand it back', async () => {
    const fixture = await signedInWith({ maxSessionAge: 30 })
    fixture.clock.now += 30 * MINUTE
    fixture.auth.enforceSessionEnd()

    const promptOf = async () => {
      await fixture.auth.signIn()
      return new URL(fixture.navigations.at(-1) ?? '').searchParams.get('prompt')
    }
    expect(await promptOf()).toBe('login')
    await fixture.auth.handleCallback(fixture.provider.authorize(fixture.navigations.at(-1) ?? ''))
    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
    await fixture.auth.signOut()
    expect(await promptOf()).toBeNull()
  })

  it('ends a session whose refresh token the provider said is spent', async () => {
    const fixture = await signedInWith({ tokenResponse: { refresh_expires_in: 600 } })
    fixture.clock.now += 10 * MINUTE

    expect(fixture.auth.enforceSessionEnd()).toMatchObject({
      code: 'interaction_required',
      message: 'Your session at the identity provider has ended.',
    })
    expect(fixture.auth.getSnapshot().status).toBe('signed-out')
  })
})
