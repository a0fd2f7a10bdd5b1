// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { type AuthFixture, createAuthFixture } from '../../testing/auth-fixture'

/**
 * SEC-37: no error, event or snapshot may reference a token, an authorization code or a PKCE
 * verifier, however deep (a `cause`, a request form kept by oidc-client-ts): they are logged,
 * shown and sent to telemetry by apps.
 */

/** Every string reachable from `root`: own properties (enumerable or not), causes, forms. */
function reachableStrings(root: unknown): string[] {
  const found: string[] = []
  const seen = new WeakSet<object>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      found.push(value)
      return
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    if (value instanceof URLSearchParams || value instanceof Map || value instanceof Headers) {
      for (const entry of value.entries()) visit([...entry])
    }
    if (value instanceof Set) for (const entry of value) visit(entry)
    for (const key of Reflect.ownKeys(value)) {
      visit(Reflect.get(value, key))
    }
  }
  visit(root)
  return found
}

/** The secrets the browser sent to the provider so far: codes, verifiers, refresh tokens. */
function sentSecrets(fixture: AuthFixture): string[] {
  return fixture.provider.requests.flatMap(({ body }) =>
    ['code', 'code_verifier', 'refresh_token']
      .map((name) => body?.get(name))
      .filter((value): value is string => typeof value === 'string' && value.length > 0),
  )
}

function expectNoSecrets(what: unknown, secrets: readonly string[]): void {
  expect(secrets.length).toBeGreaterThan(0)
  const strings = reachableStrings(what)
  for (const secret of secrets) {
    expect(strings.filter((s) => s.includes(secret))).toEqual([])
  }
}

/** Whatever the client reported while `run` ran: events, the snapshot and the thrown error. */
async function reported(fixture: AuthFixture, run: () => Promise<unknown>) {
  const events: unknown[] = []
  for (const name of ['renewal-failed', 'interaction-required', 'signed-out'] as const) {
    fixture.auth.on(name, (event) => events.push(event))
  }
  const thrown = await run().then(
    () => undefined,
    (error: unknown) => error,
  )
  return { thrown, events, snapshot: fixture.auth.getSnapshot() }
}

describe('errors carry no token, code or verifier (SEC-37)', () => {
  it('a refused code exchange', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const callback = fixture.provider.authorize(fixture.navigations[0] ?? '')
    fixture.provider.tamper.tokenStatus = 400
    fixture.provider.tamper.tokenResponse = { error: 'invalid_grant', error_description: 'no' }

    const result = await reported(fixture, () => fixture.auth.handleCallback(callback))

    expect(result.thrown).toMatchObject({ code: 'token_request_failed' })
    expect(result.snapshot.error).toMatchObject({ providerError: 'invalid_grant' })
    expectNoSecrets(result, sentSecrets(fixture))
  })

  it.each([
    ['an ended session (invalid_grant)', 400, 'invalid_grant', 'interaction_required'],
    ['a refusal (invalid_request)', 400, 'invalid_request', 'token_request_failed'],
    ['a server error', 500, 'server_error', 'token_request_failed'],
  ])('a refused refresh grant: %s', async (_name, status, error, code) => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    fixture.clock.now += 3_600_000 // every access token expired: the next call renews
    fixture.provider.tamper.tokenStatus = status
    fixture.provider.tamper.tokenResponse = { error, error_description: 'refused' }

    const result = await reported(fixture, () => fixture.auth.getAccessToken('demo'))

    expect(result.thrown).toMatchObject({ code })
    expect(result.events.length).toBeGreaterThan(0)
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(1)
    expectNoSecrets(result, sentSecrets(fixture))
  })
})
