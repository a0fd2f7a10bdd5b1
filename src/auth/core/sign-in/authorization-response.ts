import { AuthError } from '../errors'
import type { ProviderMetadata } from '../protocol/metadata'

/** The query parameters that make a URL an authorization response (RFC 6749 §4.1.2). */
export function isAuthorizationResponse(url: URL): boolean {
  const params = url.searchParams
  return params.has('state') && (params.has('code') || params.has('error'))
}

/**
 * RFC 9207 §2.4: reject a response whose `iss` differs from the issuer the request was sent to,
 * and reject one without `iss` when the provider advertises that it sends it. This defeats
 * mix-up attacks, and runs before the code is redeemed.
 */
export function checkResponseIssuer(url: URL, metadata: ProviderMetadata): void {
  const iss = url.searchParams.get('iss')
  if (iss === null) {
    if (metadata.authorization_response_iss_parameter_supported === true) {
      throw new AuthError('issuer_mismatch', {
        message:
          'The sign-in response has no "iss" parameter although the provider promises one (RFC 9207).',
        fix: 'Start the sign-in again. If it repeats, someone may be tampering with the sign-in.',
      })
    }
    return
  }
  if (iss !== metadata.issuer) {
    // SEC-43: the response's own `iss` is not repeated: a crafted link could choose it.
    throw new AuthError('issuer_mismatch', {
      message: `The sign-in response names another issuer than "${metadata.issuer}" (RFC 9207).`,
      fix: 'Start the sign-in again from this app. If it repeats, check "authority" in config.json.',
    })
  }
}
