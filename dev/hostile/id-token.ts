import {
  base64url,
  CompactSign,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
} from 'jose'
import type { JWK } from 'jose'
import type { IdTokenTamper } from './scenario'

type Key = Awaited<ReturnType<typeof importJWK>>

/** Signs ID tokens the way a hostile provider would: own key, someone else's, or not at all. */
export class IdTokenForger {
  readonly #providerKey: Promise<Key>
  #foreignKey: Promise<Key> | undefined

  /** @param signingKey the provider's private signing JWK (dev/idp/keys.ts) */
  constructor(signingKey: JWK) {
    this.#providerKey = importJWK(signingKey, signingKey.alg ?? 'RS256')
  }

  /** `idToken` with the claims changed as `tamper` says, signed as `tamper.sign` says. */
  async forge(idToken: string, tamper: IdTokenTamper): Promise<string> {
    const original = decodeProtectedHeader(idToken)
    const header = { ...original, alg: original.alg ?? 'RS256' }
    const patch = tamper.claims ?? {}
    const claims: Record<string, unknown> = Object.fromEntries(
      Object.entries({ ...decodeJwt(idToken), ...patch }).filter(([, value]) => value !== null),
    )
    for (const [name, suffix] of Object.entries(tamper.append ?? {})) {
      const current = claims[name]
      claims[name] = `${typeof current === 'string' ? current : ''}${suffix}`
    }
    const payload = new TextEncoder().encode(JSON.stringify(claims))

    switch (tamper.sign ?? 'provider') {
      case 'none':
        return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(payload)}.`
      case 'foreign-key':
        // Same header, kid included: only the signature gives it away.
        return new CompactSign(payload).setProtectedHeader(header).sign(await this.foreignKey())
      case 'provider':
        return new CompactSign(payload).setProtectedHeader(header).sign(await this.#providerKey)
    }
  }

  private foreignKey(): Promise<Key> {
    this.#foreignKey ??= generateKeyPair('RS256').then(({ privateKey }) => privateKey)
    return this.#foreignKey
  }
}
