import { randomBytes } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'
import type { JWK } from 'jose'

/**
 * A fresh RS256 signing key for this process only. It lives in memory and is never written to
 * disk, so every restart invalidates all tokens, which is what a dev IdP should do.
 */
export async function createSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }
}

/** Keys oidc-provider signs its cookies with; random per process, like the signing key. */
export function createCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')]
}
