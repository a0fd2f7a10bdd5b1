import type { AppConfig } from '../../config'
import { fetchProviderJson, isRecord, unverifiedJwtPayload } from './protocol/http'
import { discoveryUrl, parseMetadata } from './protocol/metadata'

/** What the sign-in debugger shows: everything a deployer compares with the provider's setup. */
export interface SignInDiagnosis {
  /** Register these at the provider, exactly as sent. */
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string
  /** Only used when renewal may run in a hidden frame. */
  readonly silentRedirectUri: string | undefined
  readonly authority: string
  /** The issuer the ID tokens must name: config.json's `issuer`, else the authority. */
  readonly expectedIssuer: string
  readonly discovery: DiscoveryCheck
  /** How far this device's clock is corrected (the host's minus the device's), in ms. */
  readonly clockOffsetMs: number
  readonly lastError: ReportedError | undefined
  readonly tokens: readonly TokenClaims[]
}

export type DiscoveryCheck =
  | {
      readonly url: string
      readonly issuer: string | undefined
      /** undefined when the document passed every check, else why Tessera refuses it. */
      readonly problem: string | undefined
      readonly endpoints: readonly EndpointCheck[]
    }
  | { readonly url: string; readonly unreachable: string }

export interface EndpointCheck {
  readonly name: string
  readonly url: string
  /** On the authority's origin or one config.json's `providerOrigins` lists. */
  readonly allowed: boolean
}

/** An error as the debugger keeps it: no token, code or verifier (SEC-37). */
export interface ReportedError {
  readonly code: string
  readonly message: string
  readonly fix: string
  readonly providerError: string | undefined
  readonly providerErrorDescription: string | undefined
}

/** One access token's claims, never the token (SEC-37): only what a deployer checks. */
export interface TokenClaims {
  readonly api: string
  readonly expiresInMs: number | undefined
  /** undefined when the token is not a JWT (opaque tokens have no claims to show). */
  readonly claims:
    | {
        readonly aud: unknown
        readonly scope: unknown
        readonly iss: unknown
        readonly exp: unknown
      }
    | undefined
}

const ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'end_session_endpoint',
  'revocation_endpoint',
  'userinfo_endpoint',
] as const

/**
 * Fetches the discovery document as the provider serves it (not from the tab's cache) and says
 * what Tessera thinks of it: its issuer, whether it passes, where each endpoint lives.
 */
export async function checkDiscovery(
  config: Pick<AppConfig, 'authority' | 'issuer' | 'providerOrigins'>,
  fetchFn: typeof fetch,
): Promise<DiscoveryCheck> {
  const url = discoveryUrl(config.authority)
  let json: unknown
  try {
    json = await fetchProviderJson(url, 'discovery_failed', fetchFn)
  } catch (error) {
    return { url, unreachable: error instanceof Error ? error.message : String(error) }
  }
  const document = isRecord(json) ? json : {}
  let problem: string | undefined
  try {
    parseMetadata(json, config.authority, config.providerOrigins, config.issuer)
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  const trusted = new Set([new URL(config.authority).origin, ...config.providerOrigins])
  const endpoints = ENDPOINTS.flatMap((name) => {
    const value = document[name]
    if (typeof value !== 'string' || !URL.canParse(value)) return []
    return [{ name, url: value, allowed: trusted.has(new URL(value).origin) }]
  })
  return {
    url,
    issuer: typeof document.issuer === 'string' ? document.issuer : undefined,
    problem,
    endpoints,
  }
}

/**
 * The claims of a JWT access token a deployer checks (audience, scopes, issuer, expiry), read
 * without verifying: the API verifies, this only shows. Opaque tokens: undefined.
 */
export function accessTokenClaims(token: string): TokenClaims['claims'] {
  const json = unverifiedJwtPayload(token)
  return json && { aud: json.aud, scope: json.scp ?? json.scope, iss: json.iss, exp: json.exp }
}
