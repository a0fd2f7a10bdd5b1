import { createRemoteJWKSet, errors, jwtVerify } from 'jose'
import type { JWTPayload, JWTVerifyGetKey } from 'jose'
import type { DevStack } from '../config'

export interface VerifiedToken {
  readonly sub: string
  readonly scopes: ReadonlySet<string>
  readonly payload: JWTPayload
}

/** The token is not acceptable: RFC 6750 §3.1 invalid_token. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError'
}

/** The IdP's discovery document or keys could not be loaded: not the client's fault. */
export class IssuerUnavailableError extends Error {
  override readonly name = 'IssuerUnavailableError'
}

export type VerifyToken = (token: string) => Promise<VerifiedToken>

const TIMEOUT_MS = 5_000

async function discoverJwks(issuer: string): Promise<JWTVerifyGetKey> {
  // Auth0's issuer ends in a slash; discovery is below it all the same.
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`discovery answered ${String(response.status)}`)
  const metadata: unknown = await response.json()
  if (typeof metadata !== 'object' || metadata === null) throw new Error('discovery is not JSON')
  const issuerClaim = 'issuer' in metadata ? metadata.issuer : undefined
  const jwksUri = 'jwks_uri' in metadata ? metadata.jwks_uri : undefined
  // OpenID Connect Discovery 1.0 §4.3: the document must name the issuer we asked.
  if (issuerClaim !== issuer) throw new Error(`discovery names issuer ${String(issuerClaim)}`)
  if (typeof jwksUri !== 'string') throw new Error('discovery has no jwks_uri')
  // The dev IdP makes a new key on every start; look again soon after an unknown kid.
  return createRemoteJWKSet(new URL(jwksUri), {
    timeoutDuration: TIMEOUT_MS,
    cooldownDuration: 1_000,
  })
}

function isIssuerFault(error: errors.JOSEError): boolean {
  return (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    // jose's generic error is what a failed JWKS response (non-200, not JSON) raises.
    error.code === errors.JOSEError.code
  )
}

function describe(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The access token expired.'
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The access token's "${error.claim}" claim is not acceptable: ${error.message}.`
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWSSignatureVerificationFailed
  ) {
    return 'The access token was not signed by the identity provider.'
  }
  return `The access token is invalid: ${error.message}.`
}

/** Where tokens come from when not found through the issuer's discovery (a provider profile). */
export interface TokenIssuer {
  readonly issuer: string
  readonly jwksUri: string
}

/**
 * Validates JWT access tokens per RFC 9068 §4 (issuer, audience, typ at+jwt, signature by the
 * IdP's published keys, exp/nbf). The IdP's keys are found through its discovery document on
 * first use, so the API may start before the IdP.
 */
export function createTokenVerifier(
  stack: DevStack,
  audience: string,
  tokenIssuer?: TokenIssuer,
): VerifyToken {
  let jwks: Promise<JWTVerifyGetKey> | undefined
  const issuer = tokenIssuer?.issuer ?? stack.issuer

  /** The key set, found once: discovery runs on the first request only (or after a failure). */
  function keys(): Promise<JWTVerifyGetKey> {
    jwks ??= (
      tokenIssuer
        ? Promise.resolve(
            createRemoteJWKSet(new URL(tokenIssuer.jwksUri), {
              timeoutDuration: TIMEOUT_MS,
              cooldownDuration: 1_000,
            }),
          )
        : discoverJwks(stack.issuer)
    ).catch((error: unknown) => {
      jwks = undefined
      throw new IssuerUnavailableError("cannot load the identity provider's keys", { cause: error })
    })
    return jwks
  }

  return async (token) => {
    const getKey = await keys()
    let verified
    try {
      verified = await jwtVerify(token, getKey, {
        issuer,
        audience,
        typ: 'at+jwt',
        algorithms: ['RS256', 'PS256', 'ES256'],
        clockTolerance: 5,
        // RFC 9068 §2.2: claims every JWT access token carries.
        requiredClaims: ['exp', 'iat', 'jti', 'sub', 'client_id'],
      })
    } catch (error) {
      if (!(error instanceof errors.JOSEError) || isIssuerFault(error)) {
        throw new IssuerUnavailableError('cannot verify the access token', { cause: error })
      }
      throw new InvalidTokenError(describe(error))
    }
    const { payload } = verified
    const { sub, scope } = payload
    if (typeof sub !== 'string' || sub === '')
      throw new InvalidTokenError('The access token has no subject.')
    const granted = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []
    // Entra-style scopes name the API (`<App ID URI>/<permission>`); the API checks permissions.
    const prefix = `${audience}/`
    const scopes = new Set(
      granted.flatMap((name) =>
        name.startsWith(prefix) ? [name, name.slice(prefix.length)] : name,
      ),
    )
    return { sub, scopes, payload }
  }
}
