import { MutationCache, type MutationKey, notifyManager, QueryClient } from '@tanstack/query-core'

import { isAuthError, isTransientAuthError } from '../../auth/core'
import { isApiError, type StepUpChallenge } from '../client'

const MAX_RETRIES = 2

/**
 * Retries only what may pass on its own: network failures, provider timeouts and 5xx. A 4xx
 * (after the one renew-and-retry in `callApi`) or an ended session never retries, so nothing
 * loops against the provider or the API.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (isAuthError(error)) return isTransientAuthError(error)
  if (isApiError(error)) return error.status >= 500
  return error instanceof TypeError // fetch's network failure
}

export interface StepUpRequest {
  readonly stepUp: StepUpChallenge
  readonly mutationKey: MutationKey
  readonly variables: unknown
}

/**
 * The app's query client. One policy for every mutation: when an API asks for a stronger
 * sign-in, `onStepUp` gets the mutation to replay (only keyed mutations can be replayed).
 */
export function createQueryClient(
  options: { onStepUp?: (request: StepUpRequest) => void } = {},
): QueryClient {
  // Observers hear of new data in a microtask, not a zero timeout (the default): an API answer
  // renders in the task it arrived in, before the next frame, and together with any React state
  // set in the same task (TanStack/query#8815; its maintainer's choice for the next major).
  notifyManager.setScheduler(queueMicrotask)
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, variables, _context, mutation) => {
        const { mutationKey } = mutation.options
        if (isApiError(error) && error.stepUp && mutationKey && options.onStepUp) {
          options.onStepUp({ stepUp: error.stepUp, mutationKey, variables })
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // A page whose request failed before it rendered (bootstrap asks first) shows that
        // failure; rendering does not ask the API again (SEC-25: one renewal, one retry, then
        // an alert). Navigating to the page or "Try again" asks again.
        retryOnMount: false,
        staleTime: 30_000,
      },
      mutations: { retry: shouldRetry },
    },
  })
}
