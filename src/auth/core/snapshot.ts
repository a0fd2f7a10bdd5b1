import type { AuthError } from './errors'
import type { IdTokenClaims } from './protocol/id-token'
import type { Session } from './session/session-store'

export interface AuthUser {
  readonly sub: string
  readonly name: string
  readonly email: string | undefined
  /** The validated ID token claims. */
  readonly claims: IdTokenClaims
}

export type AuthStatus = 'signed-out' | 'redirecting' | 'signed-in'

export interface AuthSnapshot {
  readonly status: AuthStatus
  readonly user: AuthUser | null
  /** The last failure the user should see (sign-in failed, session expired); null once resolved. */
  readonly error: AuthError | null
}

export interface AccessToken {
  readonly token: string
  /** The Authorization scheme, e.g. `Bearer`. */
  readonly scheme: string
}

/** What the UI sees of a session. */
export function snapshotOf(session: Session | null, error: AuthError | null): AuthSnapshot {
  if (!session) return { status: 'signed-out', user: null, error }
  const { claims } = session
  const name = [claims.name, claims.preferred_username, claims.sub].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  return {
    status: 'signed-in',
    user: {
      sub: claims.sub,
      name: name ?? claims.sub,
      email: typeof claims.email === 'string' ? claims.email : undefined,
      claims,
    },
    error,
  }
}
