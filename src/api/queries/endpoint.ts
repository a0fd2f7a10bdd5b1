import type { AuthClient } from '../../auth/core'
import type { ApiEndpoint } from '../client'
import { rejectedTokenFix } from './rejected-token-fix'

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
    createProof: (method, url, token) => auth.createProof(method, url, token),
    acceptDpopNonce: (url, nonce) => {
      auth.acceptDpopNonce(url, nonce)
    },
    reacquireWithClaims: (claims) => auth.reacquireWithClaims(name, claims),
  }
}
