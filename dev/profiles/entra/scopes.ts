/** OpenID Connect scopes, which name no resource. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access'])

/**
 * The resources a scope string asks for, the way Entra reads it: `<App ID URI>/<permission>`,
 * a bare permission being Microsoft Graph's. Written apart from the app's own parser
 * (src/config/scope-resources.ts) so one bug cannot hide in both.
 */
export function resourcesIn(scope: string | undefined): string[] {
  const resources = new Set<string>()
  for (const name of (scope ?? '').split(' ')) {
    if (name === '' || OIDC_SCOPES.has(name)) continue
    const slash = name.lastIndexOf('/')
    resources.add(slash > 0 ? name.slice(0, slash) : 'https://graph.microsoft.com')
  }
  return [...resources]
}

/** An API's permissions as Entra-style scopes: the App ID URI (here the API's URL) + name. */
export function entraScopes(appIdUri: string, permissions: readonly string[]): string[] {
  return permissions.map((permission) => `${appIdUri}/${permission}`)
}

export interface OAuthError {
  readonly error: string
  readonly error_description: string
}

/**
 * What Entra's v2 endpoints refuse before anything else: the RFC 8707 `resource` parameter
 * (v1 only) and scopes of more than one resource in one request.
 */
export function entraRefusal(
  resourceParameters: readonly string[],
  scope: string | undefined,
): OAuthError | undefined {
  if (resourceParameters.length > 0) {
    return {
      error: 'invalid_request',
      error_description:
        "AADSTS901002: The 'resource' request parameter isn't supported. Use scopes like <App ID URI>/<permission> instead.",
    }
  }
  if (resourcesIn(scope).length > 1) {
    return {
      error: 'invalid_request',
      error_description: `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope ?? ''} is not valid.`,
    }
  }
  return undefined
}
