import { challenge } from './bearer'
import { HttpError, problem } from './http'
import type { VerifiedToken } from './verify-token'

/** The Conditional Access authentication context that stands for "with a second factor". */
export const AUTH_CONTEXT = 'c1'

function claimsChallenge(claims: unknown, detail: string): HttpError {
  return new HttpError(problem(401, 'insufficient-claims', 'Claims challenge', detail), {
    'WWW-Authenticate': challenge({
      error: 'insufficient_claims',
      error_description: detail,
      claims: Buffer.from(JSON.stringify(claims)).toString('base64'),
    }),
  })
}

/**
 * Entra's step-up: an operation protected by a Conditional Access authentication context
 * accepts only tokens whose `acrs` lists it, and otherwise answers a claims challenge asking
 * for it (instead of RFC 9470's `insufficient_user_authentication`).
 */
export function requireAuthContext(token: VerifiedToken, detail: string): void {
  const contexts = token.payload.acrs
  if (Array.isArray(contexts) && contexts.includes(AUTH_CONTEXT)) return
  throw claimsChallenge(
    { access_token: { acrs: { essential: true, value: AUTH_CONTEXT } } },
    detail,
  )
}

/** What a client announces (`xms_cc`) when it can answer claims challenges (Entra CAE). */
const CAE_CAPABILITY = 'cp1'

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Continuous Access Evaluation as Entra resource APIs do it: after a critical event for a user
 * (password reset, session revoked…) tokens issued before it are refused at once, not when they
 * expire. A client that announced capability `cp1` gets a claims challenge it can answer with
 * a fresh token (`insufficient_claims`, claims asking for `nbf` after the event); any other
 * client gets a plain `invalid_token`.
 */
export class CriticalEvents {
  readonly #since = new Map<string, number>()

  /**
   * Records an event for `sub`, effective from the next whole second, and resolves once that
   * second has begun: tokens issued before the call are refused, tokens issued after it are not
   * (`iat` has one-second resolution).
   */
  async record(sub: string): Promise<number> {
    const at = Math.floor(Date.now() / 1000) + 1
    this.#since.set(sub, at)
    await sleep(at * 1000 - Date.now())
    return at
  }

  /** Throws the challenge for a token that predates its user's last critical event. */
  check(token: VerifiedToken): void {
    const since = this.#since.get(token.sub)
    const issuedAt = token.payload.iat
    if (since === undefined || (typeof issuedAt === 'number' && issuedAt >= since)) return
    const capabilities = token.payload.xms_cc
    if (!Array.isArray(capabilities) || !capabilities.includes(CAE_CAPABILITY)) {
      const detail = 'The access token was revoked by a critical event.'
      throw new HttpError(problem(401, 'invalid-token', 'Invalid access token', detail), {
        'WWW-Authenticate': challenge({ error: 'invalid_token', error_description: detail }),
      })
    }
    const claims = { access_token: { nbf: { essential: true, value: String(since) } } }
    throw claimsChallenge(claims, 'Continuous access evaluation resulted in a claims challenge.')
  }
}
