import { QueryClient } from '@tanstack/query-core'

import { isAuthError, isTransientAuthError } from '../../auth/core'
import { ApiUnreachableError, isApiError } from '../client'

const MAX_RETRIES = 2

/**
 * Retries only what may pass on its own: an unreachable API, provider timeouts and network
 * failures, and 5xx answers. A 4xx (after the one renew-and-retry in `callApi`), an ended
 * session, a configuration error or a bug never retries, so nothing loops against the provider
 * or the API, and a mistake is shown as what it is.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (isAuthError(error)) return isTransientAuthError(error)
  if (isApiError(error)) return error.status >= 500
  return error instanceof ApiUnreachableError
}

/** The app's query client: one retry policy for every query and mutation. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
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
