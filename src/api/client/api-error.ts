import type { AuthChallenge } from './www-authenticate'

/** An API answered with an error status. Carries no token. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  /** The Bearer challenge from `WWW-Authenticate`, if any (RFC 6750 §3). */
  readonly challenge: AuthChallenge | undefined

  constructor(status: number, message: string, challenge?: AuthChallenge) {
    super(message)
    this.status = status
    this.challenge = challenge
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status)
}
