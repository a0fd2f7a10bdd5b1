/**
 * What the rest of the core needs to know of DPoP without loading it: `dpop.ts` (WebCrypto
 * proofs, IndexedDB keys) is a chunk of its own, fetched only when `"dpop": true`.
 */

export interface DpopKeyStore {
  get(): Promise<CryptoKeyPair | undefined>
  set(keys: CryptoKeyPair): Promise<void>
  remove(): Promise<void>
}

/** The JWS algorithm of the proofs: ECDSA P-256 (RFC 7518 §3.4). */
export const DPOP_ALG = 'ES256'

/** This browser's key store (IndexedDB, else memory), loaded on first use. */
export function lazyDpopKeys(name: string): DpopKeyStore {
  let store: Promise<DpopKeyStore> | undefined
  const loaded = () =>
    (store ??= import('./dpop').then((dpop) =>
      typeof indexedDB === 'undefined' ? dpop.memoryDpopKeys() : dpop.indexedDbDpopKeys(name),
    ))
  return {
    get: async () => (await loaded()).get(),
    set: async (keys) => {
      await (await loaded()).set(keys)
    },
    remove: async () => {
      await (await loaded()).remove()
    },
  }
}
