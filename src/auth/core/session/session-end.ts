import type { Session } from './session-store'

/**
 * Why a session ends by itself: the provider's limit on its refresh token (Keycloak's
 * `refresh_expires_in`, a JWT refresh token's `exp`), or the app's `maxSessionAge` counted from
 * when the user authenticated. Either way the user must sign in again then.
 */
export type SessionEndCause = 'refresh-token' | 'max-session-age'

export interface SessionEnd {
  /** Epoch ms on the auth client's clock (the device's, corrected to the provider's). */
  readonly at: number
  readonly cause: SessionEndCause
}

/** When `session` ends by itself, if the provider or config.json says; null when unknown. */
export function sessionEndOf(
  session: Session,
  maxSessionAgeMinutes: number | undefined,
): SessionEnd | null {
  const ends: SessionEnd[] = []
  if (session.refreshToken !== undefined && session.refreshExpiresAt !== undefined) {
    ends.push({ at: session.refreshExpiresAt, cause: 'refresh-token' })
  }
  const authenticatedAt = authenticationTime(session)
  if (maxSessionAgeMinutes !== undefined && authenticatedAt !== undefined) {
    ends.push({ at: authenticatedAt + maxSessionAgeMinutes * 60_000, cause: 'max-session-age' })
  }
  return ends.reduce<SessionEnd | null>(
    (first, end) => (!first || end.at < first.at ? end : first),
    null,
  )
}

/** OIDC Core `auth_time` when the provider sends it, else when this app signed the user in. */
function authenticationTime(session: Session): number | undefined {
  const { auth_time: authTime } = session.claims
  return typeof authTime === 'number' ? authTime * 1000 : session.signedInAt
}

/**
 * The refresh token's limit after a renewal: a new one when the provider said, the old one
 * while the refresh token is the same, else unknown (a rotated token of unknown lifetime).
 */
export function renewedRefreshExpiry(
  session: Session,
  renewed: {
    readonly refreshToken: string | undefined
    readonly refreshExpiresAt?: number | undefined
  },
): number | undefined {
  if (renewed.refreshExpiresAt !== undefined) return renewed.refreshExpiresAt
  return renewed.refreshToken === session.refreshToken ? session.refreshExpiresAt : undefined
}

export function sameSessionEnd(a: SessionEnd | null, b: SessionEnd | null): boolean {
  return a?.at === b?.at && a?.cause === b?.cause
}
