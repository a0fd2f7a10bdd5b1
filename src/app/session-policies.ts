import type { QueryClient } from '@tanstack/query-core'

import { type AuthClient, isSignInRequired } from '../auth/core'
import { clearSessionDrafts } from './session-drafts'

/**
 * SEC-26: nothing cached for one user may be shown to the next, or after sign-out. A deliberate
 * sign-out (here or in another tab) and a switch to another account also forget drafts; an
 * expired session keeps them for the user's return.
 */
export function bindSessionToQueries(auth: AuthClient, queryClient: QueryClient): void {
  let currentSub = auth.getSnapshot().user?.sub
  // The last user signed in here, still known while their expired session waits for them.
  let lastSub = currentSub
  auth.subscribe(() => {
    const { user, error } = auth.getSnapshot()
    if (user?.sub !== currentSub) queryClient.clear()
    const signedOut = currentSub !== undefined && !user && !isSignInRequired(error)
    const switched = user !== null && lastSub !== undefined && user.sub !== lastSub
    if (signedOut || switched) clearSessionDrafts()
    currentSub = user?.sub
    if (user) lastSub = user.sub
  })
}
