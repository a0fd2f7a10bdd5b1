import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet, type JWTPayload } from 'jose'

import { AuthError } from '../errors'
import { expectedIssuer, type IssuerExpectation } from './issuer'

/** Asymmetric algorithms only: never `none`, never HS* (a public client has no shared secret). */
const ALLOWED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]

/** Bounded clock skew for `exp`, `nbf` and `iat` (SECURITY.md: ≤ 60 s). */
export const CLOCK_SKEW_SECONDS = 60

export interface IdTokenClaims extends JWTPayload {
  readonly sub: string
  readonly iss: string
}

export interface IdTokenExpectations extends IssuerExpectation {
  readonly clientId: string
  /** Algorithms the provider advertises; intersected with the allowlist. */
  readonly advertisedAlgorithms: readonly string[] | undefined
  /** Required on sign-in (OIDC Core §3.1.3.7 step 11); absent on refresh. */
  readonly nonce?: string
  /** A step-up asked for one of these `acr` values (OIDC Core §3.1.2.1, RFC 9470). */
  readonly acrValues?: readonly string[]
  /** A step-up asked for an authentication at most this many seconds old (`auth_time`). */
  readonly maxAge?: number
  /** On refresh, OIDC Core §12.2: the new token must describe the same user and audience. */
  readonly previous?: IdTokenClaims
  /**
   * On silent renewal (`prompt=none` with `id_token_hint`, OIDC Core §3.1.2.1): a new sign-in at
   * the provider, so `auth_time` may move, but it must be the same user at the same issuer.
   */
  readonly sameUserAs?: IdTokenClaims
  readonly now?: () => number
}

export type JwksSource = (refresh: boolean) => Promise<JSONWebKeySet>

function invalid(message: string, cause?: unknown): AuthError {
  return new AuthError('id_token_invalid', { message: `ID token rejected: ${message}`, cause })
}

function parsePayload(bytes: Uint8Array): JWTPayload {
  let payload: unknown
  try {
    payload = JSON.parse(new TextDecoder().decode(bytes))
  } catch (error) {
    throw invalid('the payload is not JSON', error)
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalid('the payload is not a JSON object')
  }
  return payload as JWTPayload
}

/** OIDC Core §3.1.3.7 steps 3, 9 and RFC 7519 §4.1.5: audience, expiry and not-before. */
function checkTimesAndAudience(payload: JWTPayload, clientId: string, nowMs: number): void {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
  if (!audiences.includes(clientId)) throw invalid('"aud" does not name this client')
  const skewMs = CLOCK_SKEW_SECONDS * 1000
  if (typeof payload.exp !== 'number') throw invalid('no "exp" claim')
  if (nowMs >= payload.exp * 1000 + skewMs) throw invalid('"exp" has passed (token expired)')
  if (payload.nbf !== undefined) {
    if (typeof payload.nbf !== 'number') throw invalid('"nbf" is not a number')
    if (nowMs < payload.nbf * 1000 - skewMs) throw invalid('"nbf" is in the future')
  }
}

/**
 * Validates an ID token completely before anything is stored (OIDC Core §3.1.3.7, §12.2):
 * signature against the provider's JWKS with an algorithm allowlist, `iss`, `aud`, `azp`, `exp`,
 * `nbf`, `iat` with bounded skew, `sub` and `nonce`. An unknown `kid` refetches the JWKS once.
 */
export async function validateIdToken(
  idToken: string,
  jwks: JwksSource,
  expected: IdTokenExpectations,
): Promise<IdTokenClaims> {
  const algorithms = ALLOWED_ALGORITHMS.filter(
    (alg) => !expected.advertisedAlgorithms || expected.advertisedAlgorithms.includes(alg),
  )
  const nowMs = (expected.now ?? Date.now)()
  // The signature with jose (key selection, algorithm allowlist, `crit`); the claims below, so
  // the bundle carries no second claims validator.
  const verify = async (refresh: boolean) =>
    compactVerify(idToken, createLocalJWKSet(await jwks(refresh)), { algorithms })

  let payload: JWTPayload
  try {
    let verified
    try {
      verified = await verify(false)
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error
      verified = await verify(true)
    }
    payload = parsePayload(verified.payload)
  } catch (error) {
    if (error instanceof AuthError) throw error
    throw invalid(error instanceof Error ? error.message : 'unreadable token', error)
  }
  checkTimesAndAudience(payload, expected.clientId, nowMs)

  // OIDC Core §3.1.3.7 step 2, after the signature: an Entra template needs the token's `tid`.
  const issuer = expectedIssuer(expected, payload)
  if (payload.iss !== issuer) {
    throw invalid(`unexpected "iss" claim value "${String(payload.iss)}", expected "${issuer}"`)
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('no "sub" claim')
  if (typeof payload.iat !== 'number' || payload.iat * 1000 > nowMs + CLOCK_SKEW_SECONDS * 1000) {
    throw invalid('"iat" is in the future')
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
  if (audiences.length > 1 && payload.azp === undefined) {
    throw invalid('several audiences but no "azp"')
  }
  if (payload.azp !== undefined && payload.azp !== expected.clientId) {
    throw invalid('"azp" is not this client')
  }
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce) {
    throw invalid('"nonce" does not match the sign-in request (possible replay)')
  }
  if (expected.acrValues && !expected.acrValues.includes(String(payload.acr))) {
    throw invalid(`"acr" is not the requested ${expected.acrValues.join(' or ')}`)
  }
  if (expected.maxAge !== undefined) {
    // OIDC Core §3.1.2.1: with max_age, auth_time is required and must be recent enough.
    const authTime = payload.auth_time
    if (
      typeof authTime !== 'number' ||
      nowMs > (authTime + expected.maxAge + CLOCK_SKEW_SECONDS) * 1000
    ) {
      throw invalid('"auth_time" is missing or older than the requested max_age')
    }
  }
  const previous = expected.previous
  if (previous) {
    if (payload.sub !== previous.sub) throw invalid('"sub" changed on refresh')
    if (payload.iss !== previous.iss) throw invalid('"iss" changed on refresh')
    if (previous.auth_time !== undefined && payload.auth_time !== previous.auth_time) {
      // OIDC Core §12.2: auth_time, if present, must be the time of the original authentication.
      throw invalid('"auth_time" changed on refresh')
    }
  }
  const signedIn = expected.sameUserAs
  if (signedIn) {
    if (payload.sub !== signedIn.sub) {
      throw invalid('another user is signed in at the provider than in this app')
    }
    if (payload.iss !== signedIn.iss) throw invalid('"iss" changed on silent renewal')
  }
  return payload as IdTokenClaims
}
