// @vitest-environment node
import { MutationObserver } from '@tanstack/query-core'
import { describe, expect, it, vi } from 'vitest'

import { type AuthFixture, createAuthFixture } from '../../testing/auth-fixture'
import { ApiError } from '../client'
import { parseWwwAuthenticate } from '../client/www-authenticate'
import { createQueryClient } from './query-client'
import { installStepUp, isStepUpReplay, STEP_UP_REPLAY_TTL_MS } from './step-up'

const DELETE_KEY = ['demo', 'things', 'delete'] as const

function refusal(challenge: string): ApiError {
  const [parsed] = parseWwwAuthenticate(challenge)
  return new ApiError(401, 'Step-up required', parsed)
}

const STRONGER = refusal('Bearer error="insufficient_user_authentication", acr_values="urn:x:mfa"')
const BARE = refusal('Bearer error="insufficient_user_authentication"')

/**
 * A signed-in app: a real auth client (fake provider network), a real query client with the
 * policy installed, and a keyed write whose API answers from `answers` (the network edge).
 */
async function signedInApp(answers: (() => Promise<unknown>)[]) {
  const fixture = await createAuthFixture()
  await fixture.signIn('/things')
  const queryClient = createQueryClient()
  const writes: unknown[] = []
  queryClient.setMutationDefaults(DELETE_KEY, {
    mutationFn: (id: unknown) => {
      writes.push(id)
      const answer = answers.shift()
      return answer ? answer() : Promise.resolve('deleted')
    },
  })
  const policy = installStepUp(queryClient, fixture.auth, {
    returnTo: () => '/things',
    now: () => fixture.clock.now,
  })
  const remove = (id: string) =>
    new MutationObserver<unknown, Error, string>(queryClient, { mutationKey: DELETE_KEY })
      .mutate(id)
      .catch(() => undefined)
  /** The provider signs the user in again at the newest authorization request. */
  const returnFromProvider = () =>
    fixture.auth.handleCallback(fixture.provider.authorize(fixture.navigations.at(-1) ?? ''))
  return { fixture, queryClient, policy, writes, remove, returnFromProvider }
}

function lastRequest(fixture: AuthFixture): URLSearchParams {
  return new URL(fixture.navigations.at(-1) ?? '').searchParams
}

describe('the step-up policy (RFC 9470)', () => {
  it('signs in again as the challenge asks and replays the refused write once', async () => {
    const app = await signedInApp([() => Promise.reject(STRONGER)])

    await app.remove('task-1')
    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })
    expect(lastRequest(app.fixture).get('acr_values')).toBe('urn:x:mfa')
    await app.policy.resume(await app.returnFromProvider())

    expect(app.writes).toEqual(['task-1', 'task-1'])
  })

  it('SEC-41: asks for a fresh authentication when the challenge names no requirement', async () => {
    const app = await signedInApp([() => Promise.reject(BARE)])

    await app.remove('task-1')

    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })
    expect(lastRequest(app.fixture).get('max_age')).toBe('0')
  })

  it('SEC-41: a replay the API refuses again starts no second sign-in, and shows its error', async () => {
    const app = await signedInApp([() => Promise.reject(BARE), () => Promise.reject(BARE)])

    await app.remove('task-1')
    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })
    await app.policy.resume(await app.returnFromProvider())
    await new Promise((resolve) => setTimeout(resolve, 20))

    expect(app.fixture.navigations).toHaveLength(2)
    expect(app.writes).toEqual(['task-1', 'task-1'])
    const replays = app.queryClient.getMutationCache().findAll({ predicate: isStepUpReplay })
    expect(replays.map((mutation) => mutation.state.status)).toEqual(['error'])
  })

  it('SEC-42: a step-up abandoned at the provider is never replayed by a later sign-in', async () => {
    const app = await signedInApp([() => Promise.reject(STRONGER)])
    await app.remove('task-1')
    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })
    const abandoned = app.fixture.navigations.at(-1) ?? ''

    // The user pressed Back at the provider, and later signs in for another reason.
    await app.fixture.auth.signIn({ stepUp: { maxAge: 0 } })
    await app.policy.resume(await app.returnFromProvider())
    const late = app.fixture.auth.handleCallback(app.fixture.provider.authorize(abandoned))

    await expect(late).rejects.toMatchObject({ code: 'callback_invalid' })
    expect(app.writes).toEqual(['task-1'])
  })

  it('SEC-42: sign-out voids a pending step-up', async () => {
    const app = await signedInApp([() => Promise.reject(STRONGER)])
    await app.remove('task-1')
    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })
    const pending = app.fixture.navigations.at(-1) ?? ''

    await app.fixture.auth.signOut()
    const late = app.fixture.auth.handleCallback(app.fixture.provider.authorize(pending))

    await expect(late).rejects.toMatchObject({ code: 'callback_invalid' })
    expect(app.writes).toEqual(['task-1'])
  })

  it('SEC-42: a step-up completed minutes later does not replay the write', async () => {
    const app = await signedInApp([() => Promise.reject(STRONGER)])
    await app.remove('task-1')
    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })

    app.fixture.clock.now += STEP_UP_REPLAY_TTL_MS + 1
    app.fixture.provider.tamper.idTokenClaims = {
      acr: 'urn:x:mfa',
      iat: Math.floor(app.fixture.clock.now / 1000),
      exp: Math.floor(app.fixture.clock.now / 1000) + 3600,
    }
    await app.policy.resume(await app.returnFromProvider())

    expect(app.writes).toEqual(['task-1'])
  })

  it('replays nothing for another user than the one who was refused', async () => {
    const app = await signedInApp([() => Promise.reject(STRONGER)])
    await app.remove('task-1')
    await vi.waitFor(() => {
      expect(app.fixture.navigations).toHaveLength(2)
    })

    app.fixture.provider.tamper.idTokenClaims = { sub: 'user-bob', acr: 'urn:x:mfa' }
    await app.policy.resume(await app.returnFromProvider())

    expect(app.fixture.auth.getSnapshot().user?.sub).toBe('user-bob')
    expect(app.writes).toEqual(['task-1'])
  })
})
