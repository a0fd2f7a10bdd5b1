/** OpenID Connect scopes: they ask for claims and refresh tokens, not for an API's access. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access'])

/** Where Entra sends a scope without a resource prefix (`User.Read`). */
export const MICROSOFT_GRAPH = 'https://graph.microsoft.com'

/**
 * The resource (API) a scope asks for, by Entra's convention `<App ID URI>/<permission>`
 * (`api://<app-id>/access_as_user`, `https://graph.microsoft.com/.default`); a bare permission
 * (`User.Read`) is Microsoft Graph's. Undefined for OpenID Connect scopes.
 */
export function scopeResource(scope: string): string | undefined {
  if (OIDC_SCOPES.has(scope)) return undefined
  const slash = scope.lastIndexOf('/')
  return slash > 0 ? scope.slice(0, slash) : MICROSOFT_GRAPH
}

/** The distinct resources a list of scopes asks for, in order. */
export function resourcesOf(scopes: readonly string[]): string[] {
  return [...new Set(scopes.flatMap((scope) => scopeResource(scope) ?? []))]
}

export interface ScopeProblem {
  readonly path: string
  readonly message: string
}

interface OneResourceConfig {
  readonly scopes: readonly string[]
  readonly apis: Readonly<
    Record<string, { readonly scopes: readonly string[]; readonly resource?: string | undefined }>
  >
}

/**
 * With `oneResourcePerRequest` (Microsoft Entra ID, Azure AD B2C, Entra External ID), every
 * token request may name the scopes of one resource only (AADSTS28000) and the `resource`
 * parameter is refused: check config.json for what the provider would refuse at run time.
 */
export function oneResourceProblems(config: OneResourceConfig): ScopeProblem[] {
  const problems: ScopeProblem[] = []
  const entries = Object.entries(config.apis)
  for (const [name, api] of entries) {
    const resources = resourcesOf(api.scopes)
    if (resources.length !== 1) {
      problems.push({
        path: `apis.${name}.scopes`,
        message: `must ask for exactly one resource with "oneResourcePerRequest" (AADSTS28000), got ${resources.length === 0 ? 'none' : resources.join(' and ')}: list this API's own scopes, like "api://<app-id>/access_as_user"`,
      })
    }
    const defaults = api.scopes.filter((scope) => scope.endsWith('/.default'))
    if (defaults.length > 0 && api.scopes.length > defaults.length) {
      problems.push({
        path: `apis.${name}.scopes`,
        message:
          'must not combine "<resource>/.default" with other scopes of the same resource (AADSTS70011)',
      })
    }
    if (api.resource !== undefined) {
      problems.push({
        path: `apis.${name}.resource`,
        message:
          'must be left out with "oneResourcePerRequest": the provider picks the API by its scopes and refuses the "resource" parameter (AADSTS901002)',
      })
    }
  }
  const [, primary] = entries[0] ?? []
  const signIn = resourcesOf([...config.scopes, ...(primary?.scopes ?? [])])
  if (signIn.length > 1) {
    problems.push({
      path: 'scopes',
      message: `must not ask for another resource than the first API's with "oneResourcePerRequest" (AADSTS28000); move ${resourcesOf(config.scopes).join(', ')} scopes into an entry of "apis"`,
    })
  }
  if (entries.length > 1 && !config.scopes.includes('offline_access')) {
    problems.push({
      path: 'scopes',
      message:
        'must include "offline_access" with "oneResourcePerRequest" and several APIs: the tokens for every API but the first come from the refresh token',
    })
  }
  return problems
}
