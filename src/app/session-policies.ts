import type { QueryClient } from '@tanstack/query-core'

import { type AuthClient, isSignInRequired } from '../auth/core'
import { clearSessionDrafts } from './session-drafts'

/**
 * SEC-26: nothing cached for one user may be shown to the next, or after sign-out. A deliberate
 * sign-out (here or in another tab) also forgets drafts; an expired session keeps them for the
 * user's return.
 */
export function bindSessionToQueries(auth: AuthClient, queryClient: QueryClient): void {
  let currentSub = auth.getSnapshot().user?.sub
  auth.subscribe(() => {
    const { user, error } = auth.getSnapshot()
    if (user?.sub !== currentSub) queryClient.clear()
    if (currentSub !== undefined && !user && !isSignInRequired(error)) {
      clearSessionDrafts()
    }
    currentSub = user?.sub
  })
}
