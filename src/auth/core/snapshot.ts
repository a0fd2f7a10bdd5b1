import type { AuthError } from './errors'
import type { IdTokenClaims } from './protocol/id-token'
import { type SessionEnd, sessionEndOf } from './session/session-end'
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
  /** When the session ends by itself, so the app can warn ahead (session-end.ts). */
  readonly sessionEnd: SessionEnd | null
}

export interface AccessToken {
  readonly token: string
  /** The Authorization scheme, e.g. `Bearer`. */
  readonly scheme: string
}

/** What the UI sees of a session; `maxSessionAge` is config.json's, in minutes. */
export function snapshotOf(
  session: Session | null,
  error: AuthError | null,
  maxSessionAge?: number,
): AuthSnapshot {
  if (!session) return signedOut(error)
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
    sessionEnd: sessionEndOf(session, maxSessionAge),
  }
}

export function signedOut(error: AuthError | null): AuthSnapshot {
  return { status: 'signed-out', user: null, error, sessionEnd: null }
}
