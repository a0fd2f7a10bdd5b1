import { createHash, randomBytes } from 'node:crypto'

import { calculateJwkThumbprint, EmbeddedJWK, errors, jwtVerify } from 'jose'

/** Why a DPoP proof was refused: RFC 9449 §7.1 error codes. */
export class DpopError extends Error {
  readonly code: 'invalid_dpop_proof' | 'use_dpop_nonce'

  constructor(code: 'invalid_dpop_proof' | 'use_dpop_nonce', message: string) {
    super(message)
    this.name = 'DpopError'
    this.code = code
  }
}

/** Proofs older (or newer) than this are refused; also how long a jti is remembered. */
const PROOF_WINDOW_SECONDS = 60
const NONCE_LIFETIME_MS = 5 * 60_000

/**
 * Resource-server nonces (RFC 9449 §9): the current one and its predecessor are accepted, so a
 * rotation does not fail requests in flight.
 */
export class DpopNonces {
  #current = randomBytes(16).toString('base64url')
  #previous = ''
  #rotatedAt = Date.now()

  current(): string {
    if (Date.now() - this.#rotatedAt > NONCE_LIFETIME_MS) {
      this.#previous = this.#current
      this.#current = randomBytes(16).toString('base64url')
      this.#rotatedAt = Date.now()
    }
    return this.#current
  }

  accepts(nonce: unknown): boolean {
    return typeof nonce === 'string' && (nonce === this.current() || nonce === this.#previous)
  }
}

/** Remembers proof `jti`s for the proof window, so a captured proof cannot be replayed. */
export class SeenProofs {
  readonly #seen = new Map<string, number>()

  firstUse(jti: string): boolean {
    const now = Date.now()
    for (const [id, expiry] of this.#seen) if (expiry < now) this.#seen.delete(id)
    if (this.#seen.has(jti)) return false
    this.#seen.set(jti, now + 2 * PROOF_WINDOW_SECONDS * 1000)
    return true
  }
}

export interface ProofCheck {
  readonly proof: string | undefined
  readonly method: string
  /** The request URL; htu is compared without query and fragment (RFC 9449 §4.3). */
  readonly url: URL
  readonly accessToken: string
  /** The access token's `cnf.jkt`: the proof must be signed by that key. */
  readonly jkt: string
  readonly nonces: DpopNonces
  readonly seen: SeenProofs
}

/** Verifies a DPoP proof for a resource request (RFC 9449 §4.3, §7.1). */
export async function verifyDpopProof(check: ProofCheck): Promise<void> {
  if (check.proof === undefined || check.proof.includes(',')) {
    throw new DpopError('invalid_dpop_proof', 'Send exactly one DPoP proof header.')
  }
  let verified
  try {
    verified = await jwtVerify(check.proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA'],
      maxTokenAge: PROOF_WINDOW_SECONDS,
      clockTolerance: 5,
    })
  } catch (error) {
    const reason = error instanceof errors.JOSEError ? error.message : 'unreadable'
    throw new DpopError('invalid_dpop_proof', `The DPoP proof is invalid: ${reason}.`)
  }
  const { payload, protectedHeader } = verified
  const htu = `${check.url.origin}${check.url.pathname}`
  if (payload.htm !== check.method || payload.htu !== htu) {
    throw new DpopError('invalid_dpop_proof', 'The DPoP proof is for another request.')
  }
  const ath = createHash('sha256').update(check.accessToken).digest('base64url')
  if (payload.ath !== ath) {
    throw new DpopError('invalid_dpop_proof', 'The DPoP proof is for another access token.')
  }
  if (!protectedHeader.jwk || (await calculateJwkThumbprint(protectedHeader.jwk)) !== check.jkt) {
    throw new DpopError('invalid_dpop_proof', 'The DPoP proof is not signed by the token’s key.')
  }
  if (!check.nonces.accepts(payload.nonce)) {
    throw new DpopError('use_dpop_nonce', 'Use the DPoP nonce this API provides.')
  }
  if (typeof payload.jti !== 'string' || !check.seen.firstUse(payload.jti)) {
    throw new DpopError('invalid_dpop_proof', 'The DPoP proof was already used.')
  }
}
