import { AuthError } from '../errors'
import { unverifiedJwtPayload } from './http'

export interface RawTokenResponse {
  readonly access_token?: string | undefined
  readonly token_type?: string | undefined
  readonly expires_in?: number | undefined
  readonly refresh_token?: string | undefined
  readonly id_token?: string | undefined
  readonly scope?: string | undefined
  /** Keycloak: seconds until the refresh token (the SSO session) expires; 0 for offline tokens. */
  readonly refresh_expires_in?: unknown
}

/** Without `expires_in` (RFC 6749 §5.1 only recommends it) assume a short life and renew early. */
const ASSUMED_LIFETIME_SECONDS = 300

export interface AccessTokenGrant {
  readonly accessToken: string
  readonly tokenType: string
  readonly expiresInSeconds: number
}

/**
 * SEC-14: a token response is usable only with a non-empty access token of a scheme Tessera
 * speaks. `token_type` is case-insensitive (RFC 6749 §7.1).
 */
export function checkTokenResponse(response: RawTokenResponse, dpop = false): AccessTokenGrant {
  const accessToken = response.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new AuthError('token_response_invalid', {
      message: 'The token response has no access token.',
    })
  }
  const type = (response.token_type ?? '').toLowerCase()
  // SEC-28: with DPoP configured, an unbound (Bearer) token would be a silent downgrade.
  const expected = dpop ? 'dpop' : 'bearer'
  if (type !== expected) {
    throw new AuthError('token_response_invalid', {
      message: `The token response has token_type "${response.token_type ?? ''}"; expected ${dpop ? 'DPoP' : 'Bearer'}.`,
    })
  }
  const expiresIn = response.expires_in
  return {
    accessToken,
    tokenType: dpop ? 'DPoP' : 'Bearer',
    expiresInSeconds:
      typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
        ? expiresIn
        : ASSUMED_LIFETIME_SECONDS,
  }
}

/**
 * When the response's refresh token stops working, if the provider says (epoch ms on `now`'s
 * clock): Keycloak's `refresh_expires_in`, or the `exp` of a refresh token that is a JWT. Only
 * a warning hangs on it (session-end.ts), so the token is decoded, not verified.
 */
export function refreshTokenExpiry(response: RawTokenResponse, now: number): number | undefined {
  const limits: number[] = []
  const expiresIn = response.refresh_expires_in
  if (typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0) {
    limits.push(now + expiresIn * 1000)
  }
  const exp = response.refresh_token === undefined ? undefined : jwtExpiry(response.refresh_token)
  if (exp !== undefined) limits.push(exp * 1000)
  return limits.length > 0 ? Math.min(...limits) : undefined
}

function jwtExpiry(token: string): number | undefined {
  const exp = unverifiedJwtPayload(token)?.exp
  return typeof exp === 'number' && Number.isFinite(exp) && exp > 0 ? exp : undefined
}
