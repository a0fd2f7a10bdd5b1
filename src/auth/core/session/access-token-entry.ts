import type { ApiConfig } from '../../../config'
import { tokenCacheKey } from './cache-key'
import type { AccessTokenEntry, Session } from './session-store'
import type { AccessTokenGrant } from '../protocol/token-response'

/** Renew this long before expiry, or a quarter of the lifetime for short-lived tokens. */
const RENEW_MARGIN_MS = 60_000

/** The cache key of `api`'s access token in `session`. */
export function sessionCacheKey(session: Session, api: ApiConfig): string {
  return tokenCacheKey({
    issuer: session.issuer,
    clientId: session.clientId,
    sub: session.claims.sub,
    // A config names an API one way, RFC 8707 `resource` or Auth0 `audience`, never both.
    resource: api.resource ?? api.audience ?? '',
    scopes: api.scopes,
  })
}

/** A cache entry for a token received `now`: expiry from `expires_in`, not the token's claims. */
export function accessTokenEntry(
  grant: AccessTokenGrant,
  api: ApiConfig,
  now: number,
): AccessTokenEntry {
  const lifetimeMs = grant.expiresInSeconds * 1000
  return {
    token: grant.accessToken,
    tokenType: grant.tokenType,
    expiresAt: now + lifetimeMs,
    renewAt: now + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 4),
    scopes: [...api.scopes],
  }
}

export function isFresh(entry: AccessTokenEntry, now: number): boolean {
  return now < entry.renewAt
}
