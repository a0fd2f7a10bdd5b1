import { useMemo } from 'react'

import { type AuthClient, useAuthClient } from '../../auth/react'
import type { ApiEndpoint } from '../client'
import { rejectedTokenFix } from './rejected-token-fix'

/** The endpoint for the configured API `name`, with its token getter bound to the auth client. */
export function useApiEndpoint(name: string): ApiEndpoint {
  const auth = useAuthClient()
  return useMemo(() => apiEndpoint(auth, name), [auth, name])
}

/** Binds the API `name`'s base URL and token lifecycle to `callApi`. */
export function apiEndpoint(auth: AuthClient, name: string): ApiEndpoint {
  const api = auth.api(name)
  return {
    baseUrl: api.baseUrl,
    rejectedTokenFix: rejectedTokenFix(name, api),
    getToken: () => auth.getAccessToken(name),
    invalidateToken: (token) => {
      auth.invalidateAccessToken(name, token)
    },
    createProof: (method, url, token, nonce) => auth.createProof(method, url, token, nonce),
    reacquireWithClaims: (claims) => auth.reacquireWithClaims(name, claims),
  }
}
