import type { IncomingMessage } from 'node:http'
import { ACR_SECOND_FACTOR } from '../config'
import { DpopError, type DpopNonces, type SeenProofs, verifyDpopProof } from './dpop'
import { HttpError, problem } from './http'
import { InvalidTokenError, IssuerUnavailableError } from './verify-token'
import type { VerifiedToken, VerifyToken } from './verify-token'

export const REALM = 'tessera-demo-api'

// RFC 6750 §3: error_description and scope may not contain '"' or '\' (or non-ASCII).
function quotable(value: string): string {
  return value.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '')
}

/** A `WWW-Authenticate: Bearer ...` challenge (RFC 6750 §3). */
export function challenge(params: Readonly<Record<string, string>> = {}): string {
  const attributes = Object.entries(params).map(([name, value]) => `${name}="${quotable(value)}"`)
  return [`Bearer realm="${REALM}"`, ...attributes].join(', ')
}

function bearerError(
  status: number,
  error: 'invalid_request' | 'invalid_token' | 'insufficient_scope',
  title: string,
  detail: string,
  extra: Readonly<Record<string, string>> = {},
): HttpError {
  return new HttpError(problem(status, error.replaceAll('_', '-'), title, detail), {
    'WWW-Authenticate': challenge({ error, error_description: detail, ...extra }),
  })
}

/**
 * RFC 9470 §3: the token's authentication is too weak for this operation; the challenge tells
 * the client which `acr_values` to ask the provider for.
 */
export function requireSecondFactor(token: VerifiedToken, detail: string): void {
  if (token.payload.acr === ACR_SECOND_FACTOR) return
  throw new HttpError(
    problem(401, 'insufficient-user-authentication', 'Step-up required', detail),
    {
      'WWW-Authenticate': challenge({
        error: 'insufficient_user_authentication',
        error_description: detail,
        acr_values: ACR_SECOND_FACTOR,
      }),
    },
  )
}

/** "fetch failed (ECONNREFUSED)"-style one-liner for the log. */
function causeOf(error: Error): string {
  const messages: string[] = []
  let cause: unknown = error.cause
  while (cause instanceof Error && messages.length < 3) {
    messages.push(cause.message)
    cause = cause.cause
  }
  return messages.join(': ') || 'unknown cause'
}

// RFC 6750 §2.1 / RFC 9449 §7.1: b64token after the (case-insensitive) scheme.
const CREDENTIALS = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*) *$/i

export interface DpopContext {
  readonly nonces: DpopNonces
  readonly seen: SeenProofs
}

/** RFC 9449 §7.1: a DPoP challenge, with the nonce to use when that is what is missing. */
function dpopError(error: DpopError): HttpError {
  const headers: Record<string, string> = {
    'WWW-Authenticate': `DPoP error="${error.code}", error_description="${quotable(error.message)}", algs="ES256"`,
  }
  return new HttpError(
    problem(401, error.code.replaceAll('_', '-'), 'DPoP proof refused', error.message),
    headers,
  )
}

function confirmationKey(token: VerifiedToken): string | undefined {
  const cnf = token.payload.cnf
  if (typeof cnf !== 'object' || cnf === null || !('jkt' in cnf)) return undefined
  return typeof cnf.jkt === 'string' ? cnf.jkt : undefined
}

/**
 * Authenticates the request's bearer token and checks it carries `requiredScope`; throws the
 * RFC 6750 §3 error otherwise.
 */
export async function authorize(
  req: IncomingMessage,
  url: URL,
  verify: VerifyToken,
  requiredScope: string,
  dpop: DpopContext,
): Promise<VerifiedToken> {
  // RFC 9700 §4.3.2: tokens in URIs leak through history, logs and Referer; header only.
  if (url.searchParams.has('access_token')) {
    throw bearerError(
      400,
      'invalid_request',
      'Invalid request',
      'Send the access token in the Authorization header, never in the URL.',
    )
  }
  const header = req.headers.authorization
  // RFC 6750 §3.1: a request without (bearer) credentials gets a challenge without error code.
  if (header === undefined || !/^(?:Bearer|DPoP)(?: |$)/i.test(header)) {
    throw new HttpError(
      problem(
        401,
        'unauthorized',
        'Authentication required',
        'Send an access token as "Authorization: Bearer <token>".',
      ),
      { 'WWW-Authenticate': challenge() },
    )
  }
  const [, scheme = '', token] = CREDENTIALS.exec(header) ?? []
  if (token === undefined) {
    throw bearerError(
      400,
      'invalid_request',
      'Invalid request',
      'The Authorization header is malformed.',
    )
  }

  let verified: VerifiedToken
  try {
    verified = await verify(token)
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw bearerError(401, 'invalid_token', 'Invalid access token', error.message)
    }
    if (error instanceof IssuerUnavailableError) {
      console.error(`[api] ${error.message}: ${causeOf(error)}`)
      throw new HttpError(
        problem(
          503,
          'issuer-unavailable',
          'Identity provider unavailable',
          'The access token cannot be checked right now; try again shortly.',
        ),
        { 'Retry-After': '1' },
      )
    }
    throw error
  }

  // RFC 9449 §7: a DPoP-bound token is only good with a proof by its key, never as a bearer.
  const jkt = confirmationKey(verified)
  if (scheme.toLowerCase() === 'dpop') {
    if (jkt === undefined) {
      throw bearerError(
        401,
        'invalid_token',
        'Invalid access token',
        'This token is not DPoP-bound.',
      )
    }
    const proof = req.headers.dpop
    try {
      await verifyDpopProof({
        proof: Array.isArray(proof) ? proof.join(',') : proof,
        method: req.method ?? 'GET',
        url,
        accessToken: token,
        jkt,
        ...dpop,
      })
    } catch (error) {
      if (error instanceof DpopError) {
        const refused = dpopError(error)
        if (error.code === 'use_dpop_nonce') refused.headers['DPoP-Nonce'] = dpop.nonces.current()
        throw refused
      }
      throw error
    }
  } else if (jkt !== undefined) {
    throw bearerError(
      401,
      'invalid_token',
      'Invalid access token',
      'This token is bound to a DPoP key: send it with the DPoP scheme and a proof.',
    )
  }

  if (!verified.scopes.has(requiredScope)) {
    throw bearerError(
      403,
      'insufficient_scope',
      'Insufficient scope',
      `This request needs the "${requiredScope}" scope.`,
      { scope: requiredScope },
    )
  }
  return verified
}
