export interface TokenCacheKeyParts {
  readonly issuer: string
  readonly clientId: string
  readonly sub: string
  /** RFC 8707 resource or `audience`, or '' when the provider selects the API by scope. */
  readonly resource: string
  readonly scopes: readonly string[]
}

/**
 * One access token per issuer, client, user, resource and scope set, so acquiring a token for
 * one API never overwrites another's. Scopes are de-duplicated and sorted: order is irrelevant
 * in OAuth (RFC 6749 §3.3).
 */
export function tokenCacheKey(parts: TokenCacheKeyParts): string {
  const scopes = [...new Set(parts.scopes)].sort().join(' ')
  return JSON.stringify([parts.issuer, parts.clientId, parts.sub, parts.resource, scopes])
}
