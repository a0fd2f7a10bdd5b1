import { isRecord } from '../protocol/http'
import type { IdTokenClaims } from '../protocol/id-token'

/** The subset of the Web Storage API the core needs; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface AccessTokenEntry {
  readonly token: string
  /** `Bearer` (or `DPoP`), normalised to the case used in the Authorization header. */
  readonly tokenType: string
  /** Local-clock epoch ms, computed from `expires_in` at receipt (immune to client clock offset). */
  readonly expiresAt: number
  /** When to renew ahead of expiry: a skew margin before `expiresAt`. */
  readonly renewAt: number
  readonly scopes: readonly string[]
}

/** A signed-in user's tokens. SEC-27: lives in sessionStorage (per tab) and memory only. */
export interface Session {
  readonly issuer: string
  readonly clientId: string
  readonly idToken: string
  /** The validated ID token payload. */
  readonly claims: IdTokenClaims
  readonly refreshToken: string | undefined
  /**
   * When the refresh token stops working, as the provider told (epoch ms, the auth client's
   * clock; session-end.ts); unknown for most providers.
   */
  readonly refreshExpiresAt?: number
  /** When this app signed the user in (the auth client's clock): `maxSessionAge` without `auth_time`. */
  readonly signedInAt?: number
  readonly accessTokens: Readonly<Record<string, AccessTokenEntry>>
  /** When this tab or a sibling last wrote the session: the newest copy wins across tabs. */
  readonly updatedAt: number
}

const VERSION = 1

/**
 * sessionStorage behind an in-memory copy: parsed once, validated, then read from memory, so a
 * token lookup never parses storage. Corrupted, foreign or old-version entries are discarded.
 */
export class SessionStore {
  private session: Session | null | undefined
  private readonly key: string
  private readonly expected: { issuer: string; clientId: string }

  private readonly storage: KeyValueStorage

  constructor(storage: KeyValueStorage, issuer: string, clientId: string) {
    this.storage = storage
    this.key = `${KEY_PREFIX}${clientId}`
    this.expected = { issuer, clientId }
  }

  get(): Session | null {
    if (this.session === undefined) this.session = this.read()
    return this.session
  }

  set(session: Session): void {
    this.session = session
    this.storage.setItem(this.key, JSON.stringify({ ...session, v: VERSION }))
  }

  clear(): void {
    this.session = null
    this.storage.removeItem(this.key)
  }

  private read(): Session | null {
    const raw = this.storage.getItem(this.key)
    if (raw === null) return null
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      parsed = undefined
    }
    if (isRecord(parsed) && parsed.v === VERSION && isValidSession(parsed, this.expected)) {
      const { v: _version, ...session } = parsed
      return session
    }
    console.warn('Tessera: discarded an unreadable stored session; please sign in again.')
    this.storage.removeItem(this.key)
    return null
  }
}

/** Whether `value` is a well-formed session of this issuer and client. */
export function isValidSession(
  value: unknown,
  expected: { issuer: string; clientId: string },
): value is Session {
  if (!isRecord(value)) return false
  if (value.issuer !== expected.issuer || value.clientId !== expected.clientId) return false
  if (typeof value.idToken !== 'string' || typeof value.updatedAt !== 'number') return false
  if (value.refreshToken !== undefined && typeof value.refreshToken !== 'string') return false
  if (!optionalNumber(value.refreshExpiresAt) || !optionalNumber(value.signedInAt)) return false
  const claims = value.claims
  if (!isRecord(claims) || typeof claims.sub !== 'string' || typeof claims.iss !== 'string') {
    return false
  }
  if (!isRecord(value.accessTokens)) return false
  return Object.values(value.accessTokens).every(
    (entry) =>
      isRecord(entry) &&
      typeof entry.token === 'string' &&
      typeof entry.tokenType === 'string' &&
      typeof entry.expiresAt === 'number' &&
      typeof entry.renewAt === 'number' &&
      Array.isArray(entry.scopes),
  )
}

function optionalNumber(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value))
}

const KEY_PREFIX = 'tessera.session:'
