// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuthClient } from '../auth/core'
import { createAuthFixture } from '../testing/auth-fixture'
import { MemoryStorage } from '../testing/memory-storage'
import { createTabHub } from '../testing/tab-hub'
import { IdleSignOut } from './idle-sign-out'
import type { IdleMessage } from './idle-message'
import { IdleTracker, SIBLING_ANSWER_MS } from './idle-tracker'

const MINUTE = 60_000
const TIMEOUT = 10 * MINUTE
const WARNING = MINUTE

/**
 * Two signed-in tabs of one browser (the second opened from the first, which copies its
 * sessionStorage), on a real AuthClient each, sharing channels and Web Locks; then setTimeout
 * and Date are faked, so idle time passes only when a test says.
 */
async function twoSignedInTabs() {
  const hub = createTabHub()
  const fixture = await createAuthFixture({ channel: hub.channel(), locks: hub.locks })
  await fixture.signIn()
  const storageB = new MemoryStorage()
  for (const key of fixture.storage.keys())
    storageB.setItem(key, fixture.storage.getItem(key) ?? '')
  const navigationsB: string[] = []
  const authB = new AuthClient({
    ...fixture.options,
    storage: storageB,
    navigate: (url) => navigationsB.push(url),
    channel: hub.channel(),
    locks: hub.locks,
  })
  vi.useFakeTimers()
  const idleHub = createTabHub()
  /** A page's idle sign-out; its page is never left (navigation is recorded, not followed). */
  const idleSignOut = (auth: AuthClient, storage: Storage) =>
    new IdleSignOut({
      auth,
      tracker: new IdleTracker({
        timeoutMs: TIMEOUT,
        warningMs: WARNING,
        channel: idleHub.channel<IdleMessage>(),
      }),
      timeoutMs: TIMEOUT,
      storage,
      locks: hub.locks,
      pageLeft: () => new Promise(() => undefined),
    })
  const tabA = {
    auth: fixture.auth,
    storage: fixture.storage,
    navigations: fixture.navigations,
    idle: idleSignOut(fixture.auth, fixture.storage),
  }
  const tabB = {
    auth: authB,
    storage: storageB,
    navigations: navigationsB,
    idle: idleSignOut(authB, storageB),
  }
  await vi.advanceTimersByTimeAsync(0)
  return { fixture, tabA, tabB, idleSignOut }
}

/** Navigations to the provider's end-session endpoint. */
const endSessions = (navigations: readonly string[]) =>
  navigations.filter((url) => new URL(url).pathname.endsWith('/logout'))

describe('IdleSignOut', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('signs every tab out at the deadline; one ends the provider session, every one says why', async () => {
    const { fixture, tabA, tabB, idleSignOut } = await twoSignedInTabs()

    await vi.advanceTimersByTimeAsync(TIMEOUT - WARNING)
    expect(tabA.idle.getSnapshot()).toMatchObject({ kind: 'warning' })
    expect(tabB.idle.getSnapshot()).toEqual(tabA.idle.getSnapshot())
    await vi.advanceTimersByTimeAsync(WARNING + SIBLING_ANSWER_MS)

    await vi.waitFor(() => {
      expect(tabA.auth.getSnapshot().user).toBeNull()
      expect(tabB.auth.getSnapshot().user).toBeNull()
    })
    expect(endSessions([...tabA.navigations, ...tabB.navigations])).toHaveLength(1)
    const [leader, other] = endSessions(tabA.navigations).length === 1 ? [tabA, tabB] : [tabB, tabA]
    expect(other.idle.getSnapshot()).toEqual({ kind: 'signed-out' })
    // The tab leaving for the provider says why on the page it comes back to, once.
    expect(leader.idle.getSnapshot()).toEqual({ kind: 'nothing' })
    const returned = new AuthClient({ ...fixture.options, storage: leader.storage, channel: null })
    expect(idleSignOut(returned, leader.storage).getSnapshot()).toEqual({
      kind: 'signed-out',
    })
    expect(idleSignOut(returned, leader.storage).getSnapshot()).toEqual({ kind: 'nothing' })
  })

  it('ends the warning in every tab when one says "Stay signed in"', async () => {
    const { tabA, tabB } = await twoSignedInTabs()
    await vi.advanceTimersByTimeAsync(TIMEOUT - WARNING)

    tabB.idle.stay()
    await vi.advanceTimersByTimeAsync(0)

    expect(tabA.idle.getSnapshot()).toEqual({ kind: 'nothing' })
    expect(tabB.idle.getSnapshot()).toEqual({ kind: 'nothing' })
    await vi.advanceTimersByTimeAsync(TIMEOUT - WARNING - 1)
    expect(tabA.auth.getSnapshot().user).not.toBeNull()
  })

  it('says why in a tab that hears of the sign-out before its own timer fires', async () => {
    const { tabA, tabB } = await twoSignedInTabs()
    // Past the deadline with no timer fired yet: hidden tabs' timers are throttled.
    vi.setSystemTime(Date.now() + TIMEOUT)

    await tabA.auth.signOut()
    await vi.advanceTimersByTimeAsync(0)

    expect(tabB.auth.getSnapshot().user).toBeNull()
    expect(tabB.idle.getSnapshot()).toEqual({ kind: 'signed-out' })
  })

  it('does not call a sign-out by hand during the warning an idle one', async () => {
    const { tabA, tabB } = await twoSignedInTabs()
    await vi.advanceTimersByTimeAsync(TIMEOUT - WARNING)

    await tabA.auth.signOut()
    await vi.advanceTimersByTimeAsync(0)

    expect(tabB.auth.getSnapshot().error?.code).toBe('signed_out')
    expect(tabB.idle.getSnapshot()).toEqual({ kind: 'nothing' })
    expect(tabA.idle.getSnapshot()).toEqual({ kind: 'nothing' })
  })

  it('says why until the user signs in again, then tracks anew', async () => {
    const { fixture, tabA } = await twoSignedInTabs()
    await vi.advanceTimersByTimeAsync(TIMEOUT + SIBLING_ANSWER_MS)
    await vi.waitFor(() => {
      expect(tabA.auth.getSnapshot().user).toBeNull()
    })

    fixture.clock.now = Date.now() // the auth client's clock, fixed otherwise, checks the new tokens
    await fixture.signIn()

    expect(tabA.idle.getSnapshot()).toEqual({ kind: 'nothing' })
    await vi.advanceTimersByTimeAsync(TIMEOUT - WARNING)
    expect(tabA.idle.getSnapshot()).toMatchObject({ kind: 'warning' })
  })
})
