/** One protected API the app calls, as configured in `config.json` under `apis`. */
export interface ApiConfig {
  /** Origin (and optional path prefix) of the API; bearer tokens are sent only here (SEC-25). */
  readonly baseUrl: string
  /** Scopes requested for this API's access token (one resource per token request). */
  readonly scopes: readonly string[]
  /** RFC 8707 resource indicator; omitted for providers that select the API by scope (Entra). */
  readonly resource?: string
  /**
   * The API's identifier sent as the `audience` parameter, for providers that name APIs that way
   * instead of RFC 8707 `resource` (Auth0). Exclusive with `resource`.
   */
  readonly audience?: string
}

/**
 * How an access token is renewed: `refresh-token` only, a hidden `iframe` with `prompt=none`
 * only, or `auto` (the refresh token when the session has one, else the iframe).
 */
export type RenewalStrategy = 'auto' | 'refresh-token' | 'iframe'

/** The validated runtime configuration (`config.json`, served next to `index.html`). */
export interface AppConfig {
  /** The issuer; discovery is at `${authority}/.well-known/openid-configuration`. */
  readonly authority: string
  readonly clientId: string
  /** Scopes for sign-in (OIDC scopes; `offline_access` for a refresh token). */
  readonly scopes: readonly string[]
  /** Path of the redirect handler route, below the app's base path. */
  readonly redirectPath: string
  /** Where the provider sends the user after sign-out, below the app's base path. */
  readonly postLogoutRedirectPath: string
  readonly apis: Readonly<Record<string, ApiConfig>>
  /**
   * Exposes `window.tesseraDiagnostics` (API calls through the real token path, never the
   * tokens themselves) for end-to-end tests and the bench. Off unless set.
   */
  readonly diagnostics: boolean
  /**
   * Bind tokens to a key held by this browser (DPoP, RFC 9449): a stolen access or refresh
   * token is useless without it. Needs provider and API support.
   */
  readonly dpop: boolean
  /**
   * Origins besides the issuer's where the provider's endpoints may live (a few providers split
   * them, e.g. a separate token host). Every other origin in discovery is refused (SEC-10).
   */
  readonly providerOrigins: readonly string[]
  /** See {@link RenewalStrategy}; `auto` unless set. */
  readonly renewal: RenewalStrategy
  /**
   * The issuer the provider's discovery document names, when it differs from the authority URL
   * (Azure AD B2C, Entra External ID). Checked exactly, never skipped (SEC-10).
   */
  readonly issuer?: string
  /**
   * Sign-in asks for the first API's scopes only, every token request names the scopes of one
   * resource and never `resource` (Microsoft Entra ID, B2C, External ID): other APIs' tokens
   * come from the refresh token, one resource per request.
   */
  readonly oneResourcePerRequest: boolean
  /**
   * Client capabilities announced in the `claims` request of every authorization and token
   * request, e.g. `["cp1"]` for Entra Continuous Access Evaluation (`xms_cc`).
   */
  readonly clientCapabilities: readonly string[]
  /**
   * Minutes a sign-in lasts at most, counted from when the user authenticated (`auth_time`):
   * then the app asks them to sign in again, warning a few minutes ahead (docs/sessions.md).
   * Unlimited unless set; the provider's own limits apply either way.
   */
  readonly maxSessionAge?: number
  /**
   * Minutes without activity in any tab of the app after which every tab signs out, the
   * provider's session included (shared devices; docs/sessions.md). Off unless set.
   */
  readonly idleTimeout?: number
  /** Seconds before the idle sign-out that a dialog warns with a countdown; 60 unless set. */
  readonly idleWarning: number
}
