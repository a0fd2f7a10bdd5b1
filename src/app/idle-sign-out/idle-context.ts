import { createContext, use, useSyncExternalStore } from 'react'

import type { IdleSignOut, IdleSignOutView } from '../../idle-sign-out'

/** The page's idle sign-out (src/idle-sign-out/), made in startApp; null when config.json leaves it off. */
export const IdleSignOutContext = createContext<IdleSignOut | null>(null)

const NOTHING: IdleSignOutView = { kind: 'nothing' }
const noChanges = () => () => undefined
const nothing = () => NOTHING

export function useIdleSignOut(): IdleSignOut | null {
  return use(IdleSignOutContext)
}

/** What the idle sign-out shows now: nothing when it is off. */
export function useIdleSignOutView(idle: IdleSignOut | null): IdleSignOutView {
  return useSyncExternalStore(idle?.subscribe ?? noChanges, idle?.getSnapshot ?? nothing)
}
