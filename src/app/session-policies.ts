import type { QueryClient } from '@tanstack/query-core'

import {
  forgetStepUp,
  rememberStepUp,
  replayStepUp,
  type StepUpRequest,
  takeStepUp,
} from '../api/queries'
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

/** An API asked for a stronger sign-in: keep the refused mutation, then sign in again. */
export function startStepUp(auth: AuthClient, request: StepUpRequest, returnTo: string): void {
  const sub = auth.getSnapshot().user?.sub
  if (sub === undefined) return
  rememberStepUp({ sub, mutationKey: request.mutationKey, variables: request.variables })
  void auth.signIn({ returnTo, stepUp: request.stepUp })
}

/**
 * Once bootstrap's code redemption (`completion`) succeeds, replays, exactly once, a mutation
 * that was waiting for a step-up.
 */
export function replayStepUpAfterSignIn(
  auth: AuthClient,
  queryClient: QueryClient,
  completion: Promise<string>,
): void {
  completion.then(
    () => {
      const pending = takeStepUp(auth.getSnapshot().user?.sub)
      if (pending) replayStepUp(queryClient, pending).catch(() => undefined) // shown by the page
    },
    () => {
      forgetStepUp() // the step-up did not happen: never replay it later by surprise
    },
  )
}
