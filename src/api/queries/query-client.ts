import { QueryClient } from '@tanstack/react-query'

import { isAuthError, isTransientAuthError } from '../../auth/react'
import { isApiError } from '../client'

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

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: shouldRetry },
    },
  })
}
