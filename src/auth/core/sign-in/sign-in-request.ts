import type { ApiConfig, AppConfig } from '../../../config'

/** What a sign-in asks for: scopes and resources at the provider, and the code exchange's API. */
export interface SignInShape {
  readonly scopes: readonly string[]
  /** RFC 8707 resources the user grants access to at sign-in. */
  readonly resources: readonly string[]
  /** The resource the code exchange names (RFC 8707), if any. */
  readonly tokenResource: string | undefined
  /** The scopes the code exchange names, for providers that pick the resource by scope. */
  readonly tokenScopes: readonly string[] | undefined
  /** The API whose access token the code exchange returns; it is cached for that API. */
  readonly tokenApi: ApiConfig | undefined
}

/**
 * Generic providers get every API's scopes and resources at sign-in, and the code exchange
 * names the first API's resource. With `oneResourcePerRequest` (Entra), sign-in and the code
 * exchange name the sign-in scopes plus the first API's scopes only and never `resource`; the
 * other APIs' tokens come from the refresh token, one resource per request.
 */
export function signInShape(config: AppConfig): SignInShape {
  const apis = Object.values(config.apis)
  const [primary] = apis
  if (config.oneResourcePerRequest) {
    const scopes = [...new Set([...config.scopes, ...(primary?.scopes ?? [])])]
    return {
      scopes,
      resources: [],
      tokenResource: undefined,
      tokenScopes: scopes,
      tokenApi: primary,
    }
  }
  return {
    scopes: [...new Set([...config.scopes, ...apis.flatMap((api) => api.scopes)])],
    resources: [...new Set(apis.flatMap((api) => (api.resource ? [api.resource] : [])))],
    tokenResource: primary?.resource,
    tokenScopes: undefined,
    // Without a resource (or Auth0's audience) the code exchange's token has the provider's
    // default audience.
    tokenApi: (primary?.resource ?? primary?.audience) === undefined ? undefined : primary,
  }
}
