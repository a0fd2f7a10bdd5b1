import { QueryClient } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'

import type { Session } from '../auth/core/session/session-store'
import { createAuthFixture } from '../testing/auth-fixture'
import { createTabHub } from '../testing/tab-hub'
import { readDraft, writeDraft } from './session-drafts'
import { bindSessionToQueries } from './session-policies'

const TASKS = ['tasks']
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('bindSessionToQueries', () => {
  it('SEC-26 keeps cached answers for the same user and forgets them on sign-out', async () => {
    const fixture = await createAuthFixture()
    const queryClient = new QueryClient()
    bindSessionToQueries(fixture.auth, queryClient)
    await fixture.signIn()
    queryClient.setQueryData(TASKS, ['Alice’s task'])

    // Another API's token, and a renewal: the same user, the same answers.
    await fixture.auth.getAccessToken('notes')
    fixture.clock.now += 11 * 60_000
    await fixture.auth.getAccessToken('demo')
    expect(queryClient.getQueryData(TASKS)).toEqual(['Alice’s task'])

    await fixture.auth.signOut()
    expect(queryClient.getQueryData(TASKS)).toBeUndefined()
  })

  it('SEC-26 forgets cached answers when another tab brings another user’s session', async () => {
    const hub = createTabHub()
    const fixture = await createAuthFixture({ channel: hub.channel(), locks: hub.locks })
    const queryClient = new QueryClient()
    bindSessionToQueries(fixture.auth, queryClient)
    await fixture.signIn()
    queryClient.setQueryData(TASKS, ['Alice’s task'])

    const key = fixture.storage.keys().find((name) => name.startsWith('tessera.session:')) ?? ''
    const alice = JSON.parse(fixture.storage.getItem(key) ?? '') as Session
    const bob: Session = {
      ...alice,
      claims: { ...alice.claims, sub: 'user-bob', name: 'Bob' },
      updatedAt: alice.updatedAt + 1,
    }
    hub.channel().post({ type: 'session', session: bob })
    await settle()

    expect(fixture.auth.getSnapshot().user?.sub).toBe('user-bob')
    expect(queryClient.getQueryData(TASKS)).toBeUndefined()
  })

  it('forgets the last user’s drafts when the user switches accounts, and keeps them on expiry', async () => {
    const fixture = await createAuthFixture()
    bindSessionToQueries(fixture.auth, new QueryClient())
    await fixture.signIn()
    writeDraft('tasks:new', 'user-alice', 'Alice’s unsent task')

    // The session expires: the draft waits for Alice's return.
    fixture.provider.tamper.tokenStatus = 400
    fixture.provider.tamper.tokenResponse = { error: 'invalid_grant' }
    fixture.clock.now += 3_600_000
    await fixture.auth.getAccessToken('demo').catch(() => undefined)
    expect(readDraft('tasks:new', 'user-alice')).toBe('Alice’s unsent task')

    // Bob signs in on this tab ("Switch account"): Alice's draft is gone.
    fixture.provider.tamper = {
      idTokenClaims: {
        sub: 'user-bob',
        iat: Math.floor(fixture.clock.now / 1000),
        exp: Math.floor(fixture.clock.now / 1000) + 600,
      },
    }
    await fixture.signIn()
    expect(fixture.auth.getSnapshot().user?.sub).toBe('user-bob')
    expect(readDraft('tasks:new', 'user-alice')).toBe('')
  })
})
