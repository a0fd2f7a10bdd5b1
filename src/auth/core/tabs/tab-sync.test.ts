// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'

import { createAuthFixture } from '../../../testing/auth-fixture'
import { MemoryStorage } from '../../../testing/memory-storage'
import { createTabHub } from '../../../testing/tab-hub'
import { AuthClient } from '../auth-client'

/** A second tab of the same browser: same provider, shared channel and locks, own storage. */
function openSibling(
  fixture: Awaited<ReturnType<typeof createAuthFixture>>,
  hub: ReturnType<typeof createTabHub>,
  storage = new (fixture.storage.constructor as new () => Storage)(),
) {
  const navigations: string[] = []
  const tab = new AuthClient({
    config: fixture.auth.config,
    appBaseUrl: 'https://app.example.test/',
    storage,
    fetch: fixture.provider.fetch,
    navigate: (url) => navigations.push(url),
    now: () => fixture.clock.now,
    channel: hub.channel(),
    locks: hub.locks,
  })
  return { tab, navigations, storage }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60))

/** The lock a signed-in tab of the fixture's app holds (tab-presence.ts). */
const PRESENCE_LOCK = 'tessera-signed-in:https://idp.example.test|tessera-spa'

/** A lock callback that holds the lock until `controller` aborts. */
const untilAborted = (controller: AbortController) =>
  new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => {
      resolve()
    })
  })

/** Waits in real time while setTimeout is faked. */
const realDelay = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      clearInterval(timer)
      resolve()
    }, ms)
  })

async function signedInTabs() {
  const hub = createTabHub()
  const fixture = await createAuthFixture({ channel: hub.channel(), locks: hub.locks })
  await fixture.signIn()
  return { hub, fixture }
}

describe('tabs of one session', () => {
  it('sends one refresh grant when duplicated tabs renew at once, and both get the new token', async () => {
    const { hub, fixture } = await signedInTabs()
    // window.open and tab duplication copy sessionStorage, refresh token included.
    const copy = new (fixture.storage.constructor as new () => Storage)()
    for (const key of fixture.storage.keys()) copy.setItem(key, fixture.storage.getItem(key) ?? '')
    const sibling = openSibling(fixture, hub, copy)
    fixture.clock.now += 11 * 60_000

    const [mine, theirs] = await Promise.all([
      fixture.auth.getAccessToken('demo'),
      sibling.tab.getAccessToken('demo'),
    ])

    expect(fixture.provider.tokenGrants('refresh_token')).toBe(1)
    expect(theirs.token).toBe(mine.token)
    fixture.clock.now += 11 * 60_000
    await expect(sibling.tab.getAccessToken('demo')).resolves.toMatchObject({ scheme: 'Bearer' })
    expect(fixture.provider.tokenGrants('refresh_token')).toBe(2)
  })

  it('signs a new tab in from a signed-in sibling without going to the provider', async () => {
    const { hub, fixture } = await signedInTabs()
    const sibling = openSibling(fixture, hub)

    await sibling.tab.signIn({ returnTo: '/profile' })

    expect(sibling.navigations).toEqual([])
    expect(sibling.tab.getSnapshot()).toMatchObject({
      status: 'signed-in',
      user: { sub: 'user-alice' },
    })
  })

  it('still goes to the provider when no sibling is signed in', async () => {
    const hub = createTabHub()
    const fixture = await createAuthFixture({ channel: hub.channel(), locks: hub.locks })

    await fixture.auth.signIn()

    expect(fixture.navigations).toHaveLength(1)
  })

  describe('with setTimeout faked, so time passes only when a test says', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout'] })
    })
    afterEach(() => {
      vi.useRealTimers()
    })

    it("opens the siblings' window as the page starts, so a later sign-in does not wait again", async () => {
      const hub = createTabHub()
      const questions: unknown[] = []
      hub.channel().listen((message) => {
        if ((message as { type?: string }).type === 'request-session') questions.push(message)
      })
      // Without Web Locks, so the page has the fixed window to wait out.
      const fixture = await createAuthFixture({ channel: hub.channel() })
      await vi.advanceTimersByTimeAsync(200) // the page has been open a while

      const pending = fixture.auth.signIn()
      await realDelay(200) // time passes for the redirect, but not for another window
      expect(fixture.navigations).toHaveLength(1)
      await pending
      expect(questions).toHaveLength(1)
    })

    it('goes to the provider at once when no tab holds a session', async () => {
      const hub = createTabHub()
      const withLocks = await createAuthFixture({ channel: hub.channel(), locks: hub.locks })
      const withoutLocks = await createAuthFixture({ channel: createTabHub().channel() })
      await withLocks.auth.signIn()
      expect(withLocks.navigations).toHaveLength(1)

      // Without Web Locks a tab cannot tell that nobody will answer, and waits a little.
      const pending = withoutLocks.auth.signIn()
      await vi.advanceTimersByTimeAsync(140)
      expect(withoutLocks.navigations).toHaveLength(0)
      await vi.advanceTimersByTimeAsync(20)
      await pending
      expect(withoutLocks.navigations).toHaveLength(1)
    })

    it('waits longer for a signed-in sibling that is slow to answer, then still goes', async () => {
      const hub = createTabHub()
      // A signed-in tab that is busy (or frozen): it holds the session lock but cannot answer.
      const frozen = new AbortController()
      void hub.locks.request(PRESENCE_LOCK, { mode: 'shared' }, () => untilAborted(frozen))
      onTestFinished(() => {
        frozen.abort()
      })
      const fixture = await createAuthFixture({ channel: hub.channel(), locks: hub.locks })

      const pending = fixture.auth.signIn()
      await vi.advanceTimersByTimeAsync(9_500)
      await realDelay(300) // time for the redirect, were it not waiting
      expect(fixture.navigations).toHaveLength(0)
      await vi.advanceTimersByTimeAsync(600)
      await pending
      expect(fixture.navigations).toHaveLength(1)
    })

    it('signs a new tab in from a sibling that answers seconds late (a loaded machine)', async () => {
      const hub = createTabHub()
      const slow = await createAuthFixture({
        channel: hub.channel({ receiveDelayMs: 3_000 }),
        locks: hub.locks,
      })
      await slow.signIn()
      const sibling = openSibling(slow, hub)

      const pending = sibling.tab.signIn({ returnTo: '/profile' })
      await vi.advanceTimersByTimeAsync(3_500)
      await pending

      expect(sibling.navigations).toEqual([])
      expect(sibling.tab.getSnapshot().status).toBe('signed-in')
    })

    it('signs a new tab in from a sibling that was reloading when it asked', async () => {
      const hub = createTabHub()
      const signedIn = await createAuthFixture() // the session the reloading tab comes back with
      await signedIn.signIn()
      const unloading = new AbortController()
      void hub.locks.request(PRESENCE_LOCK, { mode: 'shared' }, () => untilAborted(unloading))
      const newTab = openSibling(signedIn, hub)

      const pending = newTab.tab.signIn({ returnTo: '/profile' })
      await vi.advanceTimersByTimeAsync(300)
      unloading.abort() // the signed-in tab unloads to reload, before it could answer
      await vi.advanceTimersByTimeAsync(1_500) // its next page is still loading
      const reloaded = new AuthClient({
        ...signedIn.options,
        channel: hub.channel(),
        locks: hub.locks,
      })
      await vi.advanceTimersByTimeAsync(600)
      await pending

      expect(reloaded.getSnapshot().status).toBe('signed-in')
      expect(newTab.navigations).toEqual([])
      expect(newTab.tab.getSnapshot().status).toBe('signed-in')
    })
    describe('a tab opened while its signed-in siblings are between pages', () => {
      /** The `pagehide` listeners the tabs add (node has no window; the test plays the browser). */
      function pageHides() {
        const listeners: (() => void)[] = []
        vi.stubGlobal('window', {
          addEventListener: (type: string, listener: () => void) => {
            if (type === 'pagehide') listeners.push(listener)
          },
        })
        return listeners
      }

      /** A signed-in tab whose page then goes away, as in a reload; its session stays behind. */
      async function tabThatLeaves(hub: ReturnType<typeof createTabHub>, shared: Storage) {
        const hides = pageHides()
        const page = hub.page()
        const fixture = await createAuthFixture({
          channel: page.channel,
          locks: page.locks,
          sharedStorage: shared,
        })
        await fixture.signIn()
        for (const hide of hides) hide()
        page.unload()
        await vi.advanceTimersByTimeAsync(0) // the lock's release settles
        vi.unstubAllGlobals()
        vi.stubGlobal('fetch', fixture.provider.fetch)
        return fixture
      }

      function newTab(
        fixture: Awaited<ReturnType<typeof createAuthFixture>>,
        hub: ReturnType<typeof createTabHub>,
        shared: Storage,
      ) {
        const navigations: string[] = []
        const tab = new AuthClient({
          ...fixture.options,
          storage: new MemoryStorage(),
          navigate: (url) => navigations.push(url),
          channel: hub.channel(),
          locks: hub.locks,
          sharedStorage: shared,
        })
        return { tab, navigations }
      }

      it('waits for a sibling that left to reload just before it started', async () => {
        const hub = createTabHub()
        const shared = new MemoryStorage() // the origin's localStorage
        const reloading = await tabThatLeaves(hub, shared)
        const opened = newTab(reloading, hub, shared)

        const pending = opened.tab.signIn({ returnTo: '/profile' })
        await vi.advanceTimersByTimeAsync(1_500) // the sibling's next page is still loading
        expect(opened.navigations).toEqual([])
        const reloaded = new AuthClient({
          ...reloading.options,
          channel: hub.channel(),
          locks: hub.locks,
          sharedStorage: shared,
        })
        await vi.advanceTimersByTimeAsync(600)
        await pending

        expect(reloaded.getSnapshot().status).toBe('signed-in')
        expect(opened.navigations).toEqual([])
        expect(opened.tab.getSnapshot().status).toBe('signed-in')
      })

      it('goes after a short wait when that sibling never comes back (it was closed)', async () => {
        const hub = createTabHub()
        const shared = new MemoryStorage()
        const closed = await tabThatLeaves(hub, shared)
        const opened = newTab(closed, hub, shared)

        const pending = opened.tab.signIn()
        closed.clock.now += 2_500
        await vi.advanceTimersByTimeAsync(2_500)
        expect(opened.navigations).toEqual([])
        closed.clock.now += 600
        await vi.advanceTimersByTimeAsync(600)
        await pending
        expect(opened.navigations).toHaveLength(1)
      })

      it('goes at once when the last signed-in tab left long ago', async () => {
        const hub = createTabHub()
        const shared = new MemoryStorage()
        const closed = await tabThatLeaves(hub, shared)
        closed.clock.now += 60_000
        const opened = newTab(closed, hub, shared)

        await opened.tab.signIn()
        expect(opened.navigations).toHaveLength(1)
      })

      it('goes at once after the last signed-in tab signed out, and leaves no note', async () => {
        const hub = createTabHub()
        const shared = new MemoryStorage()
        const page = hub.page()
        const signedOut = await createAuthFixture({
          channel: page.channel,
          locks: page.locks,
          sharedStorage: shared,
        })
        await signedOut.signIn()
        await signedOut.auth.signOut()
        page.unload()
        await vi.advanceTimersByTimeAsync(0)
        const opened = newTab(signedOut, hub, shared)

        await opened.tab.signIn()
        expect(opened.navigations).toHaveLength(1)
        expect(shared.length).toBe(0)
      })
    })
  })

  it('holds the session lock exactly while signed in', async () => {
    const { hub, fixture } = await signedInTabs()
    const holders = async () =>
      ((await hub.locks.query()).held ?? []).filter((lock) =>
        lock.name?.startsWith('tessera-signed-in:'),
      )

    expect(await holders()).toHaveLength(1)
    const sibling = openSibling(fixture, hub)
    await sibling.tab.signIn()
    expect(await holders()).toHaveLength(2)

    await fixture.auth.signOut()
    await settle()
    expect(await holders()).toEqual([])
  })

  it('signs every tab out when one tab signs out', async () => {
    const { hub, fixture } = await signedInTabs()
    const sibling = openSibling(fixture, hub)
    await sibling.tab.signIn()

    await fixture.auth.signOut()
    await settle()

    expect(sibling.tab.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'signed_out' },
    })
    // Only the provider's public metadata may stay (discovery and keys, reused by the next
    // sign-in); nothing of the session.
    const keys = Array.from({ length: sibling.storage.length }, (_, i) => sibling.storage.key(i))
    expect(keys.filter((key) => !key?.startsWith('tessera.provider:'))).toEqual([])
  })

  it('ignores malformed messages', async () => {
    const { hub, fixture } = await signedInTabs()
    const intruder = hub.channel()

    intruder.post({ type: 'session', session: { issuer: 'x' } } as never)
    intruder.post({ type: 'signed-out', reason: 'because' } as never)
    await settle()

    expect(fixture.auth.getSnapshot().status).toBe('signed-in')
  })
})
