import { useCallback } from 'react'

import type { AccessToken } from '../core'
import { useAuthClient } from './use-auth'

/**
 * A function that gets an access token for the configured API `api` at call time (from the
 * cache while fresh, else renewed once for every caller). Call it when you send the request,
 * never during render: a token captured in render goes stale.
 */
export function useAccessToken(api: string): () => Promise<AccessToken> {
  const auth = useAuthClient()
  return useCallback(() => auth.getAccessToken(api), [auth, api])
}
