import { AuthError } from '../errors'
import { fetchProviderJson, isRecord } from './http'
import { checkDiscoveryIssuer } from './issuer'

/** The parts of the discovery document Tessera relies on (OIDC Discovery 1.0 §3). */
export interface ProviderMetadata {
  readonly issuer: string
  readonly authorization_endpoint: string
  readonly token_endpoint: string
  readonly jwks_uri: string
  readonly end_session_endpoint?: string
  readonly revocation_endpoint?: string
  readonly id_token_signing_alg_values_supported?: readonly string[]
  readonly authorization_response_iss_parameter_supported?: boolean
  readonly code_challenge_methods_supported?: readonly string[]
  /** RFC 9449 §5.1: present when the provider binds tokens to DPoP proofs. */
  readonly dpop_signing_alg_values_supported?: readonly string[]
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

function isSecureEndpoint(value: unknown): value is string {
  if (typeof value !== 'string' || !URL.canParse(value)) return false
  const url = new URL(value)
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
}

const REQUIRED_ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const
const OPTIONAL_ENDPOINTS = ['end_session_endpoint', 'revocation_endpoint'] as const
type EndpointKey = (typeof REQUIRED_ENDPOINTS)[number] | (typeof OPTIONAL_ENDPOINTS)[number]

export function discoveryUrl(authority: string): string {
  return `${authority.replace(/\/$/, '')}/.well-known/openid-configuration`
}

/**
 * Validates a discovery document against the configured authority.
 * SEC-10 / OIDC Discovery §4.3: the `issuer` must be identical to the authority it was fetched
 * for (or the one config.json states, or an Entra tenant template of it: ./issuer.ts), and every
 * endpoint must live on the authority's origin (or one the deployer trusts): a tampered
 * document could otherwise send the user, the code or the ID token elsewhere.
 */
export function parseMetadata(
  json: unknown,
  authority: string,
  extraOrigins: readonly string[] = [],
  configuredIssuer?: string,
): ProviderMetadata {
  if (!isRecord(json)) {
    throw new AuthError('discovery_failed', { message: 'The discovery document is not an object.' })
  }
  checkDiscoveryIssuer(json.issuer, authority, configuredIssuer)
  const trusted = new Set([new URL(authority).origin, ...extraOrigins])
  const endpoint = (key: EndpointKey, required: boolean) => {
    const value = json[key]
    if (value === undefined && !required) return
    if (!isSecureEndpoint(value)) {
      throw new AuthError('discovery_failed', {
        message: `The discovery document has no usable https "${key}".`,
      })
    }
    const { origin } = new URL(value)
    if (!trusted.has(origin)) {
      throw new AuthError('issuer_mismatch', {
        message: `The provider's "${key}" is on ${origin}, not on the issuer's origin.`,
        fix: `If ${origin} really belongs to your provider, add it to "providerOrigins" in config.json.`,
      })
    }
  }
  for (const key of REQUIRED_ENDPOINTS) endpoint(key, true)
  for (const key of OPTIONAL_ENDPOINTS) endpoint(key, false)
  const methods = json.code_challenge_methods_supported
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new AuthError('discovery_failed', {
      message: 'The provider does not support PKCE with S256 (RFC 7636), which Tessera requires.',
    })
  }
  return json as unknown as ProviderMetadata
}

/**
 * With `"dpop": true` the provider must offer DPoP (RFC 9449 §5.1) with the algorithm Tessera
 * signs proofs with; otherwise say so at sign-in rather than fail on the token response.
 */
export function assertDpopSupported(metadata: ProviderMetadata, alg: string): void {
  const offered = metadata.dpop_signing_alg_values_supported
  if (Array.isArray(offered) && offered.includes(alg)) return
  throw new AuthError('discovery_failed', {
    message: Array.isArray(offered)
      ? `The provider offers DPoP only with ${offered.join(', ')}; Tessera signs proofs with ${alg}.`
      : 'config.json has "dpop": true, but the provider does not offer DPoP (no dpop_signing_alg_values_supported in its discovery document).',
    fix: `Remove "dpop" from config.json, or enable DPoP with ${alg} at the provider.`,
  })
}

export async function fetchMetadata(
  authority: string,
  fetchFn: typeof fetch,
  extraOrigins: readonly string[] = [],
  configuredIssuer?: string,
): Promise<ProviderMetadata> {
  const json = await fetchProviderJson(discoveryUrl(authority), 'discovery_failed', fetchFn)
  return parseMetadata(json, authority, extraOrigins, configuredIssuer)
}
