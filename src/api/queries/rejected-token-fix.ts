import type { ApiConfig } from '../../config'

/**
 * What a deployer should check when the API `name` refuses a token the provider has just issued:
 * the token names the wrong audience (or none). Auth0 without `audience` issues a token for its
 * /userinfo only; Keycloak without an Audience mapper names only `account`.
 */
export function rejectedTokenFix(name: string, api: ApiConfig): string {
  const key = `"apis.${name}`
  if (api.audience !== undefined) {
    return `Check that ${key}.audience" in config.json is exactly the API's identifier at the provider (Auth0: APIs → Identifier), and that the application may call that API.`
  }
  if (api.resource !== undefined) {
    return `Check that ${key}.resource" in config.json is the audience this API expects, and that the provider supports resource indicators (RFC 8707).`
  }
  return `The provider did not address the token to this API. Auth0: set ${key}.audience" to the API's identifier. Keycloak: add an Audience mapper for the API to the client. Providers with RFC 8707: set ${key}.resource".`
}
