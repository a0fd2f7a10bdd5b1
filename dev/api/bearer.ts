import type { IncomingMessage } from 'node:http'
import { ACR_SECOND_FACTOR } from '../config'
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

// RFC 6750 §2.1: b64token after the (case-insensitive) "Bearer" scheme.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * Authenticates the request's bearer token and checks it carries `requiredScope`; throws the
 * RFC 6750 §3 error otherwise.
 */
export async function authorize(
  req: IncomingMessage,
  url: URL,
  verify: VerifyToken,
  requiredScope: string,
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
  if (header === undefined || !/^Bearer(?: |$)/i.test(header)) {
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
  const token = BEARER.exec(header)?.[1]
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
