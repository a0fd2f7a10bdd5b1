/**
 * DPoP (RFC 9449) with WebCrypto only, so API calls on a signed-in reload need no JOSE library.
 * The private key is generated non-extractable (§11.4: script can use it, never export it) and
 * kept in IndexedDB, which stores CryptoKeys without exposing their bytes.
 */

import { DPOP_ALG, type DpopKeyStore } from './dpop-keys'

export type { DpopKeyStore } from './dpop-keys'

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  let binary = ''
  for (const byte of view) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const encode = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)))

async function sha256(text: string): Promise<string> {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/** The key pair in `store`, created (non-extractable) on first use. */
export async function ensureDpopKeys(store: DpopKeyStore): Promise<CryptoKeyPair> {
  const existing = await store.get()
  if (existing) return existing
  const keys = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify'])
  await store.set(keys)
  return keys
}

async function publicJwk(
  keys: CryptoKeyPair,
): Promise<{ kty: string; crv: string; x: string; y: string }> {
  const {
    kty = '',
    crv = '',
    x = '',
    y = '',
  } = await crypto.subtle.exportKey('jwk', keys.publicKey)
  return { kty, crv, x, y }
}

/** RFC 7638 thumbprint of the public key: the `dpop_jkt` / `cnf.jkt` value. */
export async function dpopThumbprint(keys: CryptoKeyPair): Promise<string> {
  const { crv, kty, x, y } = await publicJwk(keys)
  return sha256(JSON.stringify({ crv, kty, x, y })) // members in lexicographic order
}

export interface ProofRequest {
  readonly method: string
  readonly url: string
  /** Binds the proof to the access token it accompanies (`ath`, §4.2). */
  readonly accessToken?: string
  /** A server-provided nonce (§8, §9). */
  readonly nonce?: string
  /** Epoch ms for `iat`: the corrected clock, so a wrong device clock does not void proofs. */
  readonly now?: number
}

/** A DPoP proof JWT for one request (RFC 9449 §4.2); `htu` has no query or fragment. */
export async function createDpopProof(keys: CryptoKeyPair, request: ProofRequest): Promise<string> {
  const target = new URL(request.url)
  const header = { typ: 'dpop+jwt', alg: DPOP_ALG, jwk: await publicJwk(keys) }
  const payload = {
    jti: crypto.randomUUID(),
    htm: request.method.toUpperCase(),
    htu: `${target.origin}${target.pathname}`,
    iat: Math.floor((request.now ?? Date.now()) / 1000),
    ...(request.accessToken ? { ath: await sha256(request.accessToken) } : {}),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  }
  const input = `${encode(header)}.${encode(payload)}`
  // WebCrypto's ECDSA signature is r||s, which is exactly JWS's ES256 format (RFC 7518 §3.4).
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    keys.privateKey,
    new TextEncoder().encode(input),
  )
  return `${input}.${base64url(signature)}`
}

/** Keys in IndexedDB, one pair per name (the client id). */
export function indexedDbDpopKeys(name: string): DpopKeyStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tessera-dpop', 1)
      request.onupgradeneeded = () => request.result.createObjectStore('keys')
      request.onsuccess = () => {
        resolve(request.result)
      }
      request.onerror = () => {
        reject(request.error ?? new Error('IndexedDB is unavailable'))
      }
    })
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest) => {
    const db = await open()
    try {
      return await new Promise<T>((resolve, reject) => {
        const request = act(db.transaction('keys', mode).objectStore('keys'))
        request.onsuccess = () => {
          resolve(request.result as T)
        }
        request.onerror = () => {
          reject(request.error ?? new Error('IndexedDB request failed'))
        }
      })
    } finally {
      db.close()
    }
  }
  return {
    get: () => run<CryptoKeyPair | undefined>('readonly', (store) => store.get(name)),
    set: async (keys) => {
      await run('readwrite', (store) => store.put(keys, name))
    },
    remove: async () => {
      await run('readwrite', (store) => store.delete(name))
    },
  }
}

/** Keys in memory (tests, or browsers without IndexedDB: the key then dies with the page). */
export function memoryDpopKeys(): DpopKeyStore {
  let keys: CryptoKeyPair | undefined
  return {
    get: () => Promise.resolve(keys),
    set: (value) => {
      keys = value
      return Promise.resolve()
    },
    remove: () => {
      keys = undefined
      return Promise.resolve()
    },
  }
}
