import { type AuthClient, browserLocks, browserTabChannel } from '../auth/core'
import { IdleSignOut } from './idle-sign-out'
import type { IdleMessage } from './idle-message'
import { IdleTracker } from './idle-tracker'
import { watchActivity } from './watch-activity'

export type { IdleSignOut, IdleSignOutView } from './idle-sign-out'

/**
 * Turns on the idle sign-out of `auth.config` (`idleTimeout`, `idleWarning`) for this tab, or
 * returns undefined when it is off. Once per page, like the auth client.
 */
export function startIdleSignOut(auth: AuthClient): IdleSignOut | undefined {
  const { idleTimeout, idleWarning, authority, clientId } = auth.config
  if (idleTimeout === undefined) return undefined
  const timeoutMs = idleTimeout * 60_000
  const tracker = new IdleTracker({
    timeoutMs,
    warningMs: idleWarning * 1_000,
    channel: browserTabChannel<IdleMessage>(`tessera-idle:${authority}|${clientId}`),
  })
  watchActivity(() => {
    tracker.activity()
  })
  return new IdleSignOut({ auth, tracker, timeoutMs, locks: browserLocks() })
}
