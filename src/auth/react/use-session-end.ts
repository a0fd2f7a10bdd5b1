import { useEffect, useState } from 'react'

import type { SessionEndCause } from '../core'
import { useAuth, useAuthClient } from './use-auth'

export interface SessionEndCountdown {
  readonly cause: SessionEndCause
  /** Time left, from the auth client's clock; 0 once the session has ended. */
  readonly remainingMs: number
  /** The end on this device's clock (epoch ms), to show as a time of day. */
  readonly endsAt: number
}

/**
 * The countdown to the session's own end (the snapshot's `sessionEnd`), once it is less than
 * `warnAheadMs` away; null before that and when the end is unknown. At zero it ends the session
 * (`enforceSessionEnd`), so the user is asked to sign in again on time. Time is read from the
 * clock on every tick: a tab that slept or was throttled catches up when it wakes.
 */
export function useSessionEnd(warnAheadMs: number): SessionEndCountdown | null {
  const client = useAuthClient()
  const { sessionEnd } = useAuth()
  const [clock, setClock] = useState(() => readClock(client.time()))

  useEffect(() => {
    if (!sessionEnd) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = () => {
      clearTimeout(timer)
      const current = readClock(client.time())
      setClock(current)
      const remaining = sessionEnd.at - current.time
      if (remaining <= 0) {
        client.enforceSessionEnd()
        return
      }
      // Each second while counting down; until the countdown starts, one wake-up.
      const untilWarning = remaining - warnAheadMs
      timer = setTimeout(tick, untilWarning > 0 ? untilWarning : ((remaining - 1) % 1000) + 1)
    }
    tick()
    document.addEventListener('visibilitychange', tick)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', tick)
    }
  }, [client, sessionEnd, warnAheadMs])

  if (!sessionEnd) return null
  const remainingMs = Math.max(0, sessionEnd.at - clock.time)
  if (remainingMs > warnAheadMs) return null
  return { cause: sessionEnd.cause, remainingMs, endsAt: sessionEnd.at - clock.offset }
}

/** The auth client's time, and how far it is ahead of this device's clock. */
function readClock(time: number) {
  return { time, offset: time - Date.now() }
}
