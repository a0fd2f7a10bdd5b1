import { type StepUpChallenge, stepUpFrom } from './step-up'
import type { AuthChallenge } from './www-authenticate'

/** An API answered with an error status. Carries no token. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  /** The Bearer challenge from `WWW-Authenticate`, if any (RFC 6750 §3). */
  readonly challenge: AuthChallenge | undefined
  /** Set when the API asks for a stronger or more recent sign-in (RFC 9470, Entra claims). */
  readonly stepUp: StepUpChallenge | undefined
  /** What the deployer can do about it, when the cause is likely configuration. */
  readonly fix: string | undefined

  constructor(status: number, message: string, challenge?: AuthChallenge, fix?: string) {
    super(message)
    this.status = status
    this.challenge = challenge
    this.stepUp = stepUpFrom(challenge)
    this.fix = fix
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status)
}

/**
 * The API could not be reached: the request failed before any answer (offline, DNS, the API
 * down, or CORS/CSP refusing it). The one API failure worth retrying as it is.
 */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError'
  /** The API's origin. */
  readonly origin: string

  constructor(origin: string, options?: ErrorOptions) {
    super(`Could not reach ${origin}.`, options)
    this.origin = origin
  }
}
