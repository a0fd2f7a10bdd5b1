// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { TabChannel } from '../auth/core'
import { createTabHub } from '../testing/tab-hub'
import type { IdleMessage } from './idle-message'
import {
  ACTIVITY_GRANULARITY_MS,
  IdleTracker,
  MAX_CHECK_INTERVAL_MS,
  SIBLING_ANSWER_MS,
} from './idle-tracker'

const MINUTE = 60_000
const TIMEOUT = 10 * MINUTE
const WARNING = MINUTE

/** Lets time pass with the tab awake: every timer due meanwhile fires. */
const pass = (ms: number) => vi.advanceTimersByTime(ms)

/**
 * The machine (or the tab) sleeps for `ms`: the clock moves on, timers do not fire, and the
 * tab hears nothing. Timers are due again as if no time had passed, as when an operating
 * system's sleep pauses them.
 */
const sleep = (ms: number) => {
  vi.setSystemTime(Date.now() + ms)
}

/** A tab's channel that hears nothing while its tab is frozen (the worst a browser may do). */
function freezable(channel: TabChannel<IdleMessage>) {
  let frozen = false
  return {
    channel: {
      post: (message: IdleMessage) => {
        channel.post(message)
      },
      listen: (handler: (message: unknown) => void) => {
        channel.listen((message) => {
          if (!frozen) handler(message)
        })
      },
    },
    freeze: () => (frozen = true),
    thaw: () => (frozen = false),
  }
}

/** Two tabs of the app on one browser, tracking from now. */
function twoTabs() {
  const hub = createTabHub()
  const b = freezable(hub.channel<IdleMessage>())
  const options = { timeoutMs: TIMEOUT, warningMs: WARNING }
  const tabA = new IdleTracker({ ...options, channel: hub.channel<IdleMessage>() })
  const tabB = new IdleTracker({ ...options, channel: b.channel })
  tabA.start()
  tabB.start()
  pass(0) // the start messages arrive
  return { tabA, tabB, freezeB: b.freeze, thawB: b.thaw }
}

const phaseOf = (tab: IdleTracker) => tab.getSnapshot().phase

describe('IdleTracker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-01-01T09:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('warns before the deadline, then expires at it, without activity', () => {
    const tab = new IdleTracker({ timeoutMs: TIMEOUT, warningMs: WARNING })
    const started = Date.now()
    tab.start()

    pass(TIMEOUT - WARNING - 1)
    expect(phaseOf(tab)).toBe('active')
    pass(1)
    expect(tab.getSnapshot()).toEqual({ phase: 'warning', deadline: started + TIMEOUT })
    pass(WARNING - 1)
    expect(phaseOf(tab)).toBe('warning')
    pass(1 + SIBLING_ANSWER_MS)
    expect(phaseOf(tab)).toBe('expired')
  })

  it('keeps every tab active while the user is active in any one of them', () => {
    const { tabA, tabB } = twoTabs()

    pass(5 * MINUTE)
    tabB.activity()
    pass(TIMEOUT - WARNING - 1)

    expect(phaseOf(tabA)).toBe('active')
    pass(1)
    expect(phaseOf(tabA)).toBe('warning')
    expect(phaseOf(tabB)).toBe('warning')
    expect(tabA.getSnapshot()).toEqual(tabB.getSnapshot())
  })

  it('ignores activity during the warning; "Stay signed in" in one tab ends it in every tab', () => {
    const { tabA, tabB } = twoTabs()
    pass(TIMEOUT - WARNING)

    tabA.activity()
    tabB.activity()
    pass(0)
    expect(phaseOf(tabA)).toBe('warning')

    tabB.stay()
    pass(0)
    expect(phaseOf(tabA)).toBe('active')
    expect(phaseOf(tabB)).toBe('active')
    pass(TIMEOUT - WARNING - 1)
    expect(phaseOf(tabA)).toBe('active')
  })

  it('records activity once a second, however many events come', () => {
    const hub = createTabHub()
    const heard: unknown[] = []
    hub.channel<IdleMessage>().listen((message) => heard.push(message))
    const tab = new IdleTracker({
      timeoutMs: TIMEOUT,
      warningMs: WARNING,
      channel: hub.channel<IdleMessage>(),
    })
    const started = Date.now()
    tab.start()

    for (let event = 0; event < 100; event++) {
      pass(ACTIVITY_GRANULARITY_MS / 50)
      tab.activity()
    }
    pass(0)

    // The start, then one for each second of the two seconds of events.
    expect(heard).toEqual(
      [0, 1, 2].map((second) => ({
        type: 'activity',
        at: started + second * ACTIVITY_GRANULARITY_MS,
      })),
    )
  })

  it('signs out as soon as a tab wakes past the deadline, not later by the sleep', () => {
    const tab = new IdleTracker({ timeoutMs: TIMEOUT, warningMs: WARNING })
    tab.start()
    pass(MINUTE)

    sleep(3 * TIMEOUT)
    tab.activity() // the first event on waking: it does not revive the session

    expect(phaseOf(tab)).toBe('warning')
    pass(SIBLING_ANSWER_MS)
    expect(phaseOf(tab)).toBe('expired')
  })

  it('notices a deadline passed in its sleep within a few seconds, even with no event', () => {
    const tab = new IdleTracker({ timeoutMs: TIMEOUT, warningMs: WARNING })
    tab.start()

    sleep(2 * TIMEOUT)
    pass(MAX_CHECK_INTERVAL_MS + SIBLING_ANSWER_MS)

    expect(phaseOf(tab)).toBe('expired')
  })

  it('wakes active from a sleep shorter than the time to the warning', () => {
    const tab = new IdleTracker({ timeoutMs: TIMEOUT, warningMs: WARNING })
    tab.start()

    sleep(TIMEOUT - WARNING - 2 * MAX_CHECK_INTERVAL_MS)
    tab.activity()
    pass(MAX_CHECK_INTERVAL_MS)

    expect(phaseOf(tab)).toBe('active')
  })

  it('does not sign out early when a tab wakes having missed a sibling’s activity', () => {
    const { tabA, tabB, freezeB, thawB } = twoTabs()
    freezeB()
    pass(5 * MINUTE)
    tabA.activity() // B, frozen, never hears of it
    pass(0)

    sleep(6 * MINUTE) // past B's deadline by what B knows; A's is 4 minutes away
    thawB()
    tabB.activity()
    pass(SIBLING_ANSWER_MS)

    expect(phaseOf(tabB)).toBe('active')
    expect(phaseOf(tabA)).toBe('active')
    expect(tabB.deadlinePassed()).toBe(false)
  })

  it('expires with the tab that found the deadline passed, whatever its own clock says', () => {
    const hub = createTabHub()
    const options = { timeoutMs: TIMEOUT, warningMs: WARNING }
    let lagB = 0
    const tabA = new IdleTracker({ ...options, channel: hub.channel<IdleMessage>() })
    const tabB = new IdleTracker({
      ...options,
      channel: hub.channel<IdleMessage>(),
      now: () => Date.now() - lagB,
    })
    tabA.start()
    tabB.start()
    pass(TIMEOUT - WARNING)

    // B's clock falls half a minute behind (as a test clock may move one tab before another).
    lagB = 30_000
    pass(WARNING + SIBLING_ANSWER_MS)
    expect(phaseOf(tabA)).toBe('expired')
    pass(1) // a message sent from a timer arrives a tick later

    expect(phaseOf(tabB)).toBe('expired')
  })

  it('tells nothing and hears nothing once stopped', () => {
    const { tabA, tabB } = twoTabs()
    tabB.stop()

    tabA.stay()
    pass(TIMEOUT + SIBLING_ANSWER_MS)

    expect(phaseOf(tabB)).toBe('stopped')
    expect(phaseOf(tabA)).toBe('expired')
    expect(tabA.deadlinePassed()).toBe(true)
  })
})
