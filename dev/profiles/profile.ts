import type { JWK } from 'jose'
import type { Middleware } from 'koa'
import type Provider from 'oidc-provider'
import type { Configuration } from 'oidc-provider'
import type { VerifiedToken } from '../api/verify-token'
import type { DevStack } from '../config'

/** oidc-provider's endpoint paths, relative to the issuer's path. */
export type ProviderRoutes = NonNullable<Configuration['routes']>

/**
 * How a token request names the API the access token is for:
 * - `resource`: RFC 8707 resource indicators (the generic provider);
 * - `audience`: Auth0's `audience` parameter; `resource` is ignored and a request without
 *   `audience` gets a token for the userinfo endpoint only;
 * - `scope`: no parameter at all, the requested scopes pick the API (Okta, Keycloak).
 */
export type ApiSelection = 'resource' | 'audience' | 'scope'

/**
 * A provider the local identity provider can play: the quirks of one vendor (issuer shape,
 * paths, parameters, error codes, refresh token policy), reproduced so the app is tested
 * against them without the vendor's cloud. Chosen with TESSERA_PROFILE. Every member but the
 * first three is optional; leaving it out keeps the generic provider's behaviour.
 */
export interface ProviderProfile {
  readonly name: string
  /** One line for `npm start`'s banner and the docs. */
  readonly summary: string
  /** The `config.json` a user of this provider would write, pointed at the local stack. */
  appConfig(stack: DevStack): Record<string, unknown>
  /**
   * The issuer of the provider at `origin` (default: the origin itself). A path mounts every
   * provider endpoint below it, as for Keycloak's `/realms/{realm}`.
   */
  readonly issuer?: (origin: string) => string
  /** Endpoint paths below the issuer's path (default: oidc-provider's `/auth`, `/token`, …). */
  readonly routes?: ProviderRoutes
  /** How requests choose the API a token is for (default `resource`). */
  readonly apiSelection?: ApiSelection
  /**
   * The `aud` access tokens for the API at `apiUrl` carry, which that API checks (default: its
   * URL, the RFC 8707 resource indicator).
   */
  readonly apiAudience?: (stack: DevStack, apiUrl: string) => string
  /** Edits a JWT access token's payload before it is signed (vendor claims, `aud` arrays). */
  readonly accessTokenClaims?: (payload: Record<string, unknown>, stack: DevStack) => void
  /**
   * Edits the token endpoint's JSON answer (success or error) before it is sent: vendor
   * fields such as Keycloak's `refresh_expires_in`, or vendor wording of `error_description`.
   */
  readonly tokenAnswer?: (answer: TokenAnswer, stack: DevStack) => void
  /** What the local identity provider does differently; absent: the generic provider. */
  readonly idp?: IdpQuirks
  /** What the demo APIs do differently; absent: the generic APIs. */
  readonly api?: ApiQuirks
}

/** The token endpoint's answer, as a profile may edit it (see `ProviderProfile.tokenAnswer`). */
export interface TokenAnswer {
  status: number
  readonly body: Record<string, unknown>
  readonly grantType: string | undefined
}

export interface IdpQuirks {
  /**
   * Path prefix oidc-provider is mounted at (its own issuer is the stack's issuer plus this),
   * e.g. `/common` for Entra's `https://login.microsoftonline.com/common/oauth2/v2.0/...`.
   */
  readonly mountPath?: string
  /** Where discovery is served below `mountPath`, if not `/.well-known/openid-configuration`. */
  readonly discoveryPath?: string
  /**
   * Reshapes the generic oidc-provider configuration into this vendor's (client registration,
   * refresh token policy, CORS, routes, resources, claims, errors).
   */
  configure?(configuration: Configuration, stack: DevStack): Configuration
  /**
   * Koa middleware mounted in front of oidc-provider (after the generic token request
   * middleware, so `ctx.req.body` holds the parsed token request form).
   */
  middleware?(context: IdpContext): Middleware[]
}

export interface IdpContext {
  readonly stack: DevStack
  /** The provider's private signing key, for vendors whose tokens differ from oidc-provider's. */
  readonly signingKey: JWK
  /** The provider, to look up its tokens (e.g. a refresh token's authentication). */
  readonly provider: Provider
}

export interface ApiQuirks {
  /** The `iss` of access tokens and the provider's JWKS, when not found through discovery. */
  tokenIssuer?(stack: DevStack): { readonly issuer: string; readonly jwksUri: string }
  /**
   * Continuous Access Evaluation: `POST /__dev/cae/revoke {"sub"}` (dev endpoints on) records a
   * critical event; older tokens of that user are then refused with a claims challenge.
   */
  readonly continuousAccessEvaluation?: boolean
  /** How the demo API asks for a second factor; default RFC 9470 `acr_values`. */
  readonly requireSecondFactor?: (token: VerifiedToken, detail: string) => void
}
